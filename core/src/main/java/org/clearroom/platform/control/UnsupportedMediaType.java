package org.clearroom.platform.control;

import java.util.List;
import org.clearroom.platform.FieldError;

/** The body is not of a media type the operation reads (or has none declared): 415, naming the header. */
public class UnsupportedMediaType extends ClearroomException {

    public UnsupportedMediaType(String message) {
        super(
                415,
                "unsupported-media-type",
                "Unsupported media type",
                "Content-Type: " + message,
                List.of(new FieldError("Content-Type", message)));
    }
}

package org.clearroom.platform.control;

import java.util.List;
import org.clearroom.platform.FieldError;

/** The request's body (or one part of it) is larger than the server accepts: 413, naming the part. */
public class PayloadTooLarge extends ClearroomException {

    public PayloadTooLarge(String field, String message) {
        super(
                413,
                "payload-too-large",
                "Payload too large",
                field + ": " + message,
                List.of(new FieldError(field, message)));
    }
}

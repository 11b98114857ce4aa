package org.clearroom.platform.control;

import java.util.List;

/** The resource does not exist, or the caller may not know that it does. */
public class NotFound extends ClearroomException {

    public NotFound(String what) {
        super(404, "not-found", "Not found", what + " does not exist or is not visible to you", List.of());
    }
}

package org.clearroom.platform.control;

import java.util.List;

/** No valid credentials came with the request. */
public class NotAuthenticated extends ClearroomException {

    public NotAuthenticated(String detail) {
        super(401, "not-authenticated", "Not authenticated", detail, List.of());
    }
}

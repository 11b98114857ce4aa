package org.clearroom.platform.control;

import java.util.List;

/** The caller sees the resource but may not do this to it. */
public class Forbidden extends ClearroomException {

    public Forbidden(String detail) {
        super(403, "forbidden", "Forbidden", detail, List.of());
    }
}

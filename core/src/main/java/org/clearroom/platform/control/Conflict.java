package org.clearroom.platform.control;

import java.util.List;
import org.clearroom.platform.FieldError;

/** The change contradicts what is stored (a name already taken, a stale version). */
public class Conflict extends ClearroomException {

    public Conflict(String field, String detail) {
        super(409, "conflict", "Conflict", detail, field == null ? List.of() : List.of(new FieldError(field, detail)));
    }
}

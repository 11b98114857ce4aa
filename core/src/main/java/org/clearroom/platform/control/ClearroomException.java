package org.clearroom.platform.control;

import java.util.List;
import org.clearroom.platform.FieldError;

/**
 * A failure the caller can act on. Rendered once, as problem+json, by the web layer; {@code type} is
 * the last segment of the problem type URI. Unchecked, so the transaction rolls back.
 */
public abstract class ClearroomException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    protected ClearroomException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}

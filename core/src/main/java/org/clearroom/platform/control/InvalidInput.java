package org.clearroom.platform.control;

import java.util.List;
import org.clearroom.platform.FieldError;

/** The request names something wrong: each field and what is wrong with it. */
public class InvalidInput extends ClearroomException {

    public InvalidInput(List<FieldError> errors) {
        super(400, "invalid-input", "Invalid input", summary(errors), errors);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    private static String summary(List<FieldError> errors) {
        if (errors.size() == 1) {
            return errors.get(0).field() + ": " + errors.get(0).message();
        }
        return errors.size() + " fields are invalid";
    }
}

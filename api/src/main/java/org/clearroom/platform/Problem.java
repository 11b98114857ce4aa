package org.clearroom.platform;

import java.util.List;

/**
 * An error answer as RFC 9457 {@code application/problem+json}. {@code errors} names each invalid field;
 * {@code requestId} ties the answer to the server log and the audit trail.
 */
public record Problem(
        @Required String type,
        @Required String title,
        int status,
        String detail,
        String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}

package org.clearroom.platform;

import jakarta.json.JsonObject;
import java.util.List;

/** Renders {@link Problem} answers (RFC 9457), the one way every error leaves the server. */
public final class Problems {

    public static final String TYPE_BASE = "https://clearroom.org/problems/";

    /** Looked up once: {@code Json.create...} looks the provider up on every call. */
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    private Problems() {}

    public static Problem of(
            int status, String type, String title, String detail, String requestId, List<FieldError> errors) {
        return new Problem(TYPE_BASE + type, title, status, detail, requestId, errors);
    }

    public static JsonObject json(Problem problem) {
        var body = JSON.createObjectBuilder()
                .add("type", problem.type())
                .add("title", problem.title())
                .add("status", problem.status());
        if (problem.detail() != null) {
            body.add("detail", problem.detail());
        }
        if (problem.requestId() != null) {
            body.add("requestId", problem.requestId());
        }
        if (!problem.errors().isEmpty()) {
            var errors = JSON.createArrayBuilder();
            problem.errors()
                    .forEach(e -> errors.add(
                            JSON.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            body.add("errors", errors);
        }
        return body.build();
    }
}

package org.clearroom.platform;

import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

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

    /**
     * Answers {@code status} as a problem outside JAX-RS (servlet filters, the error page, the
     * authentication mechanism), with the reason phrase as its title and {@code field} named when given.
     */
    public static void write(
            HttpServletRequest request, HttpServletResponse response, int status, String detail, FieldError... errors)
            throws IOException {
        var reason = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
        var title = reason == null ? "Error" : reason.getReasonPhrase();
        write(response, of(status, slug(title), title, detail, RequestIds.of(request), List.of(errors)));
    }

    /** Writes {@code problem} as the whole answer. */
    public static void write(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        if (problem.requestId() != null) {
            response.setHeader(RequestIds.HEADER, problem.requestId());
        }
        var out = response.getOutputStream();
        out.write(json(problem).toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The problem type's last segment for a status without one of its own: "Not Found" is not-found. */
    public static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
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

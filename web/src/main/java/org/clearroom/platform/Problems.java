package org.clearroom.platform;

import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clearroom.platform.control.ClearroomException;

/** Renders {@link Problem} answers (RFC 9457), the one way every error leaves the server. */
public final class Problems {

    public static final String TYPE_BASE = "https://clearroom.org/problems/";

    /** Looked up once: {@code Json.create...} looks the provider up on every call. */
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    private Problems() {}

    /** A problem lists at most this many field errors, then one saying how many more there were. */
    static final int MAX_ERRORS = 50;

    /** Details and messages longer than this are cut: they may carry what the caller sent. */
    static final int MAX_TEXT = 1_024;

    /**
     * A problem, made safe to show whatever the caller sent: its detail, field names and messages have
     * controls and bidirectional controls written as {@code \\uXXXX} and are bounded in length, and at
     * most {@link #MAX_ERRORS} field errors are listed, so an answer never grows with the request.
     */
    public static Problem of(
            int status, String type, String title, String detail, String requestId, List<FieldError> errors) {
        var listed = new ArrayList<FieldError>(Math.min(errors.size(), MAX_ERRORS + 1));
        for (var error : errors.subList(0, Math.min(errors.size(), MAX_ERRORS))) {
            listed.add(new FieldError(
                    TextRules.shown(error.field(), TextRules.SHOWN * 2), TextRules.shown(error.message(), MAX_TEXT)));
        }
        if (errors.size() > MAX_ERRORS) {
            listed.add(new FieldError("body", "and " + (errors.size() - MAX_ERRORS) + " more problems, not listed"));
        }
        return new Problem(
                TYPE_BASE + type,
                title,
                status,
                detail == null ? null : TextRules.shown(detail, MAX_TEXT),
                requestId,
                List.copyOf(listed));
    }

    /**
     * Answers {@code status} as a problem outside JAX-RS (servlet filters, the error page, the
     * authentication mechanism), with the reason phrase as its title and {@code field} named when given.
     */
    public static void write(
            HttpServletRequest request, HttpServletResponse response, int status, String detail, FieldError... errors)
            throws IOException {
        if (status == 400 && errors.length > 0) {
            // a refusal naming what is wrong is the same kind of problem wherever it is found
            write(response, of(400, "invalid-input", "Invalid input", detail, RequestIds.of(request), List.of(errors)));
            return;
        }
        var reason = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
        var title = reason == null ? "Error" : reason.getReasonPhrase();
        write(response, of(status, slug(title), title, detail, RequestIds.of(request), List.of(errors)));
    }

    /** Answers {@code refusal} outside JAX-RS, as {@link ProblemResponses} would inside it. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ClearroomException refusal)
            throws IOException {
        write(
                response,
                of(
                        refusal.status(),
                        refusal.type(),
                        refusal.title(),
                        refusal.getMessage(),
                        RequestIds.of(request),
                        refusal.errors()));
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

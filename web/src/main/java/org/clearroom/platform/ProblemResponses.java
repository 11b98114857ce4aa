package org.clearroom.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.clearroom.platform.control.ClearroomException;
import org.clearroom.platform.control.NotAuthenticated;
import org.clearroom.platform.control.TooManyAttempts;

/**
 * Turns any failure into a problem answer. 4xx are logged quietly; 5xx loudly, with the request id that
 * the answer also carries, and never with a stack trace, SQL or class name in the answer.
 */
@ApplicationScoped
public class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class.getName());

    @Inject
    HttpServletRequest request;

    public Response of(Throwable failure) {
        var known = find(failure, ClearroomException.class);
        if (known != null) {
            return known(known);
        }
        var sql = find(failure, SQLException.class);
        if (sql != null && "23505".equals(sql.getSQLState())) {
            // a uniqueness race that the boundary's own check could not see: nothing was stored
            return build(
                    Problems.of(
                            409,
                            "conflict",
                            "Conflict",
                            "the change conflicts with a record stored meanwhile; nothing was changed",
                            requestId(),
                            List.of()),
                    null);
        }
        var concurrent = find(failure, jakarta.persistence.OptimisticLockException.class) != null
                || (sql != null && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState())));
        if (concurrent) {
            // someone changed the same record at the same moment: this change was rolled back whole
            return build(
                    Problems.of(
                            409,
                            "conflict",
                            "Conflict",
                            "someone else changed this at the same moment; nothing was changed, read it again and retry",
                            requestId(),
                            List.of()),
                    null);
        }
        if (sql != null && "22021".equals(sql.getSQLState())) {
            return build(
                    Problems.of(
                            400,
                            "invalid-input",
                            "Invalid input",
                            "the request contains characters that cannot be stored",
                            requestId(),
                            List.of()),
                    null);
        }
        var id = requestId();
        LOG.log(Level.SEVERE, "request " + id + " failed", failure);
        return build(
                Problems.of(
                        500,
                        "internal-error",
                        "Internal server error",
                        "the server failed; quote request id " + id + " to the operators",
                        id,
                        List.of()),
                null);
    }

    public Response status(int status, String detail) {
        var reason = Response.Status.fromStatusCode(status);
        var title = reason == null ? "Error" : reason.getReasonPhrase();
        if (status >= 500) {
            LOG.warning(() -> "request " + requestId() + " answered " + status + ": " + detail);
        }
        return build(Problems.of(status, slug(title), title, detail, requestId(), List.of()), null);
    }

    private Response known(ClearroomException e) {
        LOG.fine(() -> "request " + requestId() + " answered " + e.status() + ": " + e.getMessage());
        var builder = Response.status(e.status());
        if (e instanceof NotAuthenticated) {
            builder.header("WWW-Authenticate", "Bearer realm=\"clearroom\"");
        }
        if (e instanceof TooManyAttempts locked) {
            builder.header("Retry-After", Long.toString(locked.retryAfterSeconds()));
        }
        return build(Problems.of(e.status(), e.type(), e.title(), e.getMessage(), requestId(), e.errors()), builder);
    }

    private static Response build(Problem problem, Response.ResponseBuilder builder) {
        return (builder == null ? Response.status(problem.status()) : builder)
                .type(Problem.MEDIA_TYPE)
                .entity(Problems.json(problem).toString())
                .build();
    }

    private String requestId() {
        try {
            return RequestIds.of(request);
        } catch (RuntimeException noRequest) {
            return null;
        }
    }

    private static String slug(String title) {
        return Problems.slug(title);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t instanceof SQLException sql
                    && sql.getNextException() != null
                    && type.isInstance(sql.getNextException())) {
                return type.cast(sql.getNextException());
            }
        }
        return null;
    }
}

package org.clearroom.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.clearroom.platform.control.UnsupportedMediaType;

/** Every exception that reaches JAX-RS, answered as problem+json. */
@Provider
public class FailureMapper implements ExceptionMapper<Throwable> {

    @Inject
    ProblemResponses problems;

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof WebApplicationException web && !(web.getCause() instanceof RuntimeException)) {
            int status = web.getResponse().getStatus();
            if (status == 415) {
                // the same answer as a body without any Content-Type (BodyRequirements)
                return problems.of(new UnsupportedMediaType("must be application/json"));
            }
            if (status < 500) {
                var allow = web.getResponse().getHeaderString("Allow");
                var response = problems.status(status, detail(status));
                return allow == null
                        ? response
                        : Response.fromResponse(response).header("Allow", allow).build();
            }
        }
        if (failure instanceof WebApplicationException web && web.getCause() != null) {
            return problems.of(web.getCause());
        }
        return problems.of(failure);
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "no resource at this path";
            case 405 -> "this path does not accept this method";
            case 406 -> "the answer is available as application/json only";
            case 400 -> "the request is malformed";
            default -> "the request was refused";
        };
    }
}

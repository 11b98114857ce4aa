package org.clearroom.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import org.clearroom.platform.control.InvalidInput;
import org.clearroom.platform.control.PayloadTooLarge;
import org.clearroom.platform.control.UnsupportedMediaType;

/**
 * A body sent to an operation that reads one must say what it is: without a {@code Content-Type} the
 * body would be taken for {@code application/octet-stream}, which nothing here reads, and the caller
 * would learn nothing useful. Answers 415 naming the header, before the body is read. A body sent to an
 * operation that reads none is refused (400, naming {@code body}) rather than silently dropped, and one
 * declared larger than {@link RecordReader#MAX_BODY_BYTES} (413) before it is waited for.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class BodyRequirements implements ContainerRequestFilter {

    @Context
    ResourceInfo operation;

    @Override
    public void filter(ContainerRequestContext request) {
        var method = operation.getResourceMethod();
        if (method == null) {
            return;
        }
        if (declaredLength(request) > RecordReader.MAX_BODY_BYTES) {
            // refused on what it announces, not after waiting for it all to arrive
            throw new PayloadTooLarge("body", "must be at most " + RecordReader.MAX_BODY_BYTES + " bytes");
        }
        if (!request.hasEntity()) {
            return;
        }
        if (Arrays.stream(method.getParameters()).noneMatch(BodyRequirements::isEntity)) {
            // a body where none is read would be dropped unseen; the sender likely meant another operation
            throw new InvalidInput("body", "this operation reads no body; send none");
        }
        if (request.getMediaType() == null) {
            throw new UnsupportedMediaType("is required with a body; send application/json");
        }
    }

    /** The {@code Content-Length} the caller declared, or -1 for none (a chunked body declares none). */
    private static long declaredLength(ContainerRequestContext request) {
        var declared = request.getHeaderString("Content-Length");
        try {
            return declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return -1; // the container refuses a malformed length before any filter runs
        }
    }

    /** The one parameter JAX-RS fills from the body carries no JAX-RS annotation. */
    private static boolean isEntity(Parameter parameter) {
        return Arrays.stream(parameter.getAnnotations())
                .noneMatch(a -> a.annotationType().getPackageName().startsWith("jakarta.ws.rs"));
    }
}

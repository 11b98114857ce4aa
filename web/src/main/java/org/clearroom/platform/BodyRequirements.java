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
import org.clearroom.platform.control.UnsupportedMediaType;

/**
 * A body sent to an operation that reads one must say what it is: without a {@code Content-Type} the
 * body would be taken for {@code application/octet-stream}, which nothing here reads, and the caller
 * would learn nothing useful. Answers 415 naming the header, before the body is read.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class BodyRequirements implements ContainerRequestFilter {

    @Context
    ResourceInfo operation;

    @Override
    public void filter(ContainerRequestContext request) {
        var method = operation.getResourceMethod();
        if (method == null || request.getMediaType() != null || !request.hasEntity()) {
            return;
        }
        if (Arrays.stream(method.getParameters()).anyMatch(BodyRequirements::isEntity)) {
            throw new UnsupportedMediaType("is required with a body; send application/json");
        }
    }

    /** The one parameter JAX-RS fills from the body carries no JAX-RS annotation. */
    private static boolean isEntity(Parameter parameter) {
        return Arrays.stream(parameter.getAnnotations())
                .noneMatch(a -> a.annotationType().getPackageName().startsWith("jakarta.ws.rs"));
    }
}

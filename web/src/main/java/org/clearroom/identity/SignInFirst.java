package org.clearroom.identity;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.clearroom.platform.Public;

/**
 * Deny by default at the door: an operation not marked {@link Public} answers 401 to a caller without
 * valid credentials, after the operation is matched and before anything of the request (its body
 * above all) is read or parsed. Boundaries still check who may do what; this only says that nobody
 * anonymous gets further than here.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SignInFirst implements ContainerRequestFilter {

    @Context
    ResourceInfo operation;

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        var method = operation.getResourceMethod();
        if (method == null || method.isAnnotationPresent(Public.class)) {
            return;
        }
        caller.authenticated(); // NotAuthenticated (401) with the reason the credentials were refused
    }
}

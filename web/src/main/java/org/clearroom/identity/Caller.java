package org.clearroom.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.clearroom.identity.boundary.Authenticated;
import org.clearroom.platform.control.Actor;
import org.clearroom.platform.control.NotAuthenticated;

/** The caller of the current request, as resolved by {@link ClearroomAuthentication}. */
@RequestScoped
public class Caller {

    @Inject
    HttpServletRequest request;

    /** The signed-in caller, or 401. */
    public Actor actor() {
        return authenticated().actor();
    }

    public Authenticated authenticated() {
        var principal = (ActorPrincipal) request.getAttribute(ClearroomAuthentication.AUTHENTICATED);
        if (principal == null) {
            var refused = (String) request.getAttribute(ClearroomAuthentication.REFUSED);
            throw new NotAuthenticated(
                    refused != null ? refused : "sign in first: send a bearer token or a session cookie");
        }
        return principal.authenticated();
    }
}

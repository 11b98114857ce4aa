package org.clearroom.identity;

import jakarta.security.enterprise.CallerPrincipal;
import org.clearroom.identity.boundary.Authenticated;

/** The container's caller principal, carrying the resolved credential. Its name is the account id. */
public class ActorPrincipal extends CallerPrincipal {

    private final transient Authenticated authenticated;

    public ActorPrincipal(Authenticated authenticated) {
        super(authenticated.actor().accountId());
        this.authenticated = authenticated;
    }

    public Authenticated authenticated() {
        return authenticated;
    }
}

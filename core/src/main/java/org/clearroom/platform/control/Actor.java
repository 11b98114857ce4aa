package org.clearroom.platform.control;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.clearroom.identity.OrgKind;
import org.clearroom.identity.Role;

/**
 * Who is calling: built once per request by the authentication mechanism and passed to boundaries.
 * {@link #SYSTEM} acts for the server itself (demo data at start) and has no account.
 */
public record Actor(
        String accountId, String username, String organisationId, OrgKind organisationKind, Set<Role> roles) {

    public static final Actor SYSTEM = new Actor(null, "system", null, null, EnumSet.of(Role.ADMIN));

    public Actor {
        Objects.requireNonNull(username, "an actor has a name");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Platform roles gate platform management only; content is always the access policy's call. */
    public void require(Role role) {
        if (!has(role)) {
            throw new Forbidden("this needs the " + role + " role");
        }
    }

    public boolean isSystem() {
        return accountId == null;
    }
}

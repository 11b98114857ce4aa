package org.clearroom.access.control;

import java.util.Optional;
import org.clearroom.identity.OrgKind;
import org.clearroom.platform.control.Actor;

/**
 * What {@code access} needs to know of the organisations and accounts a rule names, answered by {@code
 * identity}: access asks through this interface and so depends on nothing above {@code platform}.
 */
public interface Principals {

    /** The kind of organisation {@code organisationId}; empty when there is none. */
    Optional<OrgKind> organisationKind(String organisationId);

    /** Account {@code accountId} as an actor (its organisation's kind and its roles); empty when none. */
    Optional<Actor> account(String accountId);
}

package org.clearroom.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.clearroom.audit.Action;
import org.clearroom.audit.entity.AuditEntry;
import org.clearroom.platform.control.Actor;
import org.clearroom.platform.control.Digests;
import org.clearroom.platform.control.Exchange;

/**
 * Records exchanges. Called by every boundary inside its own transaction ({@code MANDATORY}: calling it
 * without one is a programming error), so the entry commits or rolls back with the change. Inserting
 * takes no lock beyond the row itself, so recording stays parallel.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditTrail {

    @PersistenceContext(unitName = "clearroom")
    EntityManager em;

    @Inject
    Exchange exchange;

    @Inject
    Clock clock;

    /** An exchange without content of its own (a sign-out, a revocation). */
    public AuditEntry record(Actor actor, Action action, String resource) {
        return insert(actor.accountId(), actor.organisationId(), action, resource, null);
    }

    /** An exchange about {@code content}: the entry keeps its SHA-256, never the content itself. */
    public AuditEntry record(Actor actor, Action action, String resource, String content) {
        return insert(actor.accountId(), actor.organisationId(), action, resource, Digests.sha256Hex(content));
    }

    /** An exchange by nobody signed in (a failed or refused sign-in): the resource names the target. */
    public AuditEntry recordAnonymous(Action action, String resource) {
        return insert(null, null, action, resource, null);
    }

    private AuditEntry insert(String account, String organisation, Action action, String resource, String digest) {
        var entry = new AuditEntry(
                Instant.now(clock),
                account,
                organisation,
                action,
                resource,
                exchange.requestId(),
                exchange.clientAddress(),
                digest);
        em.persist(entry);
        return entry;
    }
}

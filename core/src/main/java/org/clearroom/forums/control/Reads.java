package org.clearroom.forums.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.clearroom.audit.Action;
import org.clearroom.audit.boundary.AuditTrail;
import org.clearroom.platform.control.Actor;

/**
 * Records reads of forum content in the audit trail at most once per account, resource and hour, so
 * that reading is on the record without flooding the ledger. The receipt and the entry commit together
 * with the read's transaction; two concurrent first reads record one entry.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Reads {

    static final Duration QUIET = Duration.ofHours(1);

    @PersistenceContext(unitName = "clearroom")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public void record(Actor actor, Action action, String resource) {
        var now = Instant.now(clock);
        int recorded = em.createNativeQuery(
                        "insert into read_receipt (account_id, resource, recorded_at) values (?1, ?2, ?3)"
                                + " on conflict (account_id, resource) do update set recorded_at = excluded.recorded_at"
                                + " where read_receipt.recorded_at <= ?4")
                .setParameter(1, actor.accountId())
                .setParameter(2, resource)
                .setParameter(3, Timestamp.from(now))
                .setParameter(4, Timestamp.from(now.minus(QUIET)))
                .executeUpdate();
        if (recorded > 0) {
            audit.record(actor, action, resource);
        }
    }
}

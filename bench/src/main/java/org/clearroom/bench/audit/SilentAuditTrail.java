package org.clearroom.bench.audit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.transaction.Transactional;
import org.clearroom.audit.Action;
import org.clearroom.audit.boundary.AuditTrail;
import org.clearroom.audit.entity.AuditEntry;
import org.clearroom.platform.control.Actor;

/**
 * The audit trail switched off, for the forum benchmark's "audit off" runs only: records nothing. It
 * never ships. {@code ForumBench} copies the WAR and adds this one class to {@code WEB-INF/classes};
 * an alternative enabled with {@code @Priority} is enabled for the whole application, so it replaces
 * {@link AuditTrail} at every injection point without a change to any {@code beans.xml}, and the
 * product itself needs no switch to turn auditing off. It keeps the same transaction contract
 * ({@code MANDATORY}) so that the runs differ only in the audit rows.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SilentAuditTrail extends AuditTrail {

    @Override
    public AuditEntry record(Actor actor, Action action, String resource) {
        return null;
    }

    @Override
    public AuditEntry record(Actor actor, Action action, String resource, String content) {
        return null;
    }

    @Override
    public AuditEntry recordAnonymous(Action action, String resource) {
        return null;
    }
}

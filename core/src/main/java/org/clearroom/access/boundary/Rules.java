package org.clearroom.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clearroom.access.NewRule;
import org.clearroom.access.PrincipalType;
import org.clearroom.access.Rule;
import org.clearroom.access.control.AccessPolicy;
import org.clearroom.access.control.Principals;
import org.clearroom.access.entity.AccessRule;
import org.clearroom.audit.Action;
import org.clearroom.audit.boundary.AuditTrail;
import org.clearroom.identity.OrgKind;
import org.clearroom.platform.FieldError;
import org.clearroom.platform.control.Actor;
import org.clearroom.platform.control.Conflict;
import org.clearroom.platform.control.InvalidInput;
import org.clearroom.platform.control.NotFound;

/**
 * Rule storage and management for any resource (a room today, a briefing next): listing, granting and
 * revoking, each change an audited exchange ({@code RULE_GRANTED}, {@code RULE_REVOKED} on {@code
 * rules/{id}}). Who may manage the rules of a resource is the owning component's decision, made before it
 * calls here; this boundary decides what a rule may say.
 */
@ApplicationScoped
@Transactional
public class Rules {

    private static final String OPERATORS_ARE_NO_PRINCIPALS =
            "operators (the OPERATOR organisation, ADMIN and COMPLIANCE accounts) never hold content permissions";

    @PersistenceContext(unitName = "clearroom")
    EntityManager em;

    @Inject
    AccessPolicy policy;

    @Inject
    Principals principals;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** The live rules on {@code resource}, oldest first. */
    public List<Rule> on(String resource) {
        return policy.rulesOn(resource).stream().map(AccessRule::toRecord).toList();
    }

    /**
     * Grants {@code request} on {@code resource}.
     *
     * @throws InvalidInput naming {@code expiresAt} (not ahead), {@code principal.id} or {@code
     *     principal.kind} (missing, absent where required, unknown, or an operator)
     * @throws Conflict naming {@code principal} when a live rule grants the same already; grants on one
     *     resource are decided one at a time, so two identical requests cannot both pass
     */
    public Rule grant(Actor actor, String resource, NewRule request) {
        var now = Instant.now(clock);
        var errors = new ArrayList<FieldError>();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            errors.add(new FieldError("expiresAt", "must be in the future"));
        }
        var principal = request.principal();
        var type = principal.type();
        boolean byKind = type == PrincipalType.ORG_KIND;
        if (byKind ? principal.id() != null : principal.kind() != null) {
            errors.add(new FieldError(
                    byKind ? "principal.id" : "principal.kind", "must be absent for an " + type + " principal"));
        }
        if (byKind ? principal.kind() == null : principal.id() == null) {
            errors.add(new FieldError(
                    byKind ? "principal.kind" : "principal.id", "is required for an " + type + " principal"));
        } else if (type == PrincipalType.ORG_KIND && principal.kind() == OrgKind.OPERATOR) {
            errors.add(new FieldError("principal.kind", OPERATORS_ARE_NO_PRINCIPALS));
        } else if (type == PrincipalType.ORGANISATION) {
            var kind = principals.organisationKind(principal.id());
            if (kind.isEmpty()) {
                errors.add(new FieldError("principal.id", "no organisation has this id"));
            } else if (kind.get() == OrgKind.OPERATOR) {
                errors.add(new FieldError("principal.id", OPERATORS_ARE_NO_PRINCIPALS));
            }
        } else if (type == PrincipalType.ACCOUNT) {
            var account = principals.account(principal.id());
            if (account.isEmpty()) {
                errors.add(new FieldError("principal.id", "no account has this id"));
            } else if (AccessPolicy.isOperator(account.get())) {
                errors.add(new FieldError("principal.id", OPERATORS_ARE_NO_PRINCIPALS));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var permission = request.permission();
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "rules " + resource)
                .getResultList();
        var twin = policy.rulesOn(resource).stream()
                .filter(r -> r.principal().equals(principal) && r.permission() == permission && !r.expiredAt(now))
                .findFirst();
        if (twin.isPresent()) {
            var existing = twin.get();
            throw new Conflict(
                    "principal",
                    "rule " + existing.id() + " already grants " + permission + " to this principal"
                            + (existing.expiresAt() == null ? "" : " until " + existing.expiresAt())
                            + "; revoke it first to grant it again with another expiry");
        }
        var rule =
                switch (type) {
                    case ORGANISATION -> AccessRule.forOrganisation(
                            resource, principal.id(), permission, request.expiresAt(), actor, now);
                    case ACCOUNT -> AccessRule.forAccount(
                            resource, principal.id(), permission, request.expiresAt(), actor, now);
                    case ORG_KIND -> AccessRule.forKind(
                            resource, principal.kind(), permission, request.expiresAt(), actor, now);
                };
        em.persist(rule);
        audit.record(actor, Action.RULE_GRANTED, "rules/" + rule.id(), rule.describe());
        return rule.toRecord();
    }

    /**
     * Revokes live rule {@code ruleId} on {@code resource}; it stays on record.
     *
     * @throws NotFound when no live rule of that id is on that resource
     */
    public void revoke(Actor actor, String resource, String ruleId) {
        var rule = Optional.ofNullable(ruleId)
                .map(id -> em.find(AccessRule.class, id))
                .filter(r -> r.resource().equals(resource) && !r.revoked())
                .orElseThrow(() -> new NotFound("rule " + ruleId));
        rule.revoke(actor, Instant.now(clock));
        audit.record(actor, Action.RULE_REVOKED, "rules/" + rule.id(), rule.describe());
    }
}

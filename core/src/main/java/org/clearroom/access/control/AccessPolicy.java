package org.clearroom.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.clearroom.access.Permission;
import org.clearroom.access.PrincipalType;
import org.clearroom.access.entity.AccessRule;
import org.clearroom.identity.OrgKind;
import org.clearroom.platform.control.Actor;
import org.clearroom.platform.control.Forbidden;
import org.clearroom.platform.control.NotFound;

/**
 * The single place that decides access. Deciding, explaining and listing what a caller may see all
 * go through {@link #evaluate}, so an explanation can never disagree with the decision it explains.
 */
@ApplicationScoped
public class AccessPolicy {

    /** Most specific principal first: an account rule explains a decision better than a kind rule. */
    private static final Comparator<AccessRule> PREFERENCE = Comparator.comparing(
                    (AccessRule rule) -> rule.principalType() == PrincipalType.ACCOUNT
                            ? 0
                            : rule.principalType() == PrincipalType.ORGANISATION ? 1 : 2)
            .thenComparing(AccessRule::createdAt);

    @PersistenceContext(unitName = "clearroom")
    EntityManager em;

    @Inject
    Clock clock;

    public Decision decide(Actor actor, Permission permission, String resource) {
        return evaluate(actor, permission, resource, rulesOn(resource), Instant.now(clock));
    }

    public boolean allows(Actor actor, Permission permission, String resource) {
        return decide(actor, permission, resource).allowed();
    }

    /**
     * Requires {@code permission}: a caller who may not even VIEW the resource is told it does not exist
     * (404), so existence does not leak; one who may see it but not do this gets 403.
     */
    public Decision require(Actor actor, Permission permission, String resource, String what) {
        var rules = rulesOn(resource);
        var now = Instant.now(clock);
        var decision = evaluate(actor, permission, resource, rules, now);
        if (decision.allowed()) {
            return decision;
        }
        if (permission == Permission.VIEW
                || !evaluate(actor, Permission.VIEW, resource, rules, now).allowed()) {
            throw new NotFound(what);
        }
        throw new Forbidden(decision.reason());
    }

    /** The resources of one type ({@code rooms/}) on which {@code actor} holds {@code permission} now. */
    public Set<String> resourcesAllowing(Actor actor, Permission permission, String resourcePrefix) {
        var now = Instant.now(clock);
        var allowed = new TreeSet<String>();
        rulesNaming(actor, resourcePrefix).forEach((resource, onIt) -> {
            if (evaluate(actor, permission, resource, onIt, now).allowed()) {
                allowed.add(resource);
            }
        });
        return allowed;
    }

    /**
     * What {@code actor} may do on each resource of one type, for clients to offer only what will be
     * allowed; resources it holds nothing on are absent.
     */
    public Map<String, Set<Permission>> permissionsOn(Actor actor, String resourcePrefix) {
        var now = Instant.now(clock);
        var permissions = new TreeMap<String, Set<Permission>>();
        rulesNaming(actor, resourcePrefix).forEach((resource, onIt) -> {
            var held = held(actor, resource, onIt, now);
            if (!held.isEmpty()) {
                permissions.put(resource, held);
            }
        });
        return permissions;
    }

    /** What {@code actor} may do on one resource. */
    public Set<Permission> permissions(Actor actor, String resource) {
        return held(actor, resource, rulesOn(resource), Instant.now(clock));
    }

    private static Set<Permission> held(Actor actor, String resource, Collection<AccessRule> rules, Instant now) {
        var held = EnumSet.noneOf(Permission.class);
        for (var permission : Permission.values()) {
            if (evaluate(actor, permission, resource, rules, now).allowed()) {
                held.add(permission);
            }
        }
        return held;
    }

    /** The live rules on resources of one type that name {@code actor}, its organisation or its kind. */
    private Map<String, List<AccessRule>> rulesNaming(Actor actor, String resourcePrefix) {
        if (actor == null || actor.isSystem() || isOperator(actor)) {
            return Map.of();
        }
        List<AccessRule> rules = em.createQuery(
                        "select r from AccessRule r where r.revokedAt is null and r.resource like :prefix and ("
                                + " (r.principalType = :account and r.principalId = :accountId)"
                                + " or (r.principalType = :organisation and r.principalId = :organisationId)"
                                + " or (r.principalType = :kind and r.principalKind = :orgKind))",
                        AccessRule.class)
                .setParameter("prefix", resourcePrefix.replace("%", "\\%").replace("_", "\\_") + "%")
                .setParameter("account", PrincipalType.ACCOUNT)
                .setParameter("accountId", actor.accountId())
                .setParameter("organisation", PrincipalType.ORGANISATION)
                .setParameter("organisationId", actor.organisationId())
                .setParameter("kind", PrincipalType.ORG_KIND)
                .setParameter("orgKind", actor.organisationKind())
                .getResultList();
        return rules.stream()
                .collect(Collectors.groupingBy(AccessRule::resource, LinkedHashMap::new, Collectors.toList()));
    }

    /** Live rules on one resource, for deciding and for listing. */
    public List<AccessRule> rulesOn(String resource) {
        return em.createQuery(
                        "select r from AccessRule r where r.resource = :resource and r.revokedAt is null"
                                + " order by r.createdAt",
                        AccessRule.class)
                .setParameter("resource", resource)
                .getResultList();
    }

    /**
     * Decides from the rules on {@code resource} alone; pure, so it is tested without a database. Any
     * permission implies VIEW. Platform roles grant nothing here.
     */
    public static Decision evaluate(
            Actor actor, Permission permission, String resource, Collection<AccessRule> rules, Instant now) {
        Objects.requireNonNull(permission, "a decision is about a permission");
        if (actor == null) {
            return new Decision(false, null, "nobody is signed in");
        }
        if (actor.isSystem()) {
            return new Decision(false, null, "the server itself holds no rules and sees no content");
        }
        if (isOperator(actor)) {
            // whatever a rule says: a rule naming an operator may predate the OPERATOR kind
            return new Decision(
                    false,
                    null,
                    "denied: operators (the " + OrgKind.OPERATOR + " organisation, ADMIN and COMPLIANCE accounts)"
                            + " manage the platform and never hold content permissions");
        }
        var naming = rules.stream()
                .filter(rule -> rule.resource().equals(resource) && !rule.revoked() && rule.names(actor))
                .sorted(PREFERENCE)
                .toList();
        var granting = naming.stream()
                .filter(rule -> rule.permission() == permission || permission == Permission.VIEW)
                .toList();
        var live = granting.stream().filter(rule -> !rule.expiredAt(now)).toList();
        var exact =
                live.stream().filter(rule -> rule.permission() == permission).findFirst();
        if (exact.isPresent()) {
            return new Decision(true, exact.get(), "allowed: " + exact.get().describe());
        }
        if (!live.isEmpty()) {
            var rule = live.get(0);
            return new Decision(
                    true, rule, "allowed: " + rule.describe() + ", and any permission on a resource includes VIEW");
        }
        var reason = new StringBuilder("denied: ");
        if (!granting.isEmpty()) {
            var expired = granting.get(0);
            reason.append(expired.describe()).append(", but it expired at ").append(expired.expiresAt());
        } else {
            reason.append("no rule grants ")
                    .append(permission)
                    .append(" on ")
                    .append(resource)
                    .append(" to account ")
                    .append(actor.username())
                    .append(", its organisation or every ")
                    .append(kindName(actor.organisationKind()))
                    .append(" organisation");
            var others = naming.stream()
                    .filter(rule -> !rule.expiredAt(now))
                    .map(rule -> rule.permission().name())
                    .distinct()
                    .sorted()
                    .toList();
            if (!others.isEmpty()) {
                reason.append(" (rules grant only ")
                        .append(String.join(", ", others))
                        .append(")");
            }
            reason.append("; access is denied by default");
        }
        return new Decision(false, null, reason.toString());
    }

    /** Operators are never content principals (ARCHITECTURE.md, Access rules). */
    public static boolean isOperator(Actor actor) {
        return actor.organisationKind() == OrgKind.OPERATOR || !actor.roles().isEmpty();
    }

    private static String kindName(OrgKind kind) {
        return kind == null ? "(none)" : kind.name();
    }
}

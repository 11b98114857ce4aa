package org.clearroom.access.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.clearroom.access.Permission;
import org.clearroom.access.PrincipalType;
import org.clearroom.access.entity.AccessRule;
import org.clearroom.identity.OrgKind;
import org.clearroom.identity.Role;
import org.clearroom.platform.control.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccessPolicyTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String ROOM = "rooms/r-1";
    static final String OTHER_ROOM = "rooms/r-2";

    static final Actor OPERATOR =
            new Actor("acc-operator", "operator", "org-platform", OrgKind.VENDOR, EnumSet.of(Role.ADMIN));
    static final Actor ALICE = new Actor("acc-alice", "alice", "org-carrier-1", OrgKind.CARRIER, Set.of());
    static final Actor BOB = new Actor("acc-bob", "bob", "org-carrier-1", OrgKind.CARRIER, Set.of());
    static final Actor CAROL = new Actor("acc-carol", "carol", "org-carrier-2", OrgKind.CARRIER, Set.of());
    static final Actor REGINA = new Actor("acc-regina", "regina", "org-regulator", OrgKind.REGULATOR, Set.of());

    static Decision evaluate(Actor actor, Permission permission, AccessRule... rules) {
        return AccessPolicy.evaluate(actor, permission, ROOM, List.of(rules), NOW);
    }

    static AccessRule orgRule(String organisationId, Permission permission) {
        return AccessRule.forOrganisation(ROOM, organisationId, permission, null, OPERATOR, NOW.minusSeconds(60));
    }

    static AccessRule accountRule(String accountId, Permission permission) {
        return AccessRule.forAccount(ROOM, accountId, permission, null, OPERATOR, NOW.minusSeconds(60));
    }

    static AccessRule kindRule(OrgKind kind, Permission permission) {
        return AccessRule.forKind(ROOM, kind, permission, null, OPERATOR, NOW.minusSeconds(60));
    }

    @Test
    void noRulesMeansDenied() {
        var decision = evaluate(ALICE, Permission.VIEW);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.rule()).isNull();
        assertThat(decision.reason()).startsWith("denied").contains("denied by default");
    }

    @Test
    void ruleOnAnotherResourceDoesNotCount() {
        var elsewhere =
                AccessRule.forOrganisation(OTHER_ROOM, ALICE.organisationId(), Permission.VIEW, null, OPERATOR, NOW);

        var decision = evaluate(ALICE, Permission.VIEW, elsewhere);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.rule()).isNull();
    }

    @Test
    void organisationRuleGrantsEveryAccountOfThatOrganisation() {
        var rule = orgRule(ALICE.organisationId(), Permission.CONTRIBUTE);

        assertThat(evaluate(ALICE, Permission.CONTRIBUTE, rule).allowed()).isTrue();
        assertThat(evaluate(BOB, Permission.CONTRIBUTE, rule).allowed()).isTrue();
        assertThat(evaluate(ALICE, Permission.CONTRIBUTE, rule).rule()).isSameAs(rule);
        assertThat(evaluate(ALICE, Permission.CONTRIBUTE, rule).reason())
                .startsWith("allowed")
                .contains(rule.id());
    }

    @Test
    void accountRuleGrantsThatAccountOnly() {
        var rule = accountRule(ALICE.accountId(), Permission.DOWNLOAD);

        assertThat(evaluate(ALICE, Permission.DOWNLOAD, rule).allowed()).isTrue();
        assertThat(evaluate(ALICE, Permission.DOWNLOAD, rule).rule()).isSameAs(rule);
        assertThat(evaluate(BOB, Permission.DOWNLOAD, rule).allowed())
                .as("a colleague in the same organisation")
                .isFalse();
    }

    @Test
    void kindRuleGrantsEveryOrganisationOfThatKind() {
        var rule = kindRule(OrgKind.CARRIER, Permission.VIEW);

        assertThat(evaluate(ALICE, Permission.VIEW, rule).allowed()).isTrue();
        assertThat(evaluate(CAROL, Permission.VIEW, rule).allowed()).isTrue();
        assertThat(evaluate(CAROL, Permission.VIEW, rule).rule()).isSameAs(rule);
    }

    @Test
    void ruleForAnotherOrganisationGrantsNothing() {
        var rule = orgRule(CAROL.organisationId(), Permission.VIEW);

        var decision = evaluate(ALICE, Permission.VIEW, rule);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.rule()).isNull();
    }

    @Test
    void ruleForAnotherKindGrantsNothing() {
        var rule = kindRule(OrgKind.CARRIER, Permission.VIEW);

        var decision = evaluate(REGINA, Permission.VIEW, rule);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.rule()).isNull();
    }

    @Test
    void ruleForAnotherAccountGrantsNothing() {
        var rule = accountRule(BOB.accountId(), Permission.VIEW);

        assertThat(evaluate(ALICE, Permission.VIEW, rule).allowed()).isFalse();
    }

    @Test
    void expiredRuleGrantsNothing() {
        var rule = AccessRule.forOrganisation(
                ROOM, ALICE.organisationId(), Permission.VIEW, NOW.minusSeconds(1), OPERATOR, NOW.minusSeconds(3600));

        var decision = evaluate(ALICE, Permission.VIEW, rule);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.rule()).isNull();
        assertThat(decision.reason()).startsWith("denied").contains("expired").contains(rule.id());
    }

    @Test
    void ruleExactlyAtItsExpiryIsExpired() {
        var rule =
                AccessRule.forAccount(ROOM, ALICE.accountId(), Permission.VIEW, NOW, OPERATOR, NOW.minusSeconds(3600));

        var decision = evaluate(ALICE, Permission.VIEW, rule);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("expired");
    }

    @Test
    void ruleGrantsUntilTheLastMicrosecondBeforeExpiry() {
        var rule = AccessRule.forAccount(
                ROOM, ALICE.accountId(), Permission.VIEW, NOW.plusNanos(1_000), OPERATOR, NOW.minusSeconds(3600));

        assertThat(evaluate(ALICE, Permission.VIEW, rule).allowed()).isTrue();
    }

    @Test
    void expiredAccountRuleFallsBackToLiveOrganisationRule() {
        var expired = AccessRule.forAccount(
                ROOM, ALICE.accountId(), Permission.VIEW, NOW.minusSeconds(1), OPERATOR, NOW.minusSeconds(3600));
        var live = orgRule(ALICE.organisationId(), Permission.VIEW);

        var decision = evaluate(ALICE, Permission.VIEW, expired, live);

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.rule()).isSameAs(live);
    }

    @Test
    void revokedRuleGrantsNothing() {
        var rule = orgRule(ALICE.organisationId(), Permission.VIEW);

        assertThat(rule.revoke(OPERATOR, NOW.minusSeconds(1))).isTrue();
        var decision = evaluate(ALICE, Permission.VIEW, rule);

        assertThat(rule.revoked()).isTrue();
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.rule()).isNull();
    }

    @Test
    void revokingTwiceChangesNothingTheSecondTime() {
        var rule = orgRule(ALICE.organisationId(), Permission.VIEW);

        assertThat(rule.revoke(OPERATOR, NOW)).isTrue();
        assertThat(rule.revoke(OPERATOR, NOW.plusSeconds(1))).isFalse();
        assertThat(rule.revoked()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Permission.class, names = "VIEW", mode = EnumSource.Mode.EXCLUDE)
    void anyPermissionImpliesView(Permission granted) {
        var rule = orgRule(ALICE.organisationId(), granted);

        var decision = evaluate(ALICE, Permission.VIEW, rule);

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.rule()).isSameAs(rule);
        assertThat(decision.reason()).contains("includes VIEW");
    }

    @Test
    void viewDoesNotImplyContribute() {
        var rule = orgRule(ALICE.organisationId(), Permission.VIEW);

        var decision = evaluate(ALICE, Permission.CONTRIBUTE, rule);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.rule()).isNull();
        assertThat(decision.reason()).contains("CONTRIBUTE").contains("rules grant only VIEW");
    }

    @Test
    void onePermissionOtherThanViewImpliesNoOther() {
        var rule = orgRule(ALICE.organisationId(), Permission.UPLOAD);

        for (var asked : Permission.values()) {
            boolean expected = asked == Permission.UPLOAD || asked == Permission.VIEW;
            assertThat(evaluate(ALICE, asked, rule).allowed()).as(asked.name()).isEqualTo(expected);
        }
    }

    @Test
    void exactPermissionIsNamedOverOneThatOnlyImpliesView() {
        var moderate = orgRule(ALICE.organisationId(), Permission.MODERATE);
        var view = orgRule(ALICE.organisationId(), Permission.VIEW);

        var decision = evaluate(ALICE, Permission.VIEW, moderate, view);

        assertThat(decision.rule()).isSameAs(view);
        assertThat(decision.reason()).doesNotContain("includes VIEW");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void operatorsHoldNoContentWhateverTheRulesSay(Role role) {
        // an ADMIN or COMPLIANCE account, even one a rule names by account, organisation or kind
        var operator = new Actor("acc-op", "op", "org-platform", OrgKind.VENDOR, EnumSet.of(role));

        for (var permission : Permission.values()) {
            var decision = evaluate(
                    operator,
                    permission,
                    accountRule("acc-op", permission),
                    orgRule("org-platform", permission),
                    kindRule(OrgKind.VENDOR, permission));

            assertThat(decision.allowed()).as(permission.name()).isFalse();
            assertThat(decision.rule()).isNull();
            assertThat(decision.reason()).contains("operators").contains("never hold content permissions");
        }
    }

    @Test
    void theOperatorsOrganisationMatchesNoRuleEvenWithoutRoles() {
        var member = new Actor("acc-ops", "ops", "org-operators", OrgKind.OPERATOR, EnumSet.noneOf(Role.class));
        var rules = new java.util.ArrayList<AccessRule>();
        for (var kind : OrgKind.values()) {
            rules.add(kindRule(kind, Permission.VIEW));
        }
        rules.add(orgRule("org-operators", Permission.VIEW));
        rules.add(accountRule("acc-ops", Permission.VIEW));

        var decision = evaluate(member, Permission.VIEW, rules.toArray(AccessRule[]::new));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("never hold content permissions");
    }

    @Test
    void systemActorGetsNothing() {
        var rules = new AccessRule[] {
            orgRule(ALICE.organisationId(), Permission.VIEW),
            kindRule(OrgKind.VENDOR, Permission.VIEW),
            kindRule(OrgKind.CARRIER, Permission.VIEW),
            kindRule(OrgKind.REGULATOR, Permission.VIEW),
            kindRule(OrgKind.OBSERVER, Permission.VIEW)
        };

        for (var permission : Permission.values()) {
            var decision = evaluate(Actor.SYSTEM, permission, rules);

            assertThat(decision.allowed()).as(permission.name()).isFalse();
            assertThat(decision.rule()).isNull();
        }
    }

    @Test
    void nobodySignedInIsDenied() {
        var decision = evaluate(null, Permission.VIEW, kindRule(OrgKind.CARRIER, Permission.VIEW));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.rule()).isNull();
        assertThat(decision.reason()).contains("nobody");
    }

    @Test
    void decisionWithoutPermissionIsAProgrammingError() {
        assertThatNullPointerException().isThrownBy(() -> evaluate(ALICE, null));
    }

    @Test
    void mostSpecificRuleIsNamed() {
        // created in the reverse order of specificity, so creation order alone cannot explain the choice
        var byKind = AccessRule.forKind(ROOM, OrgKind.CARRIER, Permission.VIEW, null, OPERATOR, NOW.minusSeconds(30));
        var byOrganisation = AccessRule.forOrganisation(
                ROOM, ALICE.organisationId(), Permission.VIEW, null, OPERATOR, NOW.minusSeconds(20));
        var byAccount =
                AccessRule.forAccount(ROOM, ALICE.accountId(), Permission.VIEW, null, OPERATOR, NOW.minusSeconds(10));

        assertThat(evaluate(ALICE, Permission.VIEW, byKind, byOrganisation, byAccount)
                        .rule())
                .isSameAs(byAccount);
        assertThat(evaluate(ALICE, Permission.VIEW, byAccount, byOrganisation, byKind)
                        .rule())
                .isSameAs(byAccount);
        assertThat(evaluate(ALICE, Permission.VIEW, byKind, byOrganisation).rule())
                .isSameAs(byOrganisation);
        assertThat(evaluate(ALICE, Permission.VIEW, byOrganisation, byKind).rule())
                .isSameAs(byOrganisation);
        assertThat(evaluate(ALICE, Permission.VIEW, byKind).rule()).isSameAs(byKind);
    }

    @Test
    void amongEquallySpecificRulesTheOldestIsNamed() {
        var newer = AccessRule.forOrganisation(
                ROOM, ALICE.organisationId(), Permission.VIEW, null, OPERATOR, NOW.minusSeconds(10));
        var older = AccessRule.forOrganisation(
                ROOM, ALICE.organisationId(), Permission.VIEW, null, OPERATOR, NOW.minusSeconds(20));

        assertThat(evaluate(ALICE, Permission.VIEW, newer, older).rule()).isSameAs(older);
    }

    // --- property: the policy agrees with a simple oracle over many random rule sets

    static final List<Actor> CAST = List.of(
            ALICE,
            BOB,
            CAROL,
            REGINA,
            new Actor("acc-vera", "vera", "org-vendor", OrgKind.VENDOR, EnumSet.of(Role.ADMIN)),
            new Actor("acc-otto", "otto", "org-observer", OrgKind.OBSERVER, EnumSet.of(Role.COMPLIANCE)));

    static final List<String> RESOURCES = List.of(ROOM, OTHER_ROOM);

    /** Biased towards a few permissions so that rules and questions often meet. */
    static Permission randomPermission(Random random) {
        return random.nextBoolean()
                ? (random.nextBoolean() ? Permission.VIEW : Permission.CONTRIBUTE)
                : Permission.values()[random.nextInt(Permission.values().length)];
    }

    /** What a generated rule says, kept beside the entity so the oracle never asks the entity. */
    record Spec(
            String resource,
            PrincipalType type,
            String principalId,
            OrgKind kind,
            Permission permission,
            Instant expiresAt,
            boolean revoked) {}

    /** Half the rules speak of the asking actor (or its organisation or kind), so both outcomes are common. */
    static Spec randomSpec(Random random, Actor asking) {
        var someone = random.nextBoolean() ? asking : CAST.get(random.nextInt(CAST.size()));
        var type = PrincipalType.values()[random.nextInt(PrincipalType.values().length)];
        var expiresAt =
                switch (random.nextInt(5)) {
                    case 0 -> NOW.minusSeconds(1 + random.nextInt(86_400));
                    case 1 -> NOW;
                    case 2 -> NOW.plusSeconds(1 + random.nextInt(86_400));
                    default -> null;
                };
        return new Spec(
                RESOURCES.get(random.nextInt(RESOURCES.size())),
                type,
                switch (type) {
                    case ACCOUNT -> someone.accountId();
                    case ORGANISATION -> someone.organisationId();
                    case ORG_KIND -> null;
                },
                type == PrincipalType.ORG_KIND ? OrgKind.values()[random.nextInt(OrgKind.values().length)] : null,
                randomPermission(random),
                expiresAt,
                random.nextInt(6) == 0);
    }

    static AccessRule build(Spec spec, Instant createdAt) {
        var resource = spec.resource();
        var permission = spec.permission();
        var rule =
                switch (spec.type()) {
                    case ACCOUNT -> AccessRule.forAccount(
                            resource, spec.principalId(), permission, spec.expiresAt(), OPERATOR, createdAt);
                    case ORGANISATION -> AccessRule.forOrganisation(
                            resource, spec.principalId(), permission, spec.expiresAt(), OPERATOR, createdAt);
                    case ORG_KIND -> AccessRule.forKind(
                            resource, spec.kind(), permission, spec.expiresAt(), OPERATOR, createdAt);
                };
        if (spec.revoked()) {
            rule.revoke(OPERATOR, createdAt.plusSeconds(1));
        }
        return rule;
    }

    static boolean oracleNames(Spec spec, Actor actor) {
        return switch (spec.type()) {
            case ACCOUNT -> spec.principalId().equals(actor.accountId());
            case ORGANISATION -> spec.principalId().equals(actor.organisationId());
            case ORG_KIND -> spec.kind() == actor.organisationKind();
        };
    }

    static boolean oracleLive(Spec spec) {
        return !spec.revoked() && (spec.expiresAt() == null || NOW.isBefore(spec.expiresAt()));
    }

    static boolean oracleGrants(Spec spec, Actor actor, Permission permission, String resource) {
        return spec.resource().equals(resource)
                && oracleNames(spec, actor)
                && (spec.permission() == permission || permission == Permission.VIEW);
    }

    static int specificity(PrincipalType type) {
        return switch (type) {
            case ACCOUNT -> 0;
            case ORGANISATION -> 1;
            case ORG_KIND -> 2;
        };
    }

    @Test
    void decisionAgreesWithASimpleOracleOverRandomRuleSets() {
        var random = new Random(20260301L);
        int allowedCases = 0;
        for (int n = 0; n < 500; n++) {
            var specs = new ArrayList<Spec>();
            var rules = new ArrayList<AccessRule>();
            Map<AccessRule, Spec> specOf = new IdentityHashMap<>();
            var actor = CAST.get(random.nextInt(CAST.size()));
            int count = random.nextInt(11);
            for (int i = 0; i < count; i++) {
                var spec = randomSpec(random, actor);
                // distinct creation times, so "the oldest of equally specific rules" is always one rule
                var rule = build(spec, NOW.minus(Duration.ofDays(2)).plusSeconds(i));
                specs.add(spec);
                rules.add(rule);
                specOf.put(rule, spec);
            }
            var permission = randomPermission(random);
            var resource = RESOURCES.get(random.nextInt(RESOURCES.size()));
            var scenario = "case " + n + ": " + actor.username() + " asks " + permission + " on " + resource + " with "
                    + specs;

            // operators (a platform role, or the OPERATOR organisation) hold nothing, whatever the rules
            boolean operator = !actor.roles().isEmpty() || actor.organisationKind() == OrgKind.OPERATOR;
            boolean expected = !operator
                    && specs.stream()
                            .anyMatch(spec -> oracleGrants(spec, actor, permission, resource) && oracleLive(spec));
            var decision = AccessPolicy.evaluate(actor, permission, resource, rules, NOW);

            assertThat(decision.allowed()).as(scenario).isEqualTo(expected);
            if (decision.allowed()) {
                allowedCases++;
                var named = specOf.get(decision.rule());
                assertThat(named)
                        .as(scenario + ": the named rule is one of the rules given")
                        .isNotNull();
                assertThat(named.resource()).as(scenario).isEqualTo(resource);
                assertThat(oracleNames(named, actor)).as(scenario).isTrue();
                assertThat(oracleLive(named)).as(scenario).isTrue();
                assertThat(named.permission() == permission || permission == Permission.VIEW)
                        .as(scenario)
                        .isTrue();
                assertThat(decision.reason())
                        .as(scenario)
                        .startsWith("allowed")
                        .contains(decision.rule().id());
                if (named.permission() == permission) {
                    boolean moreSpecificExists = specs.stream()
                            .anyMatch(spec -> oracleLive(spec)
                                    && spec.permission() == permission
                                    && oracleGrants(spec, actor, permission, resource)
                                    && specificity(spec.type()) < specificity(named.type()));
                    assertThat(moreSpecificExists)
                            .as(scenario + ": a more specific rule should be named")
                            .isFalse();
                }
            } else {
                assertThat(decision.rule()).as(scenario).isNull();
                assertThat(decision.reason()).as(scenario).startsWith("denied");
                boolean onlyExpiredWouldGrant = specs.stream()
                        .anyMatch(spec -> oracleGrants(spec, actor, permission, resource)
                                && !spec.revoked()
                                && !oracleLive(spec));
                if (operator) {
                    assertThat(decision.reason()).as(scenario).contains("never hold content permissions");
                } else if (onlyExpiredWouldGrant) {
                    assertThat(decision.reason()).as(scenario).contains("expired");
                }
            }

            var shuffled = new ArrayList<>(rules);
            Collections.shuffle(shuffled, random);
            var again = AccessPolicy.evaluate(actor, permission, resource, shuffled, NOW);
            assertThat(again.allowed())
                    .as(scenario + ": rule order does not matter")
                    .isEqualTo(decision.allowed());
            assertThat(again.rule())
                    .as(scenario + ": rule order does not matter")
                    .isSameAs(decision.rule());
        }
        // the generator must exercise both outcomes, or the property proves little
        assertThat(allowedCases).isBetween(50, 450);
    }
}

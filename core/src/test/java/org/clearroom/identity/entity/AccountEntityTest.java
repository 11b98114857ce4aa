package org.clearroom.identity.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.clearroom.identity.OrgKind;
import org.clearroom.identity.Role;
import org.junit.jupiter.api.Test;

class AccountEntityTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    final OrganisationEntity regulator = new OrganisationEntity("  Market Authority ", OrgKind.REGULATOR, NOW);

    AccountEntity account(Set<Role> roles) {
        return new AccountEntity("rita", "  Rita Regulator ", regulator, "hash-of-password", roles, NOW);
    }

    @Test
    void newAccountIsEnabled() {
        assertThat(account(Set.of()).disabled()).isFalse();
    }

    @Test
    void disableReportsWhetherItChangedAnything() {
        var account = account(Set.of());

        assertThat(account.disable()).isTrue();
        assertThat(account.disabled()).isTrue();
        assertThat(account.disable()).isFalse();
        assertThat(account.disabled()).isTrue();
    }

    @Test
    void enableReportsWhetherItChangedAnything() {
        var account = account(Set.of());

        assertThat(account.enable()).as("already enabled").isFalse();
        account.disable();
        assertThat(account.enable()).isTrue();
        assertThat(account.disabled()).isFalse();
        assertThat(account.enable()).isFalse();
    }

    @Test
    void actorCarriesAccountOrganisationKindAndRoles() {
        var account = account(EnumSet.of(Role.COMPLIANCE));

        var actor = account.actor();

        assertThat(actor.accountId()).isEqualTo(account.id()).isNotNull();
        assertThat(actor.username()).isEqualTo("rita");
        assertThat(actor.organisationId()).isEqualTo(regulator.id()).isNotNull();
        assertThat(actor.organisationKind()).isEqualTo(OrgKind.REGULATOR);
        assertThat(actor.roles()).containsExactly(Role.COMPLIANCE);
        assertThat(actor.isSystem()).isFalse();
        assertThat(actor.has(Role.COMPLIANCE)).isTrue();
        assertThat(actor.has(Role.ADMIN)).isFalse();
    }

    @Test
    void actorOfAccountWithoutRolesHasNone() {
        assertThat(account(Set.of()).actor().roles()).isEmpty();
    }

    @Test
    void rolesAreCopiedNotShared() {
        var roles = EnumSet.of(Role.ADMIN);
        var account = account(roles);

        roles.add(Role.COMPLIANCE);

        assertThat(account.actor().roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void meListsRolesSorted() {
        // Set.of iterates in an unspecified order; the answer must not depend on it
        var me = account(Set.of(Role.COMPLIANCE, Role.ADMIN)).me();

        assertThat(me.roles()).containsExactly(Role.ADMIN, Role.COMPLIANCE);
    }

    @Test
    void meNamesTheAccountAndItsOrganisation() {
        var account = account(Set.of());

        var me = account.me();

        assertThat(me.id()).isEqualTo(account.id());
        assertThat(me.username()).isEqualTo("rita");
        assertThat(me.displayName()).isEqualTo("Rita Regulator");
        assertThat(me.roles()).isEmpty();
        assertThat(me.organisation().id()).isEqualTo(regulator.id());
        assertThat(me.organisation().name()).isEqualTo("Market Authority");
        assertThat(me.organisation().kind()).isEqualTo(OrgKind.REGULATOR);
    }

    @Test
    void recordListsRolesSortedAndTellsWhetherDisabled() {
        var account = account(Set.of(Role.COMPLIANCE, Role.ADMIN));
        account.disable();

        var record = account.toRecord();

        assertThat(record.roles()).containsExactly(Role.ADMIN, Role.COMPLIANCE);
        assertThat(record.disabled()).isTrue();
        assertThat(record.createdAt()).isEqualTo(NOW);
        assertThat(record.toString()).doesNotContain("hash-of-password");
    }
}

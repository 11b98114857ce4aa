package org.clearroom.identity.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.clearroom.identity.OrgKind;
import org.junit.jupiter.api.Test;

class CredentialTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Duration LIFETIME = Duration.ofHours(8);

    final AccountEntity account = new AccountEntity(
            "alice",
            "Alice",
            new OrganisationEntity("Carrier One", OrgKind.CARRIER, NOW),
            "hash-of-password",
            Set.of(),
            NOW);

    Credential issuedNow() {
        return new Credential(account, Credential.Kind.SESSION, "browser", "secret-hash", "csrf-hash", NOW, LIFETIME);
    }

    static Instant lastUsed(Credential credential) {
        return credential.toInfo(false).lastUsedAt();
    }

    @Test
    void usableFromIssueUntilJustBeforeExpiry() {
        var credential = issuedNow();

        assertThat(credential.usableAt(NOW)).isTrue();
        assertThat(credential.usableAt(NOW.plus(LIFETIME).minusNanos(1_000))).isTrue();
    }

    @Test
    void expiresAfterItsLifetime() {
        var credential = issuedNow();

        assertThat(credential.expiresAt()).isEqualTo(NOW.plus(LIFETIME));
        assertThat(credential.usableAt(NOW.plus(LIFETIME)))
                .as("exactly at expiry")
                .isFalse();
        assertThat(credential.usableAt(NOW.plus(LIFETIME).plusSeconds(1))).isFalse();
    }

    @Test
    void expiryIsKeptToTheMicrosecondTheDatabaseStores() {
        var credential = new Credential(
                account, Credential.Kind.TOKEN, "ci", "secret-hash", null, NOW.plusNanos(123_456_789), LIFETIME);

        assertThat(credential.expiresAt()).isEqualTo(NOW.plus(LIFETIME).plusNanos(123_456_000));
    }

    @Test
    void revokedCredentialIsNotUsable() {
        var credential = issuedNow();

        assertThat(credential.revoke(NOW.plusSeconds(5))).isTrue();

        assertThat(credential.usableAt(NOW.plusSeconds(6))).isFalse();
    }

    @Test
    void revokeReportsNoChangeTheSecondTime() {
        var credential = issuedNow();

        assertThat(credential.revoke(NOW.plusSeconds(5))).isTrue();
        assertThat(credential.revoke(NOW.plusSeconds(10))).isFalse();
        assertThat(credential.usableAt(NOW.plusSeconds(11))).isFalse();
    }

    @Test
    void credentialOfDisabledAccountIsNotUsable() {
        var credential = issuedNow();

        account.disable();

        assertThat(credential.usableAt(NOW.plusSeconds(1))).isFalse();
    }

    @Test
    void credentialIsUsableAgainOnceTheAccountIsEnabled() {
        var credential = issuedNow();
        account.disable();

        account.enable();

        assertThat(credential.usableAt(NOW.plusSeconds(1))).isTrue();
    }

    @Test
    void firstUseIsNoted() {
        var credential = issuedNow();
        assertThat(lastUsed(credential)).isNull();

        credential.usedAt(NOW.plusSeconds(3));

        assertThat(lastUsed(credential)).isEqualTo(NOW.plusSeconds(3));
    }

    @Test
    void usesWithinAMinuteAreNotWrittenAgain() {
        var credential = issuedNow();
        credential.usedAt(NOW);

        credential.usedAt(NOW.plusSeconds(1));
        credential.usedAt(NOW.plusSeconds(30));
        credential.usedAt(NOW.plusSeconds(60));

        assertThat(lastUsed(credential)).isEqualTo(NOW);
    }

    @Test
    void useMoreThanAMinuteLaterIsWritten() {
        var credential = issuedNow();
        credential.usedAt(NOW);

        credential.usedAt(NOW.plusSeconds(61));
        assertThat(lastUsed(credential)).isEqualTo(NOW.plusSeconds(61));

        credential.usedAt(NOW.plusSeconds(90));
        assertThat(lastUsed(credential))
                .as("a minute counts from the last write, not from the first use")
                .isEqualTo(NOW.plusSeconds(61));
    }

    @Test
    void lastUseIsKeptToTheMicrosecond() {
        var credential = issuedNow();

        credential.usedAt(NOW.plusNanos(987_654_321));

        assertThat(lastUsed(credential)).isEqualTo(NOW.plusNanos(987_654_000));
    }

    @Test
    void infoNeverCarriesTheSecret() {
        var credential = issuedNow();

        var info = credential.toInfo(true);

        assertThat(info.id()).isEqualTo(credential.id());
        assertThat(info.kind()).isEqualTo("SESSION");
        assertThat(info.label()).isEqualTo("browser");
        assertThat(info.current()).isTrue();
        assertThat(info.toString()).doesNotContain("secret-hash").doesNotContain("csrf-hash");
    }
}

package org.clearroom.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.clearroom.identity.TokenInfo;
import org.clearroom.platform.entity.PersistentEntity;

/**
 * A bearer token or a browser session. Only the SHA-256 of its secret (and of a session's CSRF token)
 * is stored, so a database dump signs nobody in.
 */
@Entity
@Table(name = "credential")
public class Credential extends PersistentEntity {

    public enum Kind {
        TOKEN,
        SESSION
    }

    /** How stale {@code lastUsedAt} may get before a request writes it again. */
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "account_id", nullable = false)
    private AccountEntity account;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Kind kind;

    @Column(length = 120)
    private String label;

    @Column(name = "secret_hash", nullable = false, unique = true, length = 64)
    private String secretHash;

    @Column(name = "csrf_hash", length = 64)
    private String csrfHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    /**
     * Written only by {@code Authentication} with its own unversioned UPDATE: noting a use must never
     * make two parallel requests with one token fail each other's optimistic lock.
     */
    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected Credential() {}

    public Credential(
            AccountEntity account,
            Kind kind,
            String label,
            String secretHash,
            String csrfHash,
            Instant now,
            Duration lifetime) {
        super(now);
        this.account = Objects.requireNonNull(account, "a credential belongs to an account");
        this.kind = Objects.requireNonNull(kind, "a credential has a kind");
        this.label = label;
        this.secretHash = Objects.requireNonNull(secretHash, "a credential has a secret");
        this.csrfHash = csrfHash;
        this.expiresAt = now.plus(lifetime).truncatedTo(ChronoUnit.MICROS);
    }

    public AccountEntity account() {
        return account;
    }

    public Kind kind() {
        return kind;
    }

    public String csrfHash() {
        return csrfHash;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String label() {
        return label;
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt) && !account.disabled();
    }

    /**
     * Notes a use at most once per {@link #USE_RESOLUTION}.
     *
     * @return whether this use should be stored
     */
    public boolean usedAt(Instant now) {
        if (lastUsedAt == null || lastUsedAt.plus(USE_RESOLUTION).isBefore(now)) {
            lastUsedAt = now.truncatedTo(ChronoUnit.MICROS);
            return true;
        }
        return false;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    /** @return whether this changed anything */
    public boolean revoke(Instant now) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now.truncatedTo(ChronoUnit.MICROS);
        return true;
    }

    public TokenInfo toInfo(boolean current) {
        return new TokenInfo(id(), kind.name(), label, createdAt(), expiresAt, lastUsedAt, current);
    }
}

package org.clearroom.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.clearroom.access.Permission;
import org.clearroom.access.Principal;
import org.clearroom.access.PrincipalType;
import org.clearroom.access.Rule;
import org.clearroom.identity.OrgKind;
import org.clearroom.platform.control.Actor;
import org.clearroom.platform.entity.PersistentEntity;

/**
 * One grant. Revoking keeps the row (who revoked it and when) so that past decisions stay explainable.
 */
@Entity
@Table(name = "access_rule")
public class AccessRule extends PersistentEntity {

    @Column(nullable = false, length = 80)
    private String resource;

    @Enumerated(EnumType.STRING)
    @Column(name = "principal_type", nullable = false, length = 16)
    private PrincipalType principalType;

    @Column(name = "principal_id", length = 36)
    private String principalId;

    @Enumerated(EnumType.STRING)
    @Column(name = "principal_kind", length = 16)
    private OrgKind principalKind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Permission permission;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "created_by", length = 36)
    private String createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 36)
    private String revokedBy;

    protected AccessRule() {}

    private AccessRule(
            String resource,
            PrincipalType type,
            String principalId,
            OrgKind principalKind,
            Permission permission,
            Instant expiresAt,
            String createdBy,
            Instant now) {
        super(now);
        this.resource = Objects.requireNonNull(resource, "a rule is on a resource");
        this.principalType = Objects.requireNonNull(type, "a rule names a principal");
        this.principalId = principalId;
        this.principalKind = principalKind;
        this.permission = Objects.requireNonNull(permission, "a rule grants a permission");
        this.expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS);
        this.createdBy = createdBy;
    }

    public static AccessRule forOrganisation(
            String resource, String organisationId, Permission permission, Instant expiresAt, Actor by, Instant now) {
        Objects.requireNonNull(organisationId, "an organisation rule names the organisation");
        return new AccessRule(
                resource, PrincipalType.ORGANISATION, organisationId, null, permission, expiresAt, by.accountId(), now);
    }

    public static AccessRule forAccount(
            String resource, String accountId, Permission permission, Instant expiresAt, Actor by, Instant now) {
        Objects.requireNonNull(accountId, "an account rule names the account");
        return new AccessRule(
                resource, PrincipalType.ACCOUNT, accountId, null, permission, expiresAt, by.accountId(), now);
    }

    public static AccessRule forKind(
            String resource, OrgKind kind, Permission permission, Instant expiresAt, Actor by, Instant now) {
        Objects.requireNonNull(kind, "a kind rule names the kind");
        return new AccessRule(resource, PrincipalType.ORG_KIND, null, kind, permission, expiresAt, by.accountId(), now);
    }

    /** Whether this rule speaks of {@code actor}, whatever it grants. */
    public boolean names(Actor actor) {
        return switch (principalType) {
            case ACCOUNT -> principalId.equals(actor.accountId());
            case ORGANISATION -> principalId.equals(actor.organisationId());
            case ORG_KIND -> principalKind == actor.organisationKind();
        };
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** @return whether this changed anything */
    public boolean revoke(Actor by, Instant now) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now.truncatedTo(ChronoUnit.MICROS);
        revokedBy = by.accountId();
        return true;
    }

    public String resource() {
        return resource;
    }

    public Permission permission() {
        return permission;
    }

    public PrincipalType principalType() {
        return principalType;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Principal principal() {
        return new Principal(principalType, principalId, principalKind);
    }

    public Rule toRecord() {
        return new Rule(id(), resource, principal(), permission, expiresAt, createdAt());
    }

    /** A short phrase naming this rule in an explanation. */
    public String describe() {
        String whom =
                switch (principalType) {
                    case ACCOUNT -> "account " + principalId;
                    case ORGANISATION -> "organisation " + principalId;
                    case ORG_KIND -> "every " + principalKind + " organisation";
                };
        return "rule " + id() + " grants " + permission + " on " + resource + " to " + whom
                + (expiresAt == null ? "" : " until " + expiresAt);
    }
}

package org.clearroom.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.clearroom.audit.CosignerKey;
import org.clearroom.audit.Witness;
import org.clearroom.audit.WitnessStatus;
import org.clearroom.platform.control.Conflict;
import org.clearroom.platform.entity.PersistentEntity;

/**
 * An organisation's Ed25519 cosigning key. Registered PENDING by a member of the organisation, then
 * decided once by an operator; its organisation, name and key never change (the database enforces it
 * too). Refers to its organisation and accounts by id, so the audit component needs nothing from
 * identity.
 */
@Entity
@Table(name = "witness")
public class WitnessEntity extends PersistentEntity {

    @Column(name = "organisation_id", nullable = false, updatable = false, length = 36)
    private String organisationId;

    @Column(nullable = false, updatable = false, length = 200)
    private String name;

    @Column(name = "public_key", nullable = false, updatable = false)
    private byte[] publicKey;

    @Column(name = "key_id", nullable = false, updatable = false)
    private byte[] keyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private WitnessStatus status;

    @Column(name = "registered_by", nullable = false, updatable = false, length = 36)
    private String registeredBy;

    @Column(name = "decided_by", length = 36)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(length = 500)
    private String reason;

    protected WitnessEntity() {}

    public WitnessEntity(String organisationId, CosignerKey key, String registeredBy, Instant registeredAt) {
        super(registeredAt);
        this.organisationId = Objects.requireNonNull(organisationId, "a witness belongs to an organisation");
        Objects.requireNonNull(key, "a witness has a key");
        this.name = key.name();
        this.publicKey = key.publicKey();
        this.keyId = key.keyId();
        this.registeredBy = Objects.requireNonNull(registeredBy, "a witness is registered by an account");
        this.status = WitnessStatus.PENDING;
    }

    public void approve(String operator, Instant at) {
        decide(WitnessStatus.APPROVED, operator, at, null);
    }

    public void reject(String operator, Instant at, String why) {
        decide(
                WitnessStatus.REJECTED,
                operator,
                at,
                Objects.requireNonNull(why, "a rejection says why").strip());
    }

    private void decide(WitnessStatus decision, String operator, Instant at, String why) {
        if (status != WitnessStatus.PENDING) {
            throw new Conflict("status", "the witness key is " + status + " already; a key is decided once");
        }
        this.status = decision;
        this.decidedBy = operator;
        this.decidedAt = Objects.requireNonNull(at, "decided when").truncatedTo(ChronoUnit.MICROS);
        this.reason = why;
    }

    public CosignerKey key() {
        return new CosignerKey(name, publicKey);
    }

    public String organisationId() {
        return organisationId;
    }

    public String name() {
        return name;
    }

    public WitnessStatus status() {
        return status;
    }

    public boolean approved() {
        return status == WitnessStatus.APPROVED;
    }

    public Witness toRecord(Long lastCosignedSize, Instant lastCosignedAt) {
        var key = key();
        return new Witness(
                id(),
                organisationId,
                name,
                key.encoded(),
                key.keyIdHex(),
                status,
                createdAt(),
                registeredBy,
                decidedAt,
                decidedBy,
                reason,
                lastCosignedSize,
                lastCosignedAt);
    }
}

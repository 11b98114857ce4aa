package org.clearroom.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import org.clearroom.audit.Cosignature;
import org.clearroom.audit.WitnessCosignature;

/**
 * A witness's cosignature of one checkpoint, accepted after it verified against the witness's key over
 * that checkpoint's body. Immutable, and append-only in the database. Keeps the line's bytes after the
 * name (key id, timestamp, signature), so the line is rebuilt exactly from them and the witness's name.
 */
@Entity
@Table(name = "cosignature")
public class CosignatureEntity {

    @Id
    @Column(length = 36, updatable = false)
    private String id;

    @Column(name = "witness_id", nullable = false, updatable = false, length = 36)
    private String witnessId;

    @Column(name = "tree_size", nullable = false, updatable = false)
    private long treeSize;

    @Column(nullable = false, updatable = false)
    private byte[] signature;

    @Column(name = "signed_at", nullable = false, updatable = false)
    private long signedAt;

    @Column(name = "accepted_at", nullable = false, updatable = false)
    private Instant acceptedAt;

    @Column(name = "accepted_by", nullable = false, updatable = false, length = 36)
    private String acceptedBy;

    protected CosignatureEntity() {}

    public CosignatureEntity(
            WitnessEntity witness, long treeSize, Cosignature cosignature, String acceptedBy, Instant acceptedAt) {
        this.id = UUID.randomUUID().toString();
        this.witnessId =
                Objects.requireNonNull(witness, "a cosignature is a witness's").id();
        this.treeSize = treeSize;
        this.signature = Base64.getDecoder().decode(cosignature.base64());
        this.signedAt = cosignature.timestamp();
        this.acceptedBy = Objects.requireNonNull(acceptedBy, "a cosignature is posted by an account");
        this.acceptedAt = Objects.requireNonNull(acceptedAt, "accepted when").truncatedTo(ChronoUnit.MICROS);
    }

    public Cosignature cosignature(String witnessName) {
        return Cosignature.decode(witnessName, Base64.getEncoder().encodeToString(signature));
    }

    public long treeSize() {
        return treeSize;
    }

    public long signedAt() {
        return signedAt;
    }

    public WitnessCosignature toRecord(WitnessEntity witness) {
        var cosignature = cosignature(witness.name());
        return new WitnessCosignature(
                witnessId,
                witness.name(),
                cosignature.keyIdHex(),
                treeSize,
                cosignature.time(),
                cosignature.line().strip(),
                acceptedAt,
                acceptedBy);
    }
}

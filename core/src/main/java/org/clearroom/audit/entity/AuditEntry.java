package org.clearroom.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.clearroom.audit.Action;
import org.clearroom.audit.CanonicalJson;

/**
 * One audited exchange. Immutable: every column is written once, and {@link #canonical()} is the exact
 * entry the ledger hashes. The database's own insertion order column ({@code position}) is not mapped.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    /** Version of the canonical entry layout, so verifiers can tell layouts apart. */
    public static final int FORMAT = 1;

    @Id
    @Column(length = 36, updatable = false)
    private String id;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "actor_account", length = 36, updatable = false)
    private String actorAccount;

    @Column(name = "actor_organisation", length = 36, updatable = false)
    private String actorOrganisation;

    @Column(nullable = false, length = 40, updatable = false)
    private String action;

    @Column(nullable = false, length = 200, updatable = false)
    private String resource;

    @Column(name = "request_id", nullable = false, length = 64, updatable = false)
    private String requestId;

    @Column(name = "client_address", length = 64, updatable = false)
    private String clientAddress;

    @Column(name = "content_digest", length = 64, updatable = false)
    private String contentDigest;

    @Column(nullable = false, updatable = false)
    private String canonical;

    protected AuditEntry() {}

    public AuditEntry(
            Instant recordedAt,
            String actorAccount,
            String actorOrganisation,
            Action action,
            String resource,
            String requestId,
            String clientAddress,
            String contentDigest) {
        this.id = UUID.randomUUID().toString();
        this.recordedAt = Objects.requireNonNull(recordedAt, "recorded when").truncatedTo(ChronoUnit.MICROS);
        this.actorAccount = actorAccount;
        this.actorOrganisation = actorOrganisation;
        this.action =
                Objects.requireNonNull(action, "an entry records an action").name();
        this.resource = Objects.requireNonNull(resource, "an entry names a resource");
        this.requestId = Objects.requireNonNull(requestId, "an entry names its request");
        this.clientAddress = clientAddress;
        this.contentDigest = contentDigest;
        this.canonical = CanonicalJson.write(asJson());
    }

    private Map<String, Object> asJson() {
        var actor = new LinkedHashMap<String, Object>();
        actor.put("account", actorAccount);
        actor.put("organisation", actorOrganisation);
        var entry = new LinkedHashMap<String, Object>();
        entry.put("format", FORMAT);
        entry.put("id", id);
        entry.put("at", recordedAt.toString());
        entry.put("actor", actor);
        entry.put("action", action);
        entry.put("resource", resource);
        entry.put("requestId", requestId);
        entry.put("client", clientAddress);
        entry.put("digest", contentDigest == null ? null : "sha256:" + contentDigest);
        return entry;
    }

    public String id() {
        return id;
    }

    public String action() {
        return action;
    }

    public String resource() {
        return resource;
    }

    public String canonical() {
        return canonical;
    }

    /**
     * Inserts this entry with plain JDBC, for what records outside the entity manager (schema migrations
     * that change data): the same columns and canonical form as {@code AuditTrail}, in the caller's
     * transaction; the table's trigger queues it for the ledger like any other.
     */
    public void insert(java.sql.Connection connection) throws java.sql.SQLException {
        try (var insert = connection.prepareStatement("insert into audit_entry (id, recorded_at, actor_account,"
                + " actor_organisation, action, resource, request_id, client_address, content_digest, canonical)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setTimestamp(2, java.sql.Timestamp.from(recordedAt));
            insert.setString(3, actorAccount);
            insert.setString(4, actorOrganisation);
            insert.setString(5, action);
            insert.setString(6, resource);
            insert.setString(7, requestId);
            insert.setString(8, clientAddress);
            insert.setString(9, contentDigest);
            insert.setString(10, canonical);
            insert.executeUpdate();
        }
    }
}

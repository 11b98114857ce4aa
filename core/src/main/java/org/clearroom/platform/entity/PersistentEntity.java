package org.clearroom.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/** Identity, creation time and optimistic version, shared by every entity with a lifecycle. */
@MappedSuperclass
public abstract class PersistentEntity {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected PersistentEntity() {}

    protected PersistentEntity(Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.createdAt = Objects.requireNonNull(createdAt, "created when").truncatedTo(ChronoUnit.MICROS);
    }

    public String id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersistentEntity that && getClass() == that.getClass() && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}

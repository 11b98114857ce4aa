package org.clearroom.rooms.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.clearroom.platform.Blank;
import org.clearroom.platform.entity.PersistentEntity;
import org.clearroom.rooms.Room;
import org.clearroom.rooms.RoomKind;

@Entity
@Table(name = "room")
public class RoomEntity extends PersistentEntity {

    /** Resource names of rooms in rules and audit entries: {@code rooms/{id}}. */
    public static final String RESOURCE_PREFIX = "rooms/";

    @Column(nullable = false, length = 120)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RoomKind kind;

    @Column(length = 2000)
    private String description;

    @Column(name = "retention_days")
    private Integer retentionDays;

    @Column(name = "legal_hold_reason", length = 500)
    private String legalHoldReason;

    @Column(name = "legal_hold_since")
    private Instant legalHoldSince;

    @Column(name = "legal_hold_by", length = 36)
    private String legalHoldBy;

    protected RoomEntity() {}

    public RoomEntity(String name, RoomKind kind, String description, Instant createdAt) {
        super(createdAt);
        this.name = Objects.requireNonNull(name, "a room has a name").strip();
        this.kind = Objects.requireNonNull(kind, "a room has a kind");
        this.description = Blank.blank(description) ? null : description.strip();
    }

    public String resource() {
        return RESOURCE_PREFIX + id();
    }

    public String name() {
        return name;
    }

    public RoomKind kind() {
        return kind;
    }

    /** @return whether this changed anything */
    public boolean retainFor(Integer days) {
        if (days != null && (days < 1 || days > 36500)) {
            throw new IllegalArgumentException("retention is 1 to 36500 days");
        }
        boolean changed = !java.util.Objects.equals(retentionDays, days);
        retentionDays = days;
        return changed;
    }

    public boolean held() {
        return legalHoldSince != null;
    }

    public void placeHold(String reason, String by, Instant now) {
        if (held()) {
            throw new IllegalStateException("the room is held already");
        }
        legalHoldReason = Objects.requireNonNull(reason, "a hold has a reason").strip();
        legalHoldSince = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        legalHoldBy = by;
    }

    public void releaseHold() {
        if (!held()) {
            throw new IllegalStateException("the room is not held");
        }
        legalHoldReason = null;
        legalHoldSince = null;
        legalHoldBy = null;
    }

    /**
     * Content created before the answer may be purged now; empty while a legal hold stands or when the
     * room keeps content forever. The content's owners (forum, documents) purge by it.
     */
    public java.util.Optional<Instant> purgeBefore(Instant now) {
        if (held() || retentionDays == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(now.minus(java.time.Duration.ofDays(retentionDays)));
    }

    /** The room as {@code permissions}' holder sees it. */
    public Room toRecord(java.util.Set<org.clearroom.access.Permission> permissions) {
        return new Room(
                id(),
                name,
                kind,
                description,
                createdAt(),
                retentionDays,
                held() ? new org.clearroom.rooms.LegalHold(legalHoldReason, legalHoldSince) : null,
                permissions.stream().sorted().toList());
    }
}

package org.clearroom.rooms.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
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

    protected RoomEntity() {}

    public RoomEntity(String name, RoomKind kind, String description, Instant createdAt) {
        super(createdAt);
        this.name = Objects.requireNonNull(name, "a room has a name").strip();
        this.kind = Objects.requireNonNull(kind, "a room has a kind");
        this.description = description == null || description.isBlank() ? null : description.strip();
    }

    public String resource() {
        return RESOURCE_PREFIX + id();
    }

    public String name() {
        return name;
    }

    public Room toRecord() {
        return new Room(id(), name, kind, description, createdAt());
    }
}

package org.clearroom.rooms;

import java.time.Instant;

public record Room(String id, String name, RoomKind kind, String description, Instant createdAt) {}

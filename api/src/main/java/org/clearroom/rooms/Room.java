package org.clearroom.rooms;

import java.time.Instant;

/** A room; {@code retentionDays} null keeps content forever; {@code legalHold} stands while present. */
public record Room(
        String id,
        String name,
        RoomKind kind,
        String description,
        Instant createdAt,
        Integer retentionDays,
        LegalHold legalHold) {}

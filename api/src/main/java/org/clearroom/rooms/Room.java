package org.clearroom.rooms;

import java.time.Instant;
import java.util.List;
import org.clearroom.access.Permission;

/**
 * A room; {@code retentionDays} null keeps content forever; {@code legalHold} stands while present.
 * {@code permissions} are what the caller may do in it now, so clients offer only what will be allowed
 * (operators and compliance officers manage rooms they may hold nothing in).
 */
public record Room(
        String id,
        String name,
        RoomKind kind,
        String description,
        Instant createdAt,
        Integer retentionDays,
        LegalHold legalHold,
        List<Permission> permissions) {}

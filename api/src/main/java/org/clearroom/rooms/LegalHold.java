package org.clearroom.rooms;

import java.time.Instant;

/** A legal hold on a room: while it stands, nothing in the room is purged, whatever its retention. */
public record LegalHold(String reason, Instant since) {}

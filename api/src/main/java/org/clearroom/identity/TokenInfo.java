package org.clearroom.identity;

import java.time.Instant;

/** A token or session of the caller, without its secret. */
public record TokenInfo(
        String id,
        String kind,
        String label,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        boolean current) {}

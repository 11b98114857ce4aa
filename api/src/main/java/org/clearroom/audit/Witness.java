package org.clearroom.audit;

import java.time.Instant;

/**
 * A registered witness key. {@code vkey} is its C2SP form (type 0x04); {@code lastCosignedSize} is the
 * size of the largest checkpoint it has cosigned (absent before its first cosignature), the size a
 * witness proves consistency from; {@code lastCosignedAt} is that cosignature's own timestamp.
 */
public record Witness(
        String id,
        String organisationId,
        String name,
        String vkey,
        String keyId,
        WitnessStatus status,
        Instant registeredAt,
        String registeredBy,
        Instant decidedAt,
        String decidedBy,
        String reason,
        Long lastCosignedSize,
        Instant lastCosignedAt) {}

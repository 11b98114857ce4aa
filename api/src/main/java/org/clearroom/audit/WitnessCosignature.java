package org.clearroom.audit;

import java.time.Instant;

/**
 * An accepted cosignature: {@code signature} is its note signature line (without the final newline),
 * as it appears in the checkpoint; {@code timestamp} is the time the witness signed into it.
 */
public record WitnessCosignature(
        String witnessId,
        String name,
        String keyId,
        long checkpointSize,
        Instant timestamp,
        String signature,
        Instant acceptedAt,
        String acceptedBy) {}

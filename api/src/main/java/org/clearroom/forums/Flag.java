package org.clearroom.forums;

import java.time.Instant;

/** A report on a post; the resolution fields stay null while it is open. */
public record Flag(
        String id,
        String postId,
        String threadId,
        String roomId,
        AccountRef reporter,
        FlagReason reason,
        String text,
        Instant createdAt,
        FlagOutcome outcome,
        AccountRef resolvedBy,
        Instant resolvedAt,
        String note) {}

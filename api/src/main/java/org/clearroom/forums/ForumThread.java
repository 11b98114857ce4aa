package org.clearroom.forums;

import java.time.Instant;

/**
 * A thread as its reader sees it: {@code unread} counts posts by others since the caller last read it;
 * {@code title} is null once retention purged it.
 */
public record ForumThread(
        String id,
        String roomId,
        String title,
        AccountRef author,
        Instant createdAt,
        Instant lastPostAt,
        long posts,
        long unread,
        boolean pinned,
        boolean locked,
        boolean purged,
        boolean subscribed) {}

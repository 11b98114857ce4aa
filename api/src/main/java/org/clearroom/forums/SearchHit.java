package org.clearroom.forums;

import java.time.Instant;

/**
 * A search result. {@code snippet} is HTML: the matched text escaped, with {@code <mark>} around the
 * matched words and nothing else.
 */
public record SearchHit(
        Kind kind,
        String roomId,
        String roomName,
        String threadId,
        String threadTitle,
        String postId,
        String snippet,
        double rank,
        Instant createdAt) {

    public enum Kind {
        THREAD,
        POST
    }
}

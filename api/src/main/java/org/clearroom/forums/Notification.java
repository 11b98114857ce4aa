package org.clearroom.forums;

import java.time.Instant;

/** Something for one account to look at; {@code readAt} is null while unread. */
public record Notification(
        String id,
        Kind kind,
        String roomId,
        String threadId,
        String threadTitle,
        String postId,
        AccountRef actor,
        Instant createdAt,
        Instant readAt) {

    public enum Kind {
        MENTION,
        REPLY,
        NEW_THREAD
    }
}

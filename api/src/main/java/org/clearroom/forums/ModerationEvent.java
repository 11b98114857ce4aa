package org.clearroom.forums;

import java.time.Instant;

/**
 * One line of a room's moderation log: who did what to which thread or post, when and why. It never
 * carries the content itself.
 */
public record ModerationEvent(
        String id,
        String roomId,
        AccountRef moderator,
        Kind action,
        String threadId,
        String postId,
        String otherRoomId,
        String reason,
        Instant at) {

    public enum Kind {
        PIN,
        UNPIN,
        LOCK,
        UNLOCK,
        MOVE_IN,
        MOVE_OUT,
        HIDE,
        UNHIDE,
        DISMISS_FLAG,
        PURGE
    }
}

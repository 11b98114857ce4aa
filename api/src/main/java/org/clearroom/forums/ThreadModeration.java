package org.clearroom.forums;

import org.clearroom.platform.Length;
import org.clearroom.platform.Required;
import org.clearroom.platform.SingleLine;

/** A moderator's action on a thread; MOVE names the target {@code roomId}. */
public record ThreadModeration(
        @Required Action action,
        @SingleLine @Length(max = 64) String roomId,
        @SingleLine @Length(max = 500) String reason) {

    public enum Action {
        PIN,
        UNPIN,
        LOCK,
        UNLOCK,
        MOVE
    }
}

package org.clearroom.forums;

import org.clearroom.platform.Length;
import org.clearroom.platform.Required;
import org.clearroom.platform.SingleLine;

/** A moderator hides a post (a reason is required) or shows it again. */
public record PostModeration(@Required Action action, @SingleLine @Length(max = 500) String reason) {

    public enum Action {
        HIDE,
        UNHIDE
    }
}

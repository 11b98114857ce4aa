package org.clearroom.forums;

import org.clearroom.platform.Length;
import org.clearroom.platform.Required;

/** A moderator hides a post (a reason is required) or shows it again. */
public record PostModeration(@Required Action action, @Length(max = 500) String reason) {

    public enum Action {
        HIDE,
        UNHIDE
    }
}

package org.clearroom.forums;

import org.clearroom.platform.Length;
import org.clearroom.platform.Required;
import org.clearroom.platform.SingleLine;

/** Opens a thread with its first post. The body is Markdown. */
public record NewThread(
        @Required @SingleLine @Length(min = 1, max = NewThread.MAX_TITLE) String title,
        @Required @Length(min = 1, max = NewPost.MAX_BODY) String body) {

    public static final int MAX_TITLE = 200;
}

package org.clearroom.forums;

import org.clearroom.platform.Length;
import org.clearroom.platform.Required;

/** A reply, or a revision of one's own post. The body is Markdown. */
public record NewPost(@Required @Length(min = 1, max = NewPost.MAX_BODY) String body) {

    public static final int MAX_BODY = 50_000;
}

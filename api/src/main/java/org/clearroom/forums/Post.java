package org.clearroom.forums;

import java.time.Instant;
import java.util.List;

/**
 * A post. {@code body} is the Markdown, {@code html} its sanitised rendering. A hidden post shows its
 * content only to the room's moderators and its author; everybody else gets {@code body} null and a
 * placeholder in {@code html}. A purged post (retention) has no content for anyone, only its digest.
 */
public record Post(
        String id,
        String threadId,
        String roomId,
        AccountRef author,
        String body,
        String html,
        String digest,
        Instant createdAt,
        Instant revisedAt,
        int revision,
        boolean hidden,
        String hiddenReason,
        boolean purged,
        List<ReactionCount> reactions) {}

package org.clearroom.forums;

import java.time.Instant;
import java.util.List;

/**
 * A post. {@code body} is the Markdown, {@code html} its sanitised rendering. A hidden post shows its
 * content only to the room's moderators and its author; everybody else gets {@code body} and {@code
 * digest} null (a short post would be found by hashing guesses) and a placeholder in {@code html}. A purged post (retention) has no content for anyone, only its digest.
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
        List<ReactionCount> reactions) {

    /**
     * By id alone, which equal posts share: JSON-B hashes every object it writes (to detect cycles), and
     * hashing every body and rendering of a page of posts cost a tenth of a page read.
     */
    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(id);
    }
}

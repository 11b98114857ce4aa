package org.clearroom.forums.control;

import java.util.Set;

/**
 * Fired when a post (or a thread's first post) is written; observed after the commit to notify
 * subscribers and mentioned accounts, so a rolled-back post notifies nobody.
 */
public record PostPublished(
        String postId, String threadId, String roomId, String authorId, boolean opensThread, Set<String> mentions) {}

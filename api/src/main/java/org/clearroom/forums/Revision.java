package org.clearroom.forums;

import java.time.Instant;

/** One kept version of a post: number 1 is the original. {@code body} is null once purged. */
public record Revision(int number, String body, String html, String digest, AccountRef author, Instant createdAt) {}

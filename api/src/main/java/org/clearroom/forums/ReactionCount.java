package org.clearroom.forums;

/** How many accounts reacted so, and whether the caller is one of them. */
public record ReactionCount(Reaction reaction, String emoji, long count, boolean mine) {}

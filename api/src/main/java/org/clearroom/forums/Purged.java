package org.clearroom.forums;

/** What one retention run removed from a room (content only; the ledger keeps entries and digests). */
public record Purged(String roomId, int posts, int threads) {}

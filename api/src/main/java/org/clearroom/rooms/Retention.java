package org.clearroom.rooms;

/**
 * How long a room keeps content: {@code days} (1 to 36500) after which posts and document bytes are
 * purged (their ledger entries and digests stay), or null to keep content forever.
 */
public record Retention(Integer days) {}

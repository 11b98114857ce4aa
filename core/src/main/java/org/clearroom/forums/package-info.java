/**
 * Forums: threads of Markdown posts in FORUM rooms, with revisions, reactions, mentions, subscriptions,
 * notifications, read state, moderation (pin, lock, hide, move, flags, a public log), full-text search,
 * and the forum's part of a room's retention ({@code boundary.ForumPurge}).
 *
 * <p>{@code boundary.Forums} is the one entry for everything a member does and {@code boundary.Moderation}
 * for moderators; both enter a room through {@code rooms}' {@code RoomGate} and record every exchange
 * with {@code AuditTrail} in the same transaction. {@code control.Markdown} renders and sanitises once,
 * on write. Notifications are written after the post commits ({@code PostPublished}).
 *
 * <p>Out of scope: the room itself, its retention period and legal hold ({@code rooms}), documents and
 * briefings (their own components), e-mail delivery of notifications, private messages.
 */
package org.clearroom.forums;

/**
 * Rooms (FORUM or DOCUMENTS): the resources that forums and documents live in and that access rules
 * attach to.
 *
 * <p>Does: create rooms (operators), list and show the rooms a caller may VIEW (a room one may not
 * view answers as if it did not exist), let operators or the room's moderators manage its rules (stored
 * by {@code access}), and explain a decision for any account. {@code boundary.RoomGate} is the one way
 * into content in a room: it resolves the room, requires a permission through the access policy (404
 * when the room is invisible) and checks the room's kind. {@code boundary.RoomRetention} runs retention
 * and legal hold for every kind of content: with the room locked, it asks each {@code
 * boundary.ContentPurger} (forum posts today) to purge and records one CONTENT_PURGED entry; {@code
 * control.RetentionSchedule} runs it hourly. Every change is an audited exchange.
 *
 * <p>Out of scope: what is inside a room (forums, documents), and the rules' storage (access).
 */
package org.clearroom.rooms;

/**
 * Rooms (FORUM or DOCUMENTS): the resources that forums and documents live in and that access rules
 * attach to.
 *
 * <p>Does: create rooms (operators), list and show the rooms a caller may VIEW (a room one may not
 * view answers as if it did not exist), list, grant and revoke a room's rules (operators or the room's
 * moderators), and explain a decision for any account. Every change is an audited exchange.
 *
 * <p>Out of scope: what is inside a room (forum, documents), retention and legal hold (ledger issue).
 */
package org.clearroom.rooms;

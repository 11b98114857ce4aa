/**
 * What forums put on the wire: threads, Markdown posts with their sanitised HTML, revisions, reactions,
 * flags, moderation, notifications and search. Limits are stated on the records and documented in
 * docs/forums.md.
 */
package org.clearroom.forums;

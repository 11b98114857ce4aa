package org.clearroom.forums;

/** Who wrote, moderated or reported something, as other members see them. */
public record AccountRef(String id, String username, String displayName, String organisation) {}

package org.clearroom.forums;

/** Whether the caller watches a room: its new threads and posts notify the caller. */
public record Watching(boolean watching) {}

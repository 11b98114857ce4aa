package org.clearroom.forums;

/** The answer to opening a thread: the thread and its first post. */
public record OpenedThread(ForumThread thread, Post firstPost) {}

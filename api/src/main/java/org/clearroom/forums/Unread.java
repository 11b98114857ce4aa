package org.clearroom.forums;

public record Unread(long unread) {}

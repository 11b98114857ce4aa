package org.clearroom.forums;

import java.util.List;

/** A page of notifications with the caller's unread count. */
public record NotificationPage(long unread, List<Notification> items, String next) {}

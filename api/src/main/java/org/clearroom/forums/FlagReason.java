package org.clearroom.forums;

public enum FlagReason {
    SPAM,
    OFF_TOPIC,
    INAPPROPRIATE,
    ILLEGAL,
    OTHER
}

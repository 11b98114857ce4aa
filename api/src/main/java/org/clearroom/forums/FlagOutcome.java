package org.clearroom.forums;

/** HIDE hides the post and resolves every open flag on it; DISMISS resolves this flag only. */
public enum FlagOutcome {
    HIDE,
    DISMISS
}

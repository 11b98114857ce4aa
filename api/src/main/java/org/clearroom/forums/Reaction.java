package org.clearroom.forums;

/** The fixed set of reactions; {@link #emoji} is what clients show. */
public enum Reaction {
    THUMBS_UP("\uD83D\uDC4D"),
    THUMBS_DOWN("\uD83D\uDC4E"),
    HEART("\u2764\uFE0F"),
    LAUGH("\uD83D\uDE04"),
    HOORAY("\uD83C\uDF89"),
    CONFUSED("\uD83D\uDE15"),
    EYES("\uD83D\uDC40"),
    ROCKET("\uD83D\uDE80");

    public final String emoji;

    Reaction(String emoji) {
        this.emoji = emoji;
    }
}

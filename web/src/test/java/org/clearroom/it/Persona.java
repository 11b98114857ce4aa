package org.clearroom.it;

import java.util.Arrays;
import java.util.Locale;

/**
 * Who calls in {@link AuthorizationMatrixIT}: one column of {@code authorization-matrix.md} each, described
 * there. The owning organisation is a carrier; its room grants CONTRIBUTE to the carrier and MODERATE to
 * the moderator.
 */
enum Persona {
    ANONYMOUS(Sight.NOTHING, Credentials.NONE),
    AUTHOR(Sight.CONTENT, Credentials.LIVE),
    MEMBER(Sight.CONTENT, Credentials.LIVE),
    PEER(Sight.NOTHING, Credentials.LIVE),
    REGULATOR(Sight.NOTHING, Credentials.LIVE),
    VENDOR(Sight.NOTHING, Credentials.LIVE),
    MODERATOR(Sight.CONTENT, Credentials.LIVE),
    ADMIN(Sight.NAMES, Credentials.LIVE),
    COMPLIANCE(Sight.NAMES, Credentials.LIVE),
    DISABLED(Sight.NOTHING, Credentials.DEAD),
    REVOKED(Sight.NOTHING, Credentials.DEAD),
    EXPIRED(Sight.NOTHING, Credentials.LIVE);

    /** What the persona may learn of the owning carrier's room: its content, its name only (operators), nothing. */
    enum Sight {
        CONTENT,
        NAMES,
        NOTHING
    }

    /** What the persona presents: nothing, a token that works, or one that no longer does. */
    enum Credentials {
        NONE,
        LIVE,
        DEAD
    }

    final Sight sight;
    final Credentials credentials;

    Persona(Sight sight, Credentials credentials) {
        this.sight = sight;
        this.credentials = credentials;
    }

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Persona ofColumn(String column) {
        return Arrays.stream(values())
                .filter(persona -> persona.column().equals(column))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no persona is called " + column));
    }
}

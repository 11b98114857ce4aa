package org.clearroom.platform.control;

import java.util.List;

/** Sign-in is locked for a while after repeated failures. */
public class TooManyAttempts extends ClearroomException {

    private final long retryAfterSeconds;

    public TooManyAttempts(long retryAfterSeconds) {
        super(
                429,
                "too-many-attempts",
                "Too many sign-in attempts",
                "sign-in for this username is locked after repeated failures; try again in " + retryAfterSeconds
                        + " seconds",
                List.of());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

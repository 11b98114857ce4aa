package org.clearroom.identity;

import java.time.Instant;

/** Answer to a browser sign-in: the CSRF token to send as {@code X-CSRF-Token} on unsafe methods. */
public record BrowserSession(String csrfToken, Instant expiresAt, Me me) {}

package org.clearroom.identity.boundary;

import java.time.Instant;
import org.clearroom.identity.Me;

/**
 * A successful sign-in: the secret (shown once), a session's CSRF token, and who signed in.
 * Nothing here is stored in the clear.
 */
public record SignedIn(String credentialId, String secret, String csrfToken, String label, Instant expiresAt, Me me) {}

package org.clearroom.identity;

import java.time.Instant;

/** A new bearer token. The secret is shown once and stored only as a hash. */
public record IssuedToken(String id, String token, String label, Instant expiresAt) {}

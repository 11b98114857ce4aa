package org.clearroom.identity.boundary;

import org.clearroom.platform.control.Actor;
import org.clearroom.platform.control.Digests;

/** A presented secret that is valid now: who it belongs to and, for a session, the CSRF hash to check. */
public record Authenticated(Actor actor, String credentialId, String csrfHash) {

    public boolean csrfMatches(String presented) {
        return csrfHash != null
                && presented != null
                && java.security.MessageDigest.isEqual(
                        csrfHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        Digests.sha256Hex(presented).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}

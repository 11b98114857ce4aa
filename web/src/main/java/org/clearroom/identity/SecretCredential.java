package org.clearroom.identity;

import jakarta.security.enterprise.credential.Credential;
import org.clearroom.identity.entity.Credential.Kind;

/** A presented bearer token or session cookie value, before validation. */
public record SecretCredential(String secret, Kind kind) implements Credential {

    @Override
    public String toString() {
        return "SecretCredential[" + kind + "]";
    }
}

package org.clearroom.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password hashing with Jakarta Security's PBKDF2 (HMAC-SHA-512, 32-byte salt). Unknown usernames are
 * checked against a dummy hash so that a wrong username costs the same time as a wrong password.
 */
@ApplicationScoped
public class Passwords {

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "clearroom.password.iterations", defaultValue = "210000")
    int iterations;

    private String dummy;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        dummy = hash.generate("no account has this password".toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String stored) {
        return hash.verify(password.toCharArray(), stored);
    }

    /** Spends the time of one verification without an account to verify against. */
    public void spendVerificationTime(String password) {
        hash.verify(password.toCharArray(), dummy);
    }
}

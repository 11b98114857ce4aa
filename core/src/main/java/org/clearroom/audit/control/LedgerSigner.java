package org.clearroom.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import org.clearroom.audit.Checkpoint;
import org.clearroom.audit.Ed25519;
import org.clearroom.audit.SignedNote;
import org.clearroom.audit.VerifierKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's Ed25519 checkpoint key. Supplied by configuration ({@code clearroom.ledger.key}, a
 * C2SP private key {@code PRIVATE+KEY+<name>+<id>+<base64>}) or kept in a file
 * ({@code clearroom.ledger.key-file}), generated on first start and readable only by the server's user.
 * The key name is the log's origin. The verifier key is logged at start.
 */
@ApplicationScoped
public class LedgerSigner {

    private static final Logger LOG = Logger.getLogger(LedgerSigner.class.getName());
    private static final String PREFIX = "PRIVATE+KEY+";

    @Inject
    @ConfigProperty(name = "clearroom.ledger.key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "clearroom.ledger.key-file")
    Optional<String> keyFile;

    @Inject
    @ConfigProperty(name = "clearroom.ledger.origin")
    Optional<String> configuredOrigin;

    private PrivateKey privateKey;
    private VerifierKey verifierKey;

    @PostConstruct
    void load() {
        try {
            var text = configuredKey.filter(k -> !k.isBlank()).orElse(null);
            if (text == null) {
                text = readOrCreate(Path.of(keyFile.filter(f -> !f.isBlank()).orElseGet(LedgerSigner::defaultKeyFile)));
            }
            parse(text.strip());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the ledger key: " + e.getMessage(), e);
        }
        LOG.info(() -> "Ledger origin " + verifierKey.name() + "; verifier key " + verifierKey.encoded());
    }

    private static String defaultKeyFile() {
        return Path.of(System.getProperty("user.home"), ".clearroom", "ledger.key")
                .toString();
    }

    private String readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        var origin = configuredOrigin.filter(o -> !o.isBlank()).orElseGet(LedgerSigner::hostOrigin);
        var keys = Ed25519.generate();
        var verifier = VerifierKey.of(origin, keys.getPublic());
        var text = PREFIX + origin + "+" + HexFormat.of().formatHex(verifier.keyId()) + "+"
                + Base64.getEncoder().encodeToString(concat((byte) 1, Ed25519.rawPrivate(keys.getPrivate()))) + "\n";
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try {
            Files.writeString(file, "", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                LOG.warning("cannot restrict permissions of " + file + " on this file system");
            }
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            LOG.info(() -> "Generated a new ledger key in " + file);
            return text;
        } catch (FileAlreadyExistsException raced) {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
    }

    private void parse(String text) {
        if (!text.startsWith(PREFIX)) {
            throw new IllegalStateException("the ledger key is not a C2SP private key (PRIVATE+KEY+name+id+key)");
        }
        var parts = text.substring(PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalStateException("the ledger key has the form PRIVATE+KEY+name+id+key");
        }
        byte[] raw = Base64.getDecoder().decode(parts[2]);
        if (raw.length != 33 || raw[0] != 1) {
            throw new IllegalStateException("the ledger key is not an Ed25519 key");
        }
        privateKey = Ed25519.privateKey(Arrays.copyOfRange(raw, 1, 33));
        var seed = Arrays.copyOfRange(raw, 1, 33);
        verifierKey = new VerifierKey(parts[0], derivePublic(seed));
        if (!HexFormat.of().formatHex(verifierKey.keyId()).equals(parts[1])) {
            throw new IllegalStateException("the ledger key's id does not match its name and key");
        }
        if (configuredOrigin.isPresent()
                && !configuredOrigin.get().isBlank()
                && !configuredOrigin.get().equals(parts[0])) {
            LOG.warning(() -> "clearroom.ledger.origin is " + configuredOrigin.get() + " but the key is named "
                    + parts[0] + "; checkpoints use the key's name");
        }
    }

    /** Ed25519 public key of a seed: sign with it and let the JDK tell us, via a throwaway round trip. */
    private static byte[] derivePublic(byte[] seed) {
        // The JDK derives the public key only inside its key pair generator; seeding it with a fixed
        // source gives the pair that belongs to this seed.
        try {
            var generator = java.security.KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, new FixedRandom(seed));
            return Ed25519.rawPublic(generator.generateKeyPair().getPublic());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the ledger's public key", e);
        }
    }

    /** Hands out the seed as the "random" bytes of key generation. */
    private static final class FixedRandom extends java.security.SecureRandom {
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }

    private static String hostOrigin() {
        try {
            return InetAddress.getLocalHost().getHostName().toLowerCase(java.util.Locale.ROOT) + "/clearroom";
        } catch (UnknownHostException e) {
            return "localhost/clearroom";
        }
    }

    private static byte[] concat(byte first, byte[] rest) {
        var out = new byte[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    public String origin() {
        return verifierKey.name();
    }

    public VerifierKey verifierKey() {
        return verifierKey;
    }

    public SignedNote sign(Checkpoint checkpoint) {
        return SignedNote.sign(checkpoint.body(), verifierKey.name(), privateKey, verifierKey);
    }
}

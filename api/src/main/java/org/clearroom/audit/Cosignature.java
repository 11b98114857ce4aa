package org.clearroom.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A witness's timestamped Ed25519 cosignature of a checkpoint (C2SP tlog-cosignature, cosignature/v1):
 * a signed-note signature line {@code — <name> base64(key id || u64 big-endian timestamp || 64-byte
 * Ed25519 signature)}, where the signature is over {@code "cosignature/v1\ntime <timestamp>\n"} followed
 * by the whole checkpoint body (the note text, extension lines and final newline included). The key id
 * is {@link CosignerKey#keyId()}; the timestamp is POSIX seconds and at most 2^63 - 1.
 *
 * <p>Witnesses sign with {@link #sign}; verifiers check a line with {@link #verifies} or a whole note
 * with {@link #verifiedBy}. Pure JDK.
 */
public record Cosignature(String name, byte[] keyId, long timestamp, byte[] signature) {

    /** key id, timestamp and signature: the decoded base64 of a cosignature line. */
    public static final int ENCODED_BYTES = 4 + 8 + 64;

    private static final String HEADER = "cosignature/v1\n";
    private static final String DASH = "\u2014 ";

    public Cosignature {
        VerifierKey.requireValidName(name);
        if (keyId == null || keyId.length != 4) {
            throw new IllegalArgumentException("a key id has 4 bytes");
        }
        if (timestamp < 0) {
            throw new IllegalArgumentException("a cosignature's timestamp is at most 2^63 - 1");
        }
        if (signature == null || signature.length != 64) {
            throw new IllegalArgumentException("an Ed25519 signature has 64 bytes");
        }
        keyId = keyId.clone();
        signature = signature.clone();
    }

    /** The bytes a cosigner signs: the cosignature/v1 header, the time line, then the checkpoint body. */
    public static byte[] message(String checkpointBody, long timestamp) {
        Objects.requireNonNull(checkpointBody, "a cosignature covers a checkpoint body");
        if (timestamp < 0) {
            throw new IllegalArgumentException("a cosignature's timestamp is at most 2^63 - 1");
        }
        return (HEADER + "time " + timestamp + "\n" + checkpointBody).getBytes(StandardCharsets.UTF_8);
    }

    /** Cosigns {@code checkpointBody} (a note's text, final newline included) at {@code timestamp}. */
    public static Cosignature sign(String checkpointBody, CosignerKey key, PrivateKey privateKey, long timestamp) {
        requireBody(checkpointBody);
        var signature = Ed25519.sign(privateKey, message(checkpointBody, timestamp));
        return new Cosignature(key.name(), key.keyId(), timestamp, signature);
    }

    public static Cosignature sign(String checkpointBody, CosignerKey key, PrivateKey privateKey, Instant time) {
        return sign(checkpointBody, key, privateKey, time.getEpochSecond());
    }

    /** Whether {@code key} (matched by name and key id) made this cosignature over {@code checkpointBody}. */
    public boolean verifies(CosignerKey key, String checkpointBody) {
        return key.name().equals(name)
                && MessageDigest.isEqual(key.keyId(), keyId)
                && checkpointBody != null
                && Ed25519.verify(key.key(), message(checkpointBody, timestamp), signature);
    }

    /**
     * Whether {@code note} carries a cosignature of {@code key} over its text. As for the server's own
     * key ({@link SignedNote#verifiedBy}), a line of that key that does not verify makes the note
     * unverified; lines of other keys are ignored, as C2SP signed-note requires.
     */
    public static boolean verifiedBy(SignedNote note, CosignerKey key) {
        var lines = linesOf(note, key);
        return !lines.isEmpty() && lines.stream().allMatch(c -> c != null && c.verifies(key, note.text()));
    }

    /** The verified cosignature of {@code key} in {@code note}, if it carries one and nothing false. */
    public static Optional<Cosignature> in(SignedNote note, CosignerKey key) {
        return verifiedBy(note, key) ? Optional.of(linesOf(note, key).get(0)) : Optional.empty();
    }

    private static List<Cosignature> linesOf(SignedNote note, CosignerKey key) {
        byte[] id = key.keyId();
        return note.signatures().stream()
                .filter(s -> s.name().equals(key.name()) && MessageDigest.isEqual(s.keyId(), id))
                .map(s -> s.signature().length == 8 + 64 ? from(s) : null)
                .toList();
    }

    /** A note signature line read as a cosignature: its bytes after the key id are timestamp and signature. */
    public static Cosignature from(SignedNote.Signature line) {
        byte[] rest = line.signature();
        if (rest.length != 8 + 64) {
            throw new IllegalArgumentException(
                    "a cosignature holds a key id, an 8-byte timestamp and a 64-byte signature");
        }
        long timestamp = ByteBuffer.wrap(rest, 0, 8).getLong();
        if (timestamp < 0) {
            throw new IllegalArgumentException("a cosignature's timestamp is at most 2^63 - 1");
        }
        return new Cosignature(line.name(), line.keyId(), timestamp, Arrays.copyOfRange(rest, 8, rest.length));
    }

    /** Decodes the base64 half of a line: key id, timestamp and signature, {@value #ENCODED_BYTES} bytes. */
    public static Cosignature decode(String name, String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a cosignature is base64");
        }
        if (raw.length != ENCODED_BYTES) {
            throw new IllegalArgumentException("a cosignature holds a 4-byte key id, an 8-byte timestamp and a"
                    + " 64-byte Ed25519 signature (" + ENCODED_BYTES + " bytes), not " + raw.length);
        }
        return from(new SignedNote.Signature(name, Arrays.copyOf(raw, 4), Arrays.copyOfRange(raw, 4, raw.length)));
    }

    /** Parses one signature line, {@code — <name> <base64>}, with or without its final newline. */
    public static Cosignature parseLine(String line) {
        var text = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        if (!text.startsWith(DASH)) {
            throw new IllegalArgumentException("a signature line starts with an em dash and a space");
        }
        var fields = text.substring(DASH.length()).split(" ", -1);
        if (fields.length != 2) {
            throw new IllegalArgumentException("a signature line is: — name signature");
        }
        return decode(fields[0], fields[1]);
    }

    /** The base64 of key id, timestamp and signature. */
    public String base64() {
        return Base64.getEncoder().encodeToString(encodedBytes());
    }

    /** The signature line, final newline included. */
    public String line() {
        return toSignature().line();
    }

    /** As a signed-note signature line, to add to a note with {@link SignedNote#with}. */
    public SignedNote.Signature toSignature() {
        return new SignedNote.Signature(name, keyId, Arrays.copyOfRange(encodedBytes(), 4, ENCODED_BYTES));
    }

    public Instant time() {
        return Instant.ofEpochSecond(timestamp);
    }

    public String keyIdHex() {
        return HexFormat.of().formatHex(keyId);
    }

    private byte[] encodedBytes() {
        return ByteBuffer.allocate(ENCODED_BYTES)
                .put(keyId)
                .putLong(timestamp)
                .put(signature)
                .array();
    }

    @Override
    public byte[] keyId() {
        return keyId.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cosignature that
                && name.equals(that.name)
                && Arrays.equals(keyId, that.keyId)
                && timestamp == that.timestamp
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(keyId), timestamp, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return line().strip();
    }

    private static void requireBody(String body) {
        // the same rules as a note's text: a cosignature covers a whole checkpoint body
        new SignedNote(body, List.of());
    }
}

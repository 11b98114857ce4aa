package org.clearroom.audit;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 note verifier key in the C2SP signed-note {@code vkey} form:
 * {@code <name>+<hex key id>+<base64(0x01 || 32-byte public key)>}, where the key id is the first four
 * bytes of SHA-256(name || "\n" || 0x01 || public key).
 */
public record VerifierKey(String name, byte[] publicKey) {

    static final byte ED25519 = 0x01;

    public VerifierKey {
        requireValidName(name);
        if (publicKey == null || publicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 key has 32 bytes");
        }
        publicKey = publicKey.clone();
    }

    public static VerifierKey of(String name, PublicKey key) {
        return new VerifierKey(name, Ed25519.rawPublic(key));
    }

    /** Parses the vkey form, checking that the key id matches the name and key. */
    public static VerifierKey parse(String vkey) {
        var parts = vkey.strip().split("\\+", 3); // base64 may hold + too
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key has the form name+keyid+key");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the verifier key is not valid base64");
        }
        if (key.length != 33 || key[0] != ED25519) {
            throw new IllegalArgumentException("only Ed25519 verifier keys (algorithm 1) are supported");
        }
        var parsed = new VerifierKey(parts[0], Arrays.copyOfRange(key, 1, 33));
        if (!HexFormat.of().formatHex(parsed.keyId()).equals(parts[1].toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("the verifier key's id does not match its name and key");
        }
        return parsed;
    }

    public byte[] keyId() {
        return keyId(name, ED25519, publicKey);
    }

    /** A C2SP key id: the first four bytes of SHA-256(name || "\n" || algorithm || public key). */
    static byte[] keyId(String name, byte algorithm, byte[] publicKey) {
        var digest = MerkleTree.sha256();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(algorithm);
        digest.update(publicKey);
        return Arrays.copyOf(digest.digest(), 4);
    }

    /** The vkey text of a key: {@code name+hex(key id)+base64(algorithm || public key)}. */
    static String encode(String name, byte algorithm, byte[] publicKey) {
        return name + "+" + HexFormat.of().formatHex(keyId(name, algorithm, publicKey)) + "+"
                + Base64.getEncoder().encodeToString(Ed25519.concat(new byte[] {algorithm}, publicKey));
    }

    public PublicKey key() {
        return Ed25519.publicKey(publicKey);
    }

    /** The vkey text. */
    public String encoded() {
        return encode(name, ED25519, publicKey);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierKey that && name.equals(that.name) && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return encoded();
    }

    static void requireValidName(String name) {
        if (name == null
                || name.isEmpty()
                || name.contains("+")
                || name.codePoints()
                        .anyMatch(c ->
                                Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("a key name is non-empty, without spaces or '+'");
        }
    }
}

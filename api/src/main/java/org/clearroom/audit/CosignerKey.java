package org.clearroom.audit;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A witness's Ed25519 cosigning key (C2SP tlog-cosignature, timestamped Ed25519, signature type 0x04):
 * its vkey is {@code <name>+<hex key id>+<base64(0x04 || 32-byte public key)>} and its key id the first
 * four bytes of SHA-256(name || "\n" || 0x04 || public key). The same public key under the plain
 * Ed25519 note type (0x01) has another key id, so a cosignature line never passes for a log signature.
 */
public record CosignerKey(String name, byte[] publicKey) {

    /** The signed-note signature type of timestamped Ed25519 cosignatures (cosignature/v1). */
    public static final byte ALGORITHM = 0x04;

    public CosignerKey {
        VerifierKey.requireValidName(name);
        if (publicKey == null || publicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 key has 32 bytes");
        }
        publicKey = publicKey.clone();
    }

    public static CosignerKey of(String name, PublicKey key) {
        return new CosignerKey(name, Ed25519.rawPublic(key));
    }

    /**
     * Parses a vkey of type 0x04, checking that its key id matches its name and key. A plain Ed25519
     * note vkey (type 0x01, as Go's {@code note.GenerateKey} prints it) is accepted too, as Go's
     * transparency-dev/formats does: its key id is checked as type 0x01 and the key is then used for
     * cosignatures, under the 0x04 key id.
     */
    public static CosignerKey parse(String vkey) {
        if (vkey == null) {
            throw new IllegalArgumentException("a verifier key has the form name+keyid+key");
        }
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
        if (key.length != 33 || (key[0] != ALGORITHM && key[0] != VerifierKey.ED25519)) {
            throw new IllegalArgumentException(
                    "only Ed25519 cosigner keys (type 4, or a plain Ed25519 note key, type 1) are supported");
        }
        var raw = Arrays.copyOfRange(key, 1, 33);
        byte[] expected =
                key[0] == ALGORITHM ? new CosignerKey(parts[0], raw).keyId() : new VerifierKey(parts[0], raw).keyId();
        if (!HexFormat.of().formatHex(expected).equals(parts[1].toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the verifier key's id does not match its name and key");
        }
        return new CosignerKey(parts[0], raw);
    }

    public byte[] keyId() {
        return VerifierKey.keyId(name, ALGORITHM, publicKey);
    }

    public String keyIdHex() {
        return HexFormat.of().formatHex(keyId());
    }

    public PublicKey key() {
        return Ed25519.publicKey(publicKey);
    }

    /** The vkey text, type 0x04. */
    public String encoded() {
        return VerifierKey.encode(name, ALGORITHM, publicKey);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CosignerKey that && name.equals(that.name) && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return encoded();
    }
}

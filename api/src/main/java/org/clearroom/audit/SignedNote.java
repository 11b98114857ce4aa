package org.clearroom.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note: UTF-8 text ending in a newline, a blank line, then one line per signature,
 * {@code — <key name> <base64(key id || signature)>}. The signature is over the text bytes.
 */
public record SignedNote(String text, List<Signature> signatures) {

    private static final String DASH = "\u2014 ";

    /** One signature line: the signer's key name, its four-byte key id, and the signature bytes. */
    public record Signature(String name, byte[] keyId, byte[] signature) {

        public Signature {
            VerifierKey.requireValidName(name);
            if (keyId == null || keyId.length != 4) {
                throw new IllegalArgumentException("a key id has 4 bytes");
            }
            keyId = keyId.clone();
            signature = signature.clone();
        }

        @Override
        public byte[] keyId() {
            return keyId.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        String line() {
            return DASH + name + " " + Base64.getEncoder().encodeToString(Ed25519.concat(keyId, signature)) + "\n";
        }
    }

    public SignedNote {
        requireText(text);
        signatures = List.copyOf(signatures);
    }

    /** Signs {@code text} with an Ed25519 key known under {@code name}. */
    public static SignedNote sign(String text, String name, PrivateKey key, VerifierKey verifierKey) {
        requireText(text);
        var signature = Ed25519.sign(key, text.getBytes(StandardCharsets.UTF_8));
        return new SignedNote(text, List.of(new Signature(name, verifierKey.keyId(), signature)));
    }

    public SignedNote with(Signature signature) {
        var all = new ArrayList<>(signatures);
        all.add(signature);
        return new SignedNote(text, all);
    }

    /**
     * Whether {@code key} (matched by name and key id) signed the text. A signature line of that key that
     * does not verify makes the whole note unverified, as the C2SP spec advises.
     */
    public boolean verifiedBy(VerifierKey key) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        byte[] id = key.keyId();
        var byKey = signatures.stream()
                .filter(s -> s.name().equals(key.name()) && MessageDigest.isEqual(s.keyId(), id))
                .toList();
        return !byKey.isEmpty() && byKey.stream().allMatch(s -> Ed25519.verify(key.key(), message, s.signature()));
    }

    public String encoded() {
        var out = new StringBuilder(text).append('\n');
        signatures.forEach(s -> out.append(s.line()));
        return out.toString();
    }

    public static SignedNote parse(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("a signed note has its text, a blank line, then signatures");
        }
        if (!note.endsWith("\n")) {
            throw new IllegalArgumentException("a signed note ends with a newline");
        }
        var text = note.substring(0, split + 1);
        var signatures = new ArrayList<Signature>();
        if (split + 2 >= note.length()) {
            throw new IllegalArgumentException("the note carries no signature");
        }
        var lines = note.substring(split + 2, note.length() - 1).split("\n", -1);
        for (var line : lines) {
            if (line.isEmpty()) {
                throw new IllegalArgumentException("signature lines are not empty");
            }
            if (!line.startsWith(DASH)) {
                throw new IllegalArgumentException("a signature line starts with an em dash and a space");
            }
            var fields = line.substring(DASH.length()).split(" ", -1);
            if (fields.length != 2) {
                throw new IllegalArgumentException("a signature line is: — name signature");
            }
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(fields[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a signature is base64");
            }
            if (raw.length < 5) {
                throw new IllegalArgumentException("a signature holds a key id and signature bytes");
            }
            if (fields[0].chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("a key name has no control characters");
            }
            signatures.add(new Signature(fields[0], Arrays.copyOf(raw, 4), Arrays.copyOfRange(raw, 4, raw.length)));
        }
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("the note carries no signature");
        }
        return new SignedNote(text, signatures);
    }

    private static void requireText(String text) {
        if (text == null
                || text.isEmpty()
                || text.startsWith("\n")
                || !text.endsWith("\n")
                || text.contains("\n\n")
                || text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException(
                    "note text is non-empty lines, each ending in a newline, without blank lines or control characters");
        }
    }
}

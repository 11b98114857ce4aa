package org.clearroom.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.clearroom.audit.MerkleTree;

/**
 * Not the product: a sketch of what the verifier's inner loop could cost if it hashed each entry's
 * bytes as they stand in the export instead of parsing them into maps and writing them back out as
 * canonical JSON. The recorded leaf hashes commit to exactly the canonical bytes, so bytes that hash
 * to the signed tree's leaves are those bytes; only an export whose entries were re-serialised on the
 * way (other whitespace, other member order) would need the canonicalising path, as a fallback for
 * the lines that do not match. It reads bytes (no UTF-8 decoding into Strings), finds the entry's
 * extent with a small JSON skipper that knows strings and nesting, and checks index order, leaf hashes
 * and the root. Used only to show how far the current verifier is from what the hashing allows.
 */
final class RawBytesVerifierSketch {

    private static final byte[] INDEX = "{\"index\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] ENTRY = ",\"entry\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] LEAF = ",\"leafHash\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final MessageDigest sha256;
    private final MerkleTree.Builder tree = new MerkleTree.Builder();
    private final byte[] leaf = new byte[32];
    private final byte[] recorded = new byte[32];

    private RawBytesVerifierSketch() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The root of the export's entries, after checking each line's index and leaf hash. */
    static byte[] root(Path export) throws IOException {
        var sketch = new RawBytesVerifierSketch();
        try (InputStream in = Files.newInputStream(export)) {
            byte[] buffer = new byte[1 << 20];
            int filled = 0;
            while (true) {
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n < 0) {
                    if (filled > 0) {
                        sketch.line(buffer, 0, filled);
                    }
                    break;
                }
                filled += n;
                int start = 0;
                for (int i = 0; i < filled; i++) {
                    if (buffer[i] == '\n') {
                        sketch.line(buffer, start, i);
                        start = i + 1;
                    }
                }
                System.arraycopy(buffer, start, buffer, 0, filled - start);
                filled -= start;
                if (filled == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
        }
        return sketch.tree.root();
    }

    private void line(byte[] b, int from, int to) {
        int at = expect(b, from, INDEX);
        long index = 0;
        int digits = at;
        while (at < to && b[at] >= '0' && b[at] <= '9') {
            index = index * 10 + (b[at++] - '0');
        }
        if (at == digits || index != tree.size()) {
            throw new IllegalStateException("entry " + tree.size() + " missing or out of order");
        }
        int entryStart = expect(b, at, ENTRY);
        int entryEnd = skipValue(b, entryStart, to);
        at = expect(b, entryEnd, LEAF);
        int quote = at;
        while (quote < to && b[quote] != '"') {
            quote++;
        }
        if (quote + 2 != to || b[quote + 1] != '}') {
            throw new IllegalStateException("line " + index + " does not end as an export line");
        }
        sha256.update((byte) 0);
        sha256.update(b, entryStart, entryEnd - entryStart);
        try {
            sha256.digest(leaf, 0, 32);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
        var decoded = Base64.getDecoder().decode(Arrays.copyOfRange(b, at, quote));
        System.arraycopy(decoded, 0, recorded, 0, Math.min(32, decoded.length));
        if (decoded.length != 32 || !MessageDigest.isEqual(leaf, recorded)) {
            throw new IllegalStateException("entry " + index + " does not match its leaf hash");
        }
        tree.append(leaf);
    }

    private static int expect(byte[] b, int at, byte[] what) {
        if (at + what.length > b.length || !Arrays.equals(b, at, at + what.length, what, 0, what.length)) {
            throw new IllegalStateException("unexpected text at byte " + at);
        }
        return at + what.length;
    }

    /** The end of the JSON value starting at {@code at}: strings (with escapes) and nesting. */
    private static int skipValue(byte[] b, int at, int to) {
        int depth = 0;
        boolean inString = false;
        for (int i = at; i < to; i++) {
            byte c = b[i];
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        throw new IllegalStateException("unterminated entry");
    }
}

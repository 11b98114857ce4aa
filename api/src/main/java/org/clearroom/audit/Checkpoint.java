package org.clearroom.audit;

import java.util.Base64;
import java.util.List;

/**
 * A C2SP {@code tlog-checkpoint} body: the log's origin, the tree size and the root hash, each on a
 * line, then optional extension lines. Signed as a {@link SignedNote}.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        if (origin == null || origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint names its origin on one line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is not negative");
        }
        if (rootHash == null || rootHash.length != MerkleTree.HASH_BYTES) {
            throw new IllegalArgumentException("a root hash has 32 bytes");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        for (var line : extensions) {
            if (line.isEmpty() || line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("extension lines are non-empty single lines");
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that
                && origin.equals(that.origin)
                && size == that.size
                && java.util.Arrays.equals(rootHash, that.rootHash)
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(origin, size, java.util.Arrays.hashCode(rootHash), extensions);
    }

    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    public String body() {
        var out = new StringBuilder()
                .append(origin)
                .append('\n')
                .append(size)
                .append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash))
                .append('\n');
        extensions.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    public static Checkpoint parse(String body) {
        var lines = body.split("\n", -1);
        if (lines.length < 4 || !body.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint has an origin, a size and a root hash line");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the checkpoint's second line is not a tree size");
        }
        if (!lines[1].equals(Long.toString(size))) {
            throw new IllegalArgumentException("the tree size has no leading zeros or signs");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the checkpoint's root hash is not base64");
        }
        if (!Base64.getEncoder().encodeToString(root).equals(lines[2])) {
            throw new IllegalArgumentException("the checkpoint's root hash is not canonical (padded) base64");
        }
        return new Checkpoint(lines[0], size, root, List.of(lines).subList(3, lines.length - 1));
    }
}

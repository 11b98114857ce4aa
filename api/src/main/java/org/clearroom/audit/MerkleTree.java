package org.clearroom.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Merkle tree hashing and proofs exactly as RFC 9162 section 2.1 (the same as RFC 6962): leaf hash
 * SHA-256(0x00 || leaf), interior node SHA-256(0x01 || left || right), a tree of n leaves split at
 * the largest power of two smaller than n, and the empty tree's hash SHA-256 of nothing.
 *
 * <p>Proof generation works on a list of leaf hashes and is meant for verifiers and tests (the server
 * stores subtree hashes instead); verification works on proofs alone. Pure JDK.
 */
public final class MerkleTree {

    public static final int HASH_BYTES = 32;

    private MerkleTree() {}

    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    public static byte[] leafHash(byte[] leaf) {
        var digest = sha256();
        digest.update((byte) 0x00);
        digest.update(leaf);
        return digest.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        var digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** The largest power of two smaller than {@code n} (n at least 2). */
    public static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** MTH of the leaves whose hashes are given. */
    public static byte[] root(List<byte[]> leafHashes) {
        return leafHashes.isEmpty() ? emptyRoot() : subtree(leafHashes, 0, leafHashes.size());
    }

    private static byte[] subtree(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = (int) split(n);
        return nodeHash(subtree(leaves, from, from + k), subtree(leaves, from + k, to));
    }

    /** PATH(index, D[n]) of RFC 9162 section 2.1.3.1, for the first {@code size} leaves. */
    public static List<byte[]> inclusionProof(List<byte[]> leafHashes, int index, int size) {
        if (size > leafHashes.size() || index < 0 || index >= size) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of " + size);
        }
        var proof = new ArrayList<byte[]>();
        path(leafHashes, index, 0, size, proof);
        return proof;
    }

    private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> proof) {
        int n = to - from;
        if (n <= 1) {
            return;
        }
        int k = (int) split(n);
        if (m < k) {
            path(leaves, m, from, from + k, proof);
            proof.add(subtree(leaves, from + k, to));
        } else {
            path(leaves, m - k, from + k, to, proof);
            proof.add(subtree(leaves, from, from + k));
        }
    }

    /** PROOF(m, D[n]) of RFC 9162 section 2.1.4.1. */
    public static List<byte[]> consistencyProof(List<byte[]> leafHashes, int first, int second) {
        if (second > leafHashes.size() || first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        var proof = new ArrayList<byte[]>();
        if (first > 0 && first < second) {
            subproof(leafHashes, first, 0, second, true, proof);
        }
        return proof;
    }

    private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean complete, List<byte[]> proof) {
        int n = to - from;
        if (m == n) {
            if (!complete) {
                proof.add(subtree(leaves, from, to));
            }
            return;
        }
        int k = (int) split(n);
        if (m <= k) {
            subproof(leaves, m, from, from + k, complete, proof);
            proof.add(subtree(leaves, from + k, to));
        } else {
            subproof(leaves, m - k, from + k, to, false, proof);
            proof.add(subtree(leaves, from, from + k));
        }
    }

    /** RFC 9162 section 2.1.3.2: does {@code proof} place {@code leafHash} at {@code index} under {@code root}? */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || leafHash == null || root == null || !wellFormed(proof)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /** RFC 9162 section 2.1.4.2: is the tree of {@code second} leaves an append-only extension of {@code first}? */
    public static boolean verifyConsistency(
            long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 0 || second < first || firstRoot == null || secondRoot == null || !wellFormed(proof)) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            // every tree extends the empty one; there is nothing to prove
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, emptyRoot());
        }
        if (proof.isEmpty()) {
            return false;
        }
        var path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    private static boolean wellFormed(List<byte[]> proof) {
        return proof != null && proof.stream().allMatch(h -> h != null && h.length == HASH_BYTES);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Computes the root of a growing tree in O(log n) memory: leaves are appended one by one (a
     * verifier streams millions of entries this way) and {@link #root()} answers for the leaves so far.
     */
    public static final class Builder {

        // perfect subtrees, largest (leftmost) first; their sizes are the set bits of count
        private final List<byte[]> stack = new ArrayList<>();
        private long count;

        public void append(byte[] leafHash) {
            byte[] hash = Arrays.copyOf(leafHash, leafHash.length);
            // merge while the newest two subtrees have equal size: one per trailing one-bit of count
            for (long c = count; (c & 1) == 1; c >>= 1) {
                hash = nodeHash(stack.remove(stack.size() - 1), hash);
            }
            stack.add(hash);
            count++;
        }

        public long size() {
            return count;
        }

        public byte[] root() {
            if (stack.isEmpty()) {
                return emptyRoot();
            }
            byte[] hash = stack.get(stack.size() - 1);
            for (int i = stack.size() - 2; i >= 0; i--) {
                hash = nodeHash(stack.get(i), hash);
            }
            return hash;
        }
    }
}

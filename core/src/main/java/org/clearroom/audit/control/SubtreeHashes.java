package org.clearroom.audit.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clearroom.audit.MerkleTree;

/**
 * Roots and proofs of RFC 9162 computed from stored perfect subtrees instead of leaves. Every range
 * the RFC's recursion needs splits into O(log n) perfect subtrees (level L, index i covers leaves
 * [i * 2^L, (i + 1) * 2^L)); {@link #plan} lists them so that they are fetched in one query, then the
 * same recursion runs over the fetched hashes. Nothing here depends on the tree's total size.
 */
public final class SubtreeHashes {

    /** A perfect subtree's position. */
    public record Node(int level, long index) {}

    private final Map<Node, byte[]> known;
    private final Set<Node> wanted;

    private SubtreeHashes(Map<Node, byte[]> known, Set<Node> wanted) {
        this.known = known;
        this.wanted = wanted;
    }

    /** The nodes that {@code work} will read, found by running it without hashes. */
    public static Set<Node> plan(java.util.function.Consumer<SubtreeHashes> work) {
        var planner = new SubtreeHashes(null, new LinkedHashSet<>());
        work.accept(planner);
        return planner.wanted;
    }

    public static SubtreeHashes over(Map<Node, byte[]> fetched) {
        return new SubtreeHashes(new HashMap<>(fetched), null);
    }

    private byte[] node(int level, long index) {
        var node = new Node(level, index);
        if (known == null) {
            wanted.add(node);
            return new byte[MerkleTree.HASH_BYTES];
        }
        var hash = known.get(node);
        if (hash == null) {
            throw new IllegalStateException("subtree " + node + " is not stored");
        }
        return hash;
    }

    /** MTH(D[from:to]). */
    public byte[] range(long from, long to) {
        long n = to - from;
        if (n == 0) {
            return MerkleTree.emptyRoot();
        }
        if (Long.bitCount(n) == 1 && from % n == 0) {
            return node(Long.numberOfTrailingZeros(n), from / n);
        }
        long k = MerkleTree.split(n);
        return MerkleTree.nodeHash(range(from, from + k), range(from + k, to));
    }

    public byte[] root(long size) {
        return range(0, size);
    }

    public byte[] leaf(long index) {
        return node(0, index);
    }

    /** PATH(index, D[size]). */
    public List<byte[]> inclusionProof(long index, long size) {
        var proof = new ArrayList<byte[]>();
        path(index, 0, size, proof);
        return proof;
    }

    private void path(long m, long from, long to, List<byte[]> proof) {
        long n = to - from;
        if (n <= 1) {
            return;
        }
        long k = MerkleTree.split(n);
        if (m < k) {
            path(m, from, from + k, proof);
            proof.add(range(from + k, to));
        } else {
            path(m - k, from + k, to, proof);
            proof.add(range(from, from + k));
        }
    }

    /** PROOF(first, D[second]). */
    public List<byte[]> consistencyProof(long first, long second) {
        var proof = new ArrayList<byte[]>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private void subproof(long m, long from, long to, boolean complete, List<byte[]> proof) {
        long n = to - from;
        if (m == n) {
            if (!complete) {
                proof.add(range(from, to));
            }
            return;
        }
        long k = MerkleTree.split(n);
        if (m <= k) {
            subproof(m, from, from + k, complete, proof);
            proof.add(range(from + k, to));
        } else {
            subproof(m - k, from + k, to, false, proof);
            proof.add(range(from, from + k));
        }
    }
}

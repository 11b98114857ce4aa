package org.clearroom.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.clearroom.audit.MerkleTree;
import org.junit.jupiter.api.Test;

/** Stored-subtree proofs are byte for byte the proofs of the reference recursion over all leaves. */
class SubtreeHashesTest {

    private static List<byte[]> leaves(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> MerkleTree.leafHash(new byte[] {(byte) i, 1}))
                .toList();
    }

    /** Every perfect subtree of the first n leaves, as the sequencer stores them. */
    private static Map<SubtreeHashes.Node, byte[]> stored(List<byte[]> leaves) {
        var nodes = new HashMap<SubtreeHashes.Node, byte[]>();
        var level = new ArrayList<>(leaves);
        for (int l = 0; !level.isEmpty(); l++) {
            var next = new ArrayList<byte[]>();
            for (int i = 0; i < level.size(); i++) {
                nodes.put(new SubtreeHashes.Node(l, i), level.get(i));
                if (i % 2 == 1) {
                    next.add(MerkleTree.nodeHash(level.get(i - 1), level.get(i)));
                }
            }
            level = next;
        }
        return nodes;
    }

    @Test
    void rootsAndProofsEqualTheReferenceForEverySizeUpTo64() {
        var all = leaves(64);
        for (int n = 1; n <= 64; n++) {
            var leaves = all.subList(0, n);
            var hashes = SubtreeHashes.over(stored(leaves));
            assertThat(hashes.root(n)).isEqualTo(MerkleTree.root(leaves));
            for (int i = 0; i < n; i++) {
                assertThat(hashes.inclusionProof(i, n))
                        .usingElementComparator(java.util.Arrays::compare)
                        .containsExactlyElementsOf(MerkleTree.inclusionProof(leaves, i, n));
            }
            for (int m = 1; m <= n; m++) {
                assertThat(hashes.consistencyProof(m, n))
                        .usingElementComparator(java.util.Arrays::compare)
                        .containsExactlyElementsOf(MerkleTree.consistencyProof(leaves, m, n));
            }
        }
    }

    @Test
    void aPlanNamesOnlyLogarithmicallyManyStoredNodes() {
        long size = 10_000_000L;
        var planned = SubtreeHashes.plan(h -> h.inclusionProof(1_234_567, size));
        assertThat(planned.size()).isLessThanOrEqualTo(2 * 64);
        var consistency = SubtreeHashes.plan(h -> h.consistencyProof(7_654_321, size));
        assertThat(consistency.size()).isLessThanOrEqualTo(2 * 64);
        assertThat(SubtreeHashes.plan(h -> h.root(size))).hasSize(Long.bitCount(size));
    }
}

package org.clearroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * RFC 9162 section 2.1 against the Certificate Transparency test vectors (the eight reference leaves,
 * their roots, and published inclusion and consistency proofs, as in transparency-dev/merkle's
 * testonly data), and against properties over every tree size from 1 to 64.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final List<byte[]> REFERENCE_LEAVES = List.of(
                    "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")
            .stream()
            .map(HEX::parseHex)
            .map(MerkleTree::leafHash)
            .toList();

    private static final List<String> REFERENCE_ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    private static List<byte[]> unhex(String... hashes) {
        return List.of(hashes).stream().map(HEX::parseHex).toList();
    }

    private static List<byte[]> leaves(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i * 7), 42}))
                .toList();
    }

    @Test
    void rootsMatchTheReferenceForEverySizeUpToEight() {
        for (int n = 0; n <= 8; n++) {
            assertThat(HEX.formatHex(MerkleTree.root(REFERENCE_LEAVES.subList(0, n))))
                    .as("size %d", n)
                    .isEqualTo(REFERENCE_ROOTS.get(n));
        }
    }

    @Test
    void inclusionProofsMatchThePublishedVectors() {
        assertThat(hex(MerkleTree.inclusionProof(REFERENCE_LEAVES, 0, 8)))
                .containsExactly(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleTree.inclusionProof(REFERENCE_LEAVES, 5, 8)))
                .containsExactly(
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(MerkleTree.inclusionProof(REFERENCE_LEAVES, 0, 1)).isEmpty();
    }

    @Test
    void consistencyProofsMatchThePublishedVectors() {
        assertThat(MerkleTree.consistencyProof(REFERENCE_LEAVES, 1, 1)).isEmpty();
        assertThat(hex(MerkleTree.consistencyProof(REFERENCE_LEAVES, 1, 8)))
                .containsExactly(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleTree.consistencyProof(REFERENCE_LEAVES, 6, 8)))
                .containsExactly(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(MerkleTree.consistencyProof(REFERENCE_LEAVES, 2, 5)))
                .containsExactly(
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(MerkleTree.verifyConsistency(
                        6,
                        8,
                        HEX.parseHex(REFERENCE_ROOTS.get(6)),
                        HEX.parseHex(REFERENCE_ROOTS.get(8)),
                        unhex(
                                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")))
                .isTrue();
    }

    @Test
    void everyInclusionProofOfEveryLeafOfEveryTreeUpTo64Verifies() {
        var all = leaves(64);
        for (int n = 1; n <= 64; n++) {
            var root = MerkleTree.root(all.subList(0, n));
            for (int i = 0; i < n; i++) {
                var proof = MerkleTree.inclusionProof(all, i, n);
                assertThat(MerkleTree.verifyInclusion(i, n, all.get(i), proof, root))
                        .as("leaf %d of %d", i, n)
                        .isTrue();
            }
        }
    }

    @Test
    void everyConsistencyProofBetweenEveryPairOfSizesUpTo64Verifies() {
        var all = leaves(64);
        for (int n = 1; n <= 64; n++) {
            var second = MerkleTree.root(all.subList(0, n));
            for (int m = 1; m <= n; m++) {
                var first = MerkleTree.root(all.subList(0, m));
                var proof = MerkleTree.consistencyProof(all, m, n);
                assertThat(MerkleTree.verifyConsistency(m, n, first, second, proof))
                        .as("%d to %d", m, n)
                        .isTrue();
            }
        }
    }

    @Test
    void aFlippedBitInAnyProofHashOrLeafFailsInclusion() {
        var all = leaves(64);
        for (int n : new int[] {2, 3, 7, 8, 13, 33, 64}) {
            var root = MerkleTree.root(all.subList(0, n));
            for (int i = 0; i < n; i++) {
                var proof = MerkleTree.inclusionProof(all, i, n);
                for (int p = 0; p < proof.size(); p++) {
                    for (int bit : new int[] {0, 100, 255}) {
                        var tampered = new ArrayList<>(proof);
                        tampered.set(p, flip(proof.get(p), bit));
                        assertThat(MerkleTree.verifyInclusion(i, n, all.get(i), tampered, root))
                                .isFalse();
                    }
                }
                assertThat(MerkleTree.verifyInclusion(i, n, flip(all.get(i), 7), proof, root))
                        .isFalse();
                assertThat(MerkleTree.verifyInclusion(i, n, all.get(i), proof, flip(root, 200)))
                        .isFalse();
                if (n > 1) {
                    assertThat(MerkleTree.verifyInclusion((i + 1) % n, n, all.get(i), proof, root))
                            .as("another index")
                            .isFalse();
                }
                // (the size is not checked here: it comes with the root, from the signed checkpoint, and
                // RFC 9162's algorithm accepts some proofs for neighbouring sizes by design)
            }
        }
    }

    @Test
    void aFlippedBitInAnyConsistencyProofHashOrRootFails() {
        var all = leaves(40);
        for (int n = 2; n <= 40; n += 3) {
            var second = MerkleTree.root(all.subList(0, n));
            for (int m = 1; m < n; m++) {
                var first = MerkleTree.root(all.subList(0, m));
                var proof = MerkleTree.consistencyProof(all, m, n);
                for (int p = 0; p < proof.size(); p++) {
                    var tampered = new ArrayList<>(proof);
                    tampered.set(p, flip(proof.get(p), 31));
                    assertThat(MerkleTree.verifyConsistency(m, n, first, second, tampered))
                            .as("%d to %d, hash %d", m, n, p)
                            .isFalse();
                }
                assertThat(MerkleTree.verifyConsistency(m, n, flip(first, 3), second, proof))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, first, flip(second, 3), proof))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, first, second, proof.subList(0, proof.size() - 1)))
                        .as("a shortened proof")
                        .isFalse();
            }
        }
    }

    @Test
    void aTreeThatChangedAnOldLeafIsNotConsistent() {
        var all = leaves(20);
        var rewritten = new ArrayList<>(all);
        rewritten.set(3, MerkleTree.leafHash(new byte[] {9, 9, 9}));
        var proof = MerkleTree.consistencyProof(rewritten, 10, 20);
        assertThat(MerkleTree.verifyConsistency(
                        10, 20, MerkleTree.root(all.subList(0, 10)), MerkleTree.root(rewritten), proof))
                .isFalse();
    }

    @Test
    void theStreamingBuilderAgreesWithTheRecursiveRootAtEverySize() {
        var all = leaves(64);
        var builder = new MerkleTree.Builder();
        assertThat(builder.root()).isEqualTo(MerkleTree.emptyRoot());
        for (int n = 1; n <= 64; n++) {
            builder.append(all.get(n - 1));
            assertThat(builder.size()).isEqualTo(n);
            assertThat(builder.root()).as("size %d", n).isEqualTo(MerkleTree.root(all.subList(0, n)));
        }
    }

    @Test
    void theSplitIsTheLargestPowerOfTwoBelowN() {
        assertThat(MerkleTree.split(2)).isEqualTo(1);
        assertThat(MerkleTree.split(3)).isEqualTo(2);
        assertThat(MerkleTree.split(4)).isEqualTo(2);
        assertThat(MerkleTree.split(5)).isEqualTo(4);
        assertThat(MerkleTree.split(9)).isEqualTo(8);
        assertThat(MerkleTree.split(1L << 40)).isEqualTo(1L << 39);
    }

    private static byte[] flip(byte[] hash, int bit) {
        var copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}

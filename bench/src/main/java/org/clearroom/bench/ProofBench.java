package org.clearroom.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.clearroom.audit.Checkpoint;
import org.clearroom.audit.MerkleTree;
import org.clearroom.audit.control.LedgerStore;
import org.clearroom.audit.control.SubtreeHashes;

/**
 * 4. Proof latency. Fills ledger_node with every perfect subtree of a tree of n leaves in SQL (leaf i
 * is the 8-byte big-endian i, so level 0 holds SHA-256(0x00 || int8send(i)); each level above hashes
 * pairs of the one below: a real RFC 9162 tree, built without sequencing n entries), stores a signed
 * checkpoint over its root, then times the server's path for random proofs on one JDBC connection:
 * what Ledger.inclusionProof / consistencyProof do (the checkpointed size query, plan the subtrees,
 * fetch them in one query, compute), with every proof then checked against the root (not timed).
 */
final class ProofBench {

    private final BenchDatabase db;
    private final Results results;
    private final long[] sizes;
    private final int proofs;
    private final int warmup;

    ProofBench(BenchDatabase db, Results results, long[] sizes, int proofs, int warmup) {
        this.db = db;
        this.results = results;
        this.sizes = sizes;
        this.proofs = proofs;
        this.warmup = warmup;
    }

    void run() throws Exception {
        System.out.printf(
                "%n== 4. proofs: %,d random proofs of each kind per size after %,d warm-up ones%n", proofs, warmup);
        for (long size : sizes) {
            var url = db.fresh("proofs");
            try (var connection = db.connect(url)) {
                var key = new BenchKey();
                long t = System.nanoTime();
                byte[] root = populate(connection, size, key);
                System.out.printf(
                        "   %,d leaves: stored %,d subtrees in %.1f s (%s of table and index)%n",
                        size, 2 * size - Long.bitCount(size), (System.nanoTime() - t) / 1e9, tableSize(connection));
                measure(connection, size, root);
            } finally {
                db.drop(url);
            }
        }
    }

    private static byte[] populate(Connection connection, long size, BenchKey key) throws SQLException {
        connection.setAutoCommit(true);
        try (var statement = connection.createStatement()) {
            // unlogged while loading: it changes nothing for the reads timed below, and saves writing ~2 GB of WAL
            statement.execute("alter table ledger_node set unlogged");
            statement.execute("insert into ledger_node (level, idx, hash) select 0, i,"
                    + " sha256('\\x00'::bytea || int8send(i)) from generate_series(0::bigint, " + (size - 1) + ") i");
            for (int level = 1; (size >> level) > 0; level++) {
                statement.execute("insert into ledger_node (level, idx, hash) select " + level
                        + ", idx / 2, sha256('\\x01'::bytea || hash || next) from (select idx, hash,"
                        + " lead(hash) over (order by idx) as next from ledger_node where level = " + (level - 1)
                        + ") s where idx % 2 = 0 and next is not null");
            }
            statement.execute("vacuum analyze ledger_node");
        }
        // the root from stored subtrees, checked against the RFC's definition on the first leaves
        var nodes = SubtreeHashes.plan(h -> h.root(size));
        byte[] root = SubtreeHashes.over(LedgerStore.fetch(connection, nodes)).root(size);
        try (var insert = connection.prepareStatement(
                "insert into ledger_checkpoint (tree_size, root_hash, note, signed_at) values (?, ?, ?, ?)")) {
            insert.setLong(1, size);
            insert.setBytes(2, root);
            insert.setString(
                    3, key.sign(new Checkpoint(BenchKey.ORIGIN, size, root)).encoded());
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        checkSmallTree(connection);
        return root;
    }

    /** The stored level-1.. hashes of the first 1,000 leaves agree with MerkleTree computed in Java. */
    private static void checkSmallTree(Connection connection) throws SQLException {
        int n = 1000;
        var leaves = new java.util.ArrayList<byte[]>();
        for (long i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(
                    java.nio.ByteBuffer.allocate(8).putLong(i).array()));
        }
        var nodes = SubtreeHashes.plan(h -> h.root(n));
        byte[] stored = SubtreeHashes.over(LedgerStore.fetch(connection, nodes)).root(n);
        if (!java.util.Arrays.equals(stored, MerkleTree.root(leaves))) {
            throw new IllegalStateException("the SQL-built tree is not the RFC 9162 tree of its leaves");
        }
    }

    private static String tableSize(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("select pg_size_pretty(pg_total_relation_size('ledger_node'))")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void measure(Connection connection, long size, byte[] root) throws SQLException {
        var random = new SplittableRandom(size);
        var inclusion = new Histogram(60_000_000L, 3); // microseconds
        var consistency = new Histogram(60_000_000L, 3);
        long nodesFetched = 0;
        for (int i = 0; i < warmup + proofs; i++) {
            boolean measured = i >= warmup;
            long index = random.nextLong(size);
            long start = System.nanoTime();
            var proof = inclusionProof(connection, index, size);
            long took = (System.nanoTime() - start) / 1000;
            if (!MerkleTree.verifyInclusion(index, size, proof.leaf(), proof.hashes(), root)) {
                throw new IllegalStateException("inclusion proof of " + index + " does not verify");
            }
            long from = 1 + random.nextLong(size - 1);
            long start2 = System.nanoTime();
            var hashes = consistencyProof(connection, from, size);
            long took2 = (System.nanoTime() - start2) / 1000;
            var fromRoot = fromRoot(connection, from);
            if (!MerkleTree.verifyConsistency(from, size, fromRoot, root, hashes)) {
                throw new IllegalStateException("consistency proof from " + from + " does not verify");
            }
            if (measured) {
                inclusion.recordValue(took);
                consistency.recordValue(took2);
                nodesFetched += proof.hashes().size() + 1;
            }
        }
        report(size, "inclusion", inclusion);
        report(size, "consistency", consistency);
        System.out.printf(
                "     (an inclusion proof fetches %.1f stored subtrees on average)%n", nodesFetched / (double) proofs);
    }

    private void report(long size, String kind, Histogram histogram) {
        double p50 = histogram.getValueAtPercentile(50) / 1000.0;
        double p99 = histogram.getValueAtPercentile(99) / 1000.0;
        double max = histogram.getMaxValue() / 1000.0;
        System.out.printf(
                Locale.ROOT,
                "   %,d leaves, %s proof: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                size,
                kind,
                p50,
                p99,
                max);
        var label = String.format(Locale.ROOT, "%s proof at %,d leaves", kind, size);
        var name = "4. proofs";
        results.add(name, label + ": p50", Results.ms(p50), "≤ 5 ms", p50 <= 5);
        results.add(name, label + ": p99", Results.ms(p99), "≤ 5 ms", p99 <= 5);
        results.info(name, label + ": max", Results.ms(max));
    }

    private record Inclusion(byte[] leaf, List<byte[]> hashes) {}

    /** As Ledger.inclusionProof does it, on a bare connection. */
    private static Inclusion inclusionProof(Connection connection, long index, long treeSize) throws SQLException {
        long size = LedgerStore.checkpointedSize(connection);
        if (treeSize < 1 || treeSize > size || index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("out of range");
        }
        var nodes = SubtreeHashes.plan(h -> {
            h.leaf(index);
            h.inclusionProof(index, treeSize);
        });
        var hashes = SubtreeHashes.over(LedgerStore.fetch(connection, nodes));
        return new Inclusion(hashes.leaf(index), hashes.inclusionProof(index, treeSize));
    }

    /** As Ledger.consistencyProof does it, on a bare connection. */
    private static List<byte[]> consistencyProof(Connection connection, long from, long to) throws SQLException {
        long size = LedgerStore.checkpointedSize(connection);
        if (to < 1 || to > size || from < 1 || from > to) {
            throw new IllegalArgumentException("out of range");
        }
        var nodes = SubtreeHashes.plan(h -> h.consistencyProof(from, to));
        return SubtreeHashes.over(LedgerStore.fetch(connection, nodes)).consistencyProof(from, to);
    }

    private static byte[] fromRoot(Connection connection, long size) throws SQLException {
        var nodes = SubtreeHashes.plan(h -> h.root(size));
        return SubtreeHashes.over(LedgerStore.fetch(connection, nodes)).root(size);
    }
}

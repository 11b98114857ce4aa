package org.clearroom.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clearroom.audit.Checkpoint;
import org.clearroom.audit.MerkleTree;
import org.clearroom.audit.SignedNote;
import org.clearroom.audit.control.LedgerStore;

/**
 * 1. Sequencing throughput. The same pre-built rows go (a) into a plain table of audit_entry's shape
 * and (b) into audit_entry (whose trigger queues each row for the sequencer), in committed batches of
 * the same size, then LedgerStore.sequence numbers (b) in batches of the server's default size until
 * nothing waits. Then again with 2 writer threads and the sequencer running concurrently. Rounds
 * alternate the order of plain and ledger phases; round 0 is a smaller warm-up, not reported.
 */
final class SequencingBench {

    private final BenchDatabase db;
    private final Results results;
    private final int entries;
    private final int rounds;
    private final int insertBatch;
    private final int sequenceBatch;

    SequencingBench(BenchDatabase db, Results results, int entries, int rounds, int insertBatch, int sequenceBatch) {
        this.db = db;
        this.results = results;
        this.entries = entries;
        this.rounds = rounds;
        this.insertBatch = insertBatch;
        this.sequenceBatch = sequenceBatch;
    }

    private record Sequential(double plain, double insert, double sequence, double endToEnd) {}

    private record Concurrent(double plain, double ledger, double writersOnly) {}

    void run() throws Exception {
        var key = new BenchKey();
        System.out.printf(
                "%n== 1. sequencing: %,d entries, insert batches of %d, sequencer batches of %d, %d rounds%n",
                entries, insertBatch, sequenceBatch, rounds);
        var generator = new Entries(1);
        long t0 = System.nanoTime();
        var rows = generator.next(entries);
        System.out.printf(
                "   built %,d canonical entries in %.1f s (not timed below)%n",
                entries, (System.nanoTime() - t0) / 1e9);
        var warmup = rows.subList(0, Math.max(1000, entries / 10));

        sequential(key, warmup, true, -1);
        concurrent(key, warmup, -1);
        var sequential = new ArrayList<Sequential>();
        var concurrent = new ArrayList<Concurrent>();
        for (int round = 1; round <= rounds; round++) {
            sequential.add(sequential(key, rows, round % 2 == 1, round));
            concurrent.add(concurrent(key, rows, round));
        }

        profile(key, rows.subList(0, Math.max(1000, entries / 4)));

        var plain = sequential.stream().map(Sequential::plain).toList();
        var insert = sequential.stream().map(Sequential::insert).toList();
        var seq = sequential.stream().map(Sequential::sequence).toList();
        var e2e = sequential.stream().map(Sequential::endToEnd).toList();
        var ratios = sequential.stream().map(s -> s.endToEnd() / s.plain()).toList();
        var seqRatios = sequential.stream().map(s -> s.sequence() / s.plain()).toList();
        String name = "1. sequencing";
        results.info(
                name,
                "plain batched inserts, 1 writer (median of rounds " + Results.list(plain, "%,.0f") + ")",
                Results.rate(Results.median(plain)));
        results.info(name, "audit_entry inserts incl. queue trigger, 1 writer", Results.rate(Results.median(insert)));
        results.add(
                name,
                "LedgerStore.sequence alone (rounds " + Results.list(seq, "%,.0f") + ")",
                Results.rate(Results.median(seq)),
                "≥ 15,000/s",
                Results.median(seq) >= 15_000);
        results.add(
                name,
                "insert + sequence, end to end",
                Results.rate(Results.median(e2e)),
                "≥ 15,000/s",
                Results.median(e2e) >= 15_000);
        results.add(
                name,
                "end to end ÷ plain inserts (rounds " + Results.list(ratios, "%.2f") + ")",
                Results.ratio(Results.median(ratios)),
                "≥ 0.75×",
                Results.median(ratios) >= 0.75);
        results.add(
                name,
                "sequence alone ÷ plain inserts (rounds " + Results.list(seqRatios, "%.2f") + ")",
                Results.ratio(Results.median(seqRatios)),
                "≥ 0.75×",
                Results.median(seqRatios) >= 0.75);

        var cPlain = concurrent.stream().map(Concurrent::plain).toList();
        var cLedger = concurrent.stream().map(Concurrent::ledger).toList();
        var cWriters = concurrent.stream().map(Concurrent::writersOnly).toList();
        var cRatios = concurrent.stream().map(c -> c.ledger() / c.plain()).toList();
        results.info(name, "plain inserts, 2 writers", Results.rate(Results.median(cPlain)));
        results.info(name, "2 writers + sequencer: writers' insert rate", Results.rate(Results.median(cWriters)));
        results.add(
                name,
                "2 writers + sequencer: all numbered (rounds " + Results.list(cLedger, "%,.0f") + ")",
                Results.rate(Results.median(cLedger)),
                "≥ 15,000/s",
                Results.median(cLedger) >= 15_000);
        results.add(
                name,
                "2 writers + sequencer ÷ plain, 2 writers",
                Results.ratio(Results.median(cRatios)),
                "≥ 0.75×",
                Results.median(cRatios) >= 0.75);
    }

    private Sequential sequential(BenchKey key, List<Entries.Row> rows, boolean plainFirst, int round)
            throws Exception {
        var url = db.fresh("sequencing");
        try (var connection = db.connect(url)) {
            try (var statement = connection.createStatement()) {
                statement.execute(Entries.PLAIN_TABLE);
            }
            double plain = 0;
            if (plainFirst) {
                plain = timePlain(connection, rows);
            }
            checkpoint(connection);
            long start = System.nanoTime();
            Entries.insert(connection, "audit_entry", rows, 0, rows.size(), insertBatch);
            long inserted = System.nanoTime();
            var store = key.store();
            long numbered = 0;
            int n;
            do {
                n = store.sequence(connection, sequenceBatch);
                connection.commit();
                numbered += n;
            } while (n > 0);
            long sequenced = System.nanoTime();
            if (!plainFirst) {
                plain = timePlain(connection, rows);
            }
            if (numbered != rows.size()) {
                throw new IllegalStateException("numbered " + numbered + " of " + rows.size());
            }
            checkRoot(connection, key, rows);
            var result = new Sequential(
                    plain,
                    rows.size() / seconds(inserted - start),
                    rows.size() / seconds(sequenced - inserted),
                    rows.size() / seconds(sequenced - start));
            System.out.printf(
                    "   %s sequential: plain %,.0f/s | insert %,.0f/s (%.1f s) | sequence %,.0f/s (%.1f s)"
                            + " | end to end %,.0f/s | ratio %.2f%n",
                    round < 0 ? "warm-up" : "round " + round,
                    result.plain(),
                    result.insert(),
                    seconds(inserted - start),
                    result.sequence(),
                    seconds(sequenced - inserted),
                    result.endToEnd(),
                    result.endToEnd() / result.plain());
            return result;
        } finally {
            db.drop(url);
        }
    }

    /**
     * Where sequencing spends its time: statement by statement (client wall time in execute calls and
     * commits) and the rest in the JVM; then the same with pgjdbc's reWriteBatchedInserts, which turns
     * a batch of single-row inserts into multi-row inserts (the server's data source sets it).
     */
    private void profile(BenchKey key, List<Entries.Row> rows) throws Exception {
        for (int variant = 0; variant < 2; variant++) {
            boolean rewrite = variant == 1;
            var url = db.fresh("sequencing");
            try (var raw = db.connect(url, java.util.Map.of("reWriteBatchedInserts", Boolean.toString(rewrite)))) {
                Entries.insert(raw, "audit_entry", rows, 0, rows.size(), insertBatch);
                checkpoint(raw);
                var timer = new TimedConnection();
                var connection = timer.wrap(raw);
                var store = key.store();
                long start = System.nanoTime();
                int n;
                long batches = 0;
                do {
                    n = store.sequence(connection, sequenceBatch);
                    connection.commit();
                    batches++;
                } while (n > 0);
                long wall = System.nanoTime() - start;
                double rate = rows.size() / seconds(wall);
                System.out.printf(
                        "   profile of sequencing %,d entries (%d calls of sequence)%s: %,.0f/s%n%s",
                        rows.size(),
                        batches,
                        rewrite ? " with reWriteBatchedInserts=true" : " without reWriteBatchedInserts",
                        rate,
                        timer.report(wall));
                results.info(
                        "1. sequencing",
                        "sequence alone, reWriteBatchedInserts=" + rewrite + " (profiled run, " + rows.size()
                                + " entries)",
                        Results.rate(rate));
            } finally {
                db.drop(url);
            }
        }
    }

    private double timePlain(Connection connection, List<Entries.Row> rows) throws SQLException {
        checkpoint(connection);
        long start = System.nanoTime();
        Entries.insert(connection, "plain_entry", rows, 0, rows.size(), insertBatch);
        return rows.size() / seconds(System.nanoTime() - start);
    }

    /** With one writer the ledger's order is the insertion order: its root must be the tree of our rows. */
    private static void checkRoot(Connection connection, BenchKey key, List<Entries.Row> rows) throws SQLException {
        var tree = new MerkleTree.Builder();
        for (var row : rows) {
            tree.append(MerkleTree.leafHash(row.canonical().getBytes(StandardCharsets.UTF_8)));
        }
        var note = SignedNote.parse(LedgerStore.latestNote(connection).orElseThrow());
        var checkpoint = Checkpoint.parse(note.text());
        if (!note.verifiedBy(key.verifierKey)
                || checkpoint.size() != rows.size()
                || !Arrays.equals(checkpoint.rootHash(), tree.root())) {
            throw new IllegalStateException("the signed checkpoint does not match the inserted entries");
        }
    }

    private Concurrent concurrent(BenchKey key, List<Entries.Row> rows, int round) throws Exception {
        var url = db.fresh("sequencing");
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try (var a = db.connect(url);
                var b = db.connect(url)) {
            try (var statement = a.createStatement()) {
                statement.execute(Entries.PLAIN_TABLE);
            }
            int half = rows.size() / 2;
            // plain: 2 writers
            checkpoint(a);
            long start = System.nanoTime();
            await(List.of(
                    writers.submit(() -> insert(a, "plain_entry", rows, 0, half)),
                    writers.submit(() -> insert(b, "plain_entry", rows, half, rows.size()))));
            double plain = rows.size() / seconds(System.nanoTime() - start);
            // ledger: 2 writers and the sequencer, concurrently; done when the last entry is in a checkpoint
            checkpoint(a);
            double ledger;
            double writersOnly;
            try (var sequencer = new SequencerLoop(key.store(), db.connect(url), sequenceBatch, 250)) {
                start = System.nanoTime();
                sequencer.start();
                await(List.of(
                        writers.submit(() -> insert(a, "audit_entry", rows, 0, half)),
                        writers.submit(() -> insert(b, "audit_entry", rows, half, rows.size()))));
                long written = System.nanoTime();
                long done = sequencer.awaitSequenced(rows.size(), 600_000);
                ledger = rows.size() / seconds(done - start);
                writersOnly = rows.size() / seconds(written - start);
                System.out.printf(
                        "   %s 2 writers: plain %,.0f/s | ledger writers %,.0f/s (%.1f s), all numbered"
                                + " %,.0f/s (%.1f s, %d checkpoints) | ratio %.2f%n",
                        round < 0 ? "warm-up" : "round " + round,
                        plain,
                        writersOnly,
                        seconds(written - start),
                        ledger,
                        seconds(done - start),
                        sequencer.checkpoints().size(),
                        ledger / plain);
            }
            return new Concurrent(plain, ledger, writersOnly);
        } finally {
            writers.shutdownNow();
            db.drop(url);
        }
    }

    private Void insert(Connection connection, String table, List<Entries.Row> rows, int from, int to)
            throws SQLException {
        Entries.insert(connection, table, rows, from, to, insertBatch);
        return null;
    }

    private static void await(List<Future<Void>> futures) throws Exception {
        for (var future : futures) {
            future.get();
        }
    }

    static void checkpoint(Connection connection) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (var statement = connection.createStatement()) {
            statement.execute("checkpoint"); // start each timed phase with no dirty pages from the last
        } catch (SQLException notAllowed) {
            // only superusers (and pg_checkpoint members) may; a configured server may not let us
        }
        connection.setAutoCommit(auto);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}

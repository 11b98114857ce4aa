package org.clearroom.bench;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * 2. Checkpoint lag. Two writers commit one audit entry per transaction (the server's shape: one
 * entry per exchange) on a fixed schedule adding up to {@code rate} entries/s, while the sequencer
 * runs on the server's schedule (repeat while a full batch came back, then wait 250 ms). For every
 * entry, the lag is from the moment its commit returned to the writer to the moment the first
 * checkpoint whose size covers it committed. Entries of the first seconds (warm-up) are not counted.
 */
final class CheckpointLagBench {

    private final BenchDatabase db;
    private final Results results;
    private final int[] rates;
    private final int seconds;
    private final int warmupSeconds;

    CheckpointLagBench(BenchDatabase db, Results results, int[] rates, int seconds, int warmupSeconds) {
        this.db = db;
        this.results = results;
        this.rates = rates;
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
    }

    /** An entry whose commit returned at {@code nanos}. */
    private record Committed(String id, long nanos) {}

    void run() throws Exception {
        System.out.printf(
                "%n== 2. checkpoint lag: 2 writers, 1 entry per transaction, sequencer every 250 ms,"
                        + " batches of 5000; %d s per rate after %d s of warm-up%n",
                seconds, warmupSeconds);
        for (int rate : rates) {
            measure(rate);
        }
    }

    private void measure(int rate) throws Exception {
        var url = db.fresh("lag");
        var key = new BenchKey();
        try (var sequencer = new SequencerLoop(key.store(), db.connect(url), 5000, 250)) {
            sequencer.start();
            long start = System.nanoTime();
            long warmEnd = start + warmupSeconds * 1_000_000_000L;
            long end = warmEnd + seconds * 1_000_000_000L;
            var committed = new ArrayList<List<Committed>>();
            var threads = new ArrayList<Thread>();
            var failures = new ArrayList<Throwable>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                var mine = new ArrayList<Committed>(rate * (seconds + warmupSeconds) / 2 + 16);
                committed.add(mine);
                var thread = new Thread(
                        () -> {
                            try (var connection = db.connect(url)) {
                                write(connection, writer, rate / 2.0, start, end, mine);
                            } catch (Throwable e) {
                                synchronized (failures) {
                                    failures.add(e);
                                }
                            }
                        },
                        "writer-" + w);
                threads.add(thread);
                thread.start();
            }
            for (var thread : threads) {
                thread.join();
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException("a writer failed", failures.get(0));
            }
            long total = committed.get(0).size() + committed.get(1).size();
            sequencer.awaitSequenced(total, 60_000);
            var checkpoints = sequencer.checkpoints();

            var index = new HashMap<String, Long>((int) (total * 1.4));
            try (var connection = db.connect(url);
                    var statement = connection.createStatement();
                    var rs = statement.executeQuery("select entry_id, idx from ledger_leaf")) {
                while (rs.next()) {
                    index.put(rs.getString(1), rs.getLong(2));
                }
            }
            var histogram = new Histogram(3_600_000_000L, 3); // microseconds
            long counted = 0;
            for (var list : committed) {
                for (var entry : list) {
                    if (entry.nanos() < warmEnd) {
                        continue;
                    }
                    long idx = index.get(entry.id());
                    long visible = firstCovering(checkpoints, idx);
                    histogram.recordValue(Math.max(0, (visible - entry.nanos()) / 1000));
                    counted++;
                }
            }
            double achieved = counted / (double) seconds;
            var name = "2. checkpoint lag";
            var label = String.format(Locale.ROOT, "%,d entries/s offered (%,.0f/s achieved)", rate, achieved);
            System.out.printf(
                    "   %s: %,d entries, %d checkpoints; lag p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms,"
                            + " max %.1f ms; sequencer busy %.0f %% of the time%n",
                    label,
                    counted,
                    checkpoints.size(),
                    histogram.getValueAtPercentile(50) / 1000.0,
                    histogram.getValueAtPercentile(99) / 1000.0,
                    histogram.getValueAtPercentile(99.9) / 1000.0,
                    histogram.getMaxValue() / 1000.0,
                    100.0 * sequencer.busyNanos() / (System.nanoTime() - start));
            results.info(name, label + ": p50", Results.ms(histogram.getValueAtPercentile(50) / 1000.0));
            double p99 = histogram.getValueAtPercentile(99) / 1000.0;
            results.add(name, label + ": p99", Results.ms(p99), "≤ 1000 ms", p99 <= 1000);
            results.info(name, label + ": max", Results.ms(histogram.getMaxValue() / 1000.0));
        } finally {
            db.drop(url);
        }
    }

    private static long firstCovering(List<SequencerLoop.Committed> checkpoints, long idx) {
        int lo = 0;
        int hi = checkpoints.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (checkpoints.get(mid).size() > idx) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if (checkpoints.get(lo).size() <= idx) {
            throw new IllegalStateException("no checkpoint covers entry " + idx);
        }
        return checkpoints.get(lo).nanos();
    }

    /** Commits one entry per transaction on a fixed schedule; a late writer catches up without waiting. */
    private static void write(
            Connection connection, int writer, double perSecond, long start, long end, List<Committed> committed)
            throws Exception {
        connection.setAutoCommit(false);
        var entries = new Entries(100 + writer);
        long interval = (long) (1e9 / perSecond);
        long next = start + writer * interval / 2;
        try (var insert = Entries.prepareInsert(connection, "audit_entry")) {
            while (true) {
                if (next >= end) {
                    return;
                }
                long now = System.nanoTime();
                if (next > now) {
                    LockSupport.parkNanos(next - now);
                    continue;
                }
                var row = entries.next();
                Entries.bind(insert, row);
                insert.executeUpdate();
                connection.commit();
                committed.add(new Committed(row.id(), System.nanoTime()));
                next += interval;
            }
        }
    }
}

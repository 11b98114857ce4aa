package org.clearroom.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import org.HdrHistogram.Histogram;
import org.clearroom.audit.Action;

/**
 * 5. What recording adds to a write. The write: create an organisation (one row and its unique name
 * index) in one transaction. Recording adds, in the same transaction, the canonical entry built by
 * AuditEntry and its insert into audit_entry, whose trigger queues it for the sequencer.
 *
 * <p>Two measurements, because this machine is shared and its speed drifts by up to 2× over tens of
 * seconds (other builds, other virtual machines on the host):
 *
 * <ol>
 *   <li>The write path: every writer cycles through the kinds of transaction one after the other
 *       (without; with the entry in a table of audit_entry's shape but no ledger trigger, i.e. the
 *       audit trail before the ledger; with recording), so that drift hits all kinds alike, while the
 *       sequencer runs as on the server. Slowdown = mean latency with ÷ mean latency without − 1,
 *       which is the throughput loss of a writer that waits for each commit.
 *   <li>Capacity: alternating trials of transactions without recording and of transactions with
 *       recording plus the sequencer running, each as fast as the writers go; the median of each
 *       trial against the one before it. This includes the sequencer's work on the same two cores.
 * </ol>
 */
final class RecordingBench {

    private final BenchDatabase db;
    private final Results results;
    private final double interleavedSeconds;
    private final int trials;
    private final double trialSeconds;

    RecordingBench(BenchDatabase db, Results results, double interleavedSeconds, int trials, double trialSeconds) {
        this.db = db;
        this.results = results;
        this.interleavedSeconds = interleavedSeconds;
        this.trials = trials;
        this.trialSeconds = trialSeconds;
    }

    private enum Kind {
        WITHOUT("without recording", null),
        TRAIL("with the entry in a table without the ledger trigger", "plain_entry"),
        RECORDED("with recording", "audit_entry");

        final String label;
        final String table;

        Kind(String label, String table) {
            this.label = label;
            this.table = table;
        }
    }

    void run() throws Exception {
        System.out.printf("%n== 5. recording: create-organisation transactions without and with the audit entry%n");
        var url = db.fresh("recording");
        try (var connection = db.connect(url);
                var statement = connection.createStatement()) {
            statement.execute(Entries.PLAIN_TABLE);
        }
        try {
            for (int threads : new int[] {1, 2}) {
                interleaved(url, threads);
            }
            for (int threads : new int[] {1, 2}) {
                capacity(url, threads);
            }
        } finally {
            db.drop(url);
        }
    }

    private static String label(int threads) {
        return threads == 1 ? "1 writer" : threads + " writers";
    }

    /** The write path, kinds interleaved transaction by transaction, the sequencer running. */
    private void interleaved(String url, int threads) throws Exception {
        var key = new BenchKey();
        var latencies = new EnumMap<Kind, Histogram>(Kind.class);
        for (var kind : Kind.values()) {
            latencies.put(kind, new Histogram(60_000_000_000L, 3)); // nanoseconds
        }
        try (var sequencer = new SequencerLoop(key.store(), db.connect(url), 5000, 250).start()) {
            run(url, threads, List.of(Kind.values()), interleavedSeconds / 4, null); // warm-up
            run(url, threads, List.of(Kind.values()), interleavedSeconds, latencies);
        }
        var name = "5. recording";
        var base = latencies.get(Kind.WITHOUT);
        for (var kind : Kind.values()) {
            var h = latencies.get(kind);
            double slowdown = h.getMean() / base.getMean() - 1;
            System.out.printf(
                    Locale.ROOT,
                    "   write path, %s, %s: %,d tx, latency mean %.3f ms, p50 %.3f ms, p99 %.3f ms%s%n",
                    label(threads),
                    kind.label,
                    h.getTotalCount(),
                    h.getMean() / 1e6,
                    h.getValueAtPercentile(50) / 1e6,
                    h.getValueAtPercentile(99) / 1e6,
                    kind == Kind.WITHOUT
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    "; %s per write (%+.3f ms)",
                                    Results.percent(slowdown),
                                    (h.getMean() - base.getMean()) / 1e6));
            var measure = "write path, " + label(threads) + ", " + kind.label;
            results.info(
                    name,
                    measure + ": latency mean / p99",
                    String.format(Locale.ROOT, "%.3f / %.3f ms", h.getMean() / 1e6, h.getValueAtPercentile(99) / 1e6));
            if (kind == Kind.TRAIL) {
                results.info(name, measure + ": slowdown", Results.percent(slowdown));
            } else if (kind == Kind.RECORDED) {
                results.add(name, measure + ": slowdown", Results.percent(slowdown), "≤ +15 %", slowdown <= 0.15);
            }
        }
    }

    /** Capacity: trials without recording alternating with trials with recording and the sequencer running. */
    private void capacity(String url, int threads) throws Exception {
        var key = new BenchKey();
        var without = new ArrayList<Double>();
        var with = new ArrayList<Double>();
        var slowdowns = new ArrayList<Double>();
        double sequencerCpu = 0;
        long sequenced = 0;
        for (int i = -1; i < trials; i++) { // trial -1 is a warm-up
            double seconds = i < 0 ? trialSeconds / 2 : trialSeconds;
            var a = run(url, threads, List.of(Kind.WITHOUT), seconds, null).get(Kind.WITHOUT) / seconds;
            double b;
            try (var sequencer = new SequencerLoop(key.store(), db.connect(url), 5000, 250).start()) {
                long start = System.nanoTime();
                long n =
                        run(url, threads, List.of(Kind.RECORDED), seconds, null).get(Kind.RECORDED);
                b = n / ((System.nanoTime() - start) / 1e9);
                sequencer.awaitSequenced(n, 120_000); // drained after the trial: at most one interval's worth
                sequencer.close();
                if (i >= 0 && sequencer.cpu().totalNanos() >= 0) {
                    sequencerCpu += sequencer.cpu().totalNanos();
                    sequenced += n;
                }
            }
            if (i >= 0) {
                without.add(a);
                with.add(b);
                slowdowns.add(a / b - 1);
            }
        }
        double slowdown = Results.median(slowdowns);
        System.out.printf(
                Locale.ROOT,
                "   capacity, %s: without recording %,.0f tx/s (trials %s), with recording and the"
                        + " sequencer %,.0f tx/s (trials %s); %s per write (trials %s)%s%n",
                label(threads),
                Results.median(without),
                Results.list(without, "%,.0f"),
                Results.median(with),
                Results.list(with, "%,.0f"),
                Results.percent(slowdown),
                Results.list(slowdowns.stream().map(x -> x * 100).toList(), "%+.0f %%"),
                sequenced == 0
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "; sequencer CPU (thread + backend) %.0f µs per entry",
                                sequencerCpu / sequenced / 1000));
        var name = "5. recording";
        var measure = "capacity, " + label(threads);
        results.info(name, measure + ", without recording", Results.rate(Results.median(without)));
        results.info(name, measure + ", with recording + sequencer", Results.rate(Results.median(with)));
        results.add(name, measure + ": slowdown", Results.percent(slowdown), "≤ +15 %", slowdown <= 0.15);
    }

    /**
     * {@code threads} writers for {@code seconds}, each cycling through {@code kinds}; answers the
     * transactions of each kind, and records their latencies where {@code latencies} is given.
     */
    private Map<Kind, Long> run(
            String url, int threads, List<Kind> kinds, double seconds, Map<Kind, Histogram> latencies)
            throws Exception {
        var barrier = new CyclicBarrier(threads);
        var counts = new EnumMap<Kind, Long>(Kind.class);
        kinds.forEach(k -> counts.put(k, 0L));
        var failures = new ArrayList<Throwable>();
        var workers = new ArrayList<Thread>();
        for (int t = 0; t < threads; t++) {
            int me = t;
            var thread = new Thread(() -> {
                try (var connection = db.connect(url)) {
                    connection.setAutoCommit(false);
                    var mine = new EnumMap<Kind, Histogram>(Kind.class);
                    kinds.forEach(k -> mine.put(k, new Histogram(60_000_000_000L, 3)));
                    barrier.await();
                    writes(connection, kinds, System.nanoTime() + (long) (seconds * 1e9), mine, me);
                    synchronized (counts) {
                        for (var kind : kinds) {
                            counts.merge(kind, mine.get(kind).getTotalCount(), Long::sum);
                            if (latencies != null) {
                                latencies.get(kind).add(mine.get(kind));
                            }
                        }
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            workers.add(thread);
            thread.start();
        }
        for (var thread : workers) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a writer failed", failures.get(0));
        }
        return counts;
    }

    private static final String INSERT_ORGANISATION =
            "insert into organisation (id, name, kind, created_at, version) values (?, ?, ?, ?, 0)";

    private static void writes(
            Connection connection, List<Kind> kinds, long end, Map<Kind, Histogram> latencies, int thread)
            throws SQLException {
        var random = new SplittableRandom(System.nanoTime() + thread);
        var hex = HexFormat.of();
        var audit = new EnumMap<Kind, PreparedStatement>(Kind.class);
        try (PreparedStatement organisation = connection.prepareStatement(INSERT_ORGANISATION)) {
            for (var kind : kinds) {
                if (kind.table != null) {
                    audit.put(kind, Entries.prepareInsert(connection, kind.table));
                }
            }
            long start;
            for (int i = 0; (start = System.nanoTime()) < end; i++) {
                var kind = kinds.get(i % kinds.size());
                var id = UUID.randomUUID().toString();
                var at = Instant.now();
                organisation.setString(1, id);
                organisation.setString(2, "Organisation " + id);
                organisation.setString(3, "VENDOR");
                organisation.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                organisation.executeUpdate();
                if (kind.table != null) {
                    var row = Entries.of(
                            at,
                            new UUID(random.nextLong(), random.nextLong()).toString(),
                            new UUID(random.nextLong(), random.nextLong()).toString(),
                            Action.ORGANISATION_CREATED,
                            "organisations/" + id,
                            hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong()),
                            "198.51.100.7",
                            null);
                    var insert = audit.get(kind);
                    Entries.bind(insert, row);
                    insert.executeUpdate();
                }
                connection.commit();
                latencies.get(kind).recordValue(System.nanoTime() - start);
            }
        } finally {
            for (var statement : audit.values()) {
                statement.close();
            }
        }
    }
}

package org.clearroom.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The ledger's benchmarks, in one run on one PostgreSQL server (see docs/PERFORMANCE.md):
 *
 * <pre>
 * LedgerBench [all | sequencing lag verifier proofs recording ...] [--quick] [--entries N] [--rounds N]
 *             [--export-entries N] [--proof-sizes 1000000,10000000] [--work DIR]
 * </pre>
 *
 * Each benchmark prints its measurements as it goes; a Markdown table of all results closes the run.
 */
public final class LedgerBench {

    private static final List<String> ALL = List.of("sequencing", "lag", "verifier", "proofs", "recording");

    // held so that the level set here stays (loggers are weakly referenced)
    private static final java.util.logging.Logger FLYWAY = java.util.logging.Logger.getLogger("org.flywaydb");

    public static void main(String[] args) throws Exception {
        FLYWAY.setLevel(java.util.logging.Level.WARNING);
        Set<String> selected = new LinkedHashSet<>();
        boolean quick = false;
        int entries = 200_000;
        int rounds = 2;
        int exportEntries = 1_000_000;
        long[] proofSizes = {1_000_000, 10_000_000};
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "clearroom-bench");
        for (int i = 0; i < args.length; i++) {
            var arg = args[i];
            switch (arg) {
                case "" -> {}
                case "all" -> selected.addAll(ALL);
                case "--quick" -> quick = true;
                case "--entries" -> entries = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--export-entries" -> exportEntries = Integer.parseInt(args[++i]);
                case "--proof-sizes" -> proofSizes = java.util.Arrays.stream(args[++i].split(","))
                        .mapToLong(Long::parseLong)
                        .toArray();
                case "--work" -> work = Path.of(args[++i]);
                default -> {
                    if (!ALL.contains(arg)) {
                        System.err.println("unknown benchmark or option: " + arg + "; benchmarks: " + ALL);
                        System.exit(2);
                    }
                    selected.add(arg);
                }
            }
        }
        if (selected.isEmpty()) {
            selected.addAll(ALL);
        }
        if (quick) {
            entries = Math.min(entries, 20_000);
            rounds = Math.min(rounds, 1);
            exportEntries = Math.min(exportEntries, 100_000);
            proofSizes = new long[] {100_000};
        }
        Files.createDirectories(work);
        var results = new Results();
        long start = System.nanoTime();
        try (var db = BenchDatabase.start(System.getenv())) {
            machine(db);
            for (var name : selected) {
                System.out.printf("%n   [%s starts; other load on the machine: %s]%n", name, contention());
                long t = System.nanoTime();
                switch (name) {
                    case "sequencing" -> new SequencingBench(db, results, entries, rounds, 50, 5000).run();
                    case "lag" -> new CheckpointLagBench(
                                    db, results, quick ? new int[] {500} : new int[] {1000, 4000}, quick ? 5 : 15, 3)
                            .run();
                    case "proofs" -> new ProofBench(db, results, proofSizes, 1000, 200).run();
                    case "recording" -> new RecordingBench(db, results, quick ? 3 : 12, quick ? 2 : 5, quick ? 1 : 1.5)
                            .run();
                    case "verifier" -> new VerifierBench(results, exportEntries, work, 3).run();
                    default -> throw new IllegalArgumentException(name);
                }
                System.out.printf(Locale.ROOT, "   (%s took %.0f s)%n", name, (System.nanoTime() - t) / 1e9);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%n== results (whole run %.0f s, load average now %s)%n%n%s",
                (System.nanoTime() - start) / 1e9,
                loadAverage(),
                results.markdown());
    }

    private static void machine(BenchDatabase db) throws Exception {
        System.out.println("== machine");
        System.out.println("   processors: " + Runtime.getRuntime().availableProcessors());
        System.out.println("   cpu: " + cpuModel());
        System.out.println("   memory: " + memTotal());
        System.out.println("   before the run: " + contention());
        System.out.println("   java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.println("   postgresql: " + db.describe());
        try (var connection = db.admin();
                var statement = connection.createStatement()) {
            try (var rs = statement.executeQuery("select version()")) {
                rs.next();
                System.out.println("   " + rs.getString(1));
            }
            roundTrip(connection);
            for (var setting : List.of(
                    "shared_buffers",
                    "synchronous_commit",
                    "fsync",
                    "wal_level",
                    "max_wal_size",
                    "work_mem",
                    "effective_io_concurrency")) {
                try (var rs = statement.executeQuery("show " + setting)) {
                    rs.next();
                    System.out.println("   " + setting + " = " + rs.getString(1));
                }
            }
        }
    }

    /** What one JDBC round trip costs here: with one client, each wakes a sleeping CPU on the other side. */
    private static void roundTrip(java.sql.Connection connection) throws java.sql.SQLException {
        var histogram = new org.HdrHistogram.Histogram(10_000_000_000L, 3);
        try (var select = connection.prepareStatement("select 1")) {
            for (int i = 0; i < 3000; i++) {
                long start = System.nanoTime();
                try (var rs = select.executeQuery()) {
                    rs.next();
                }
                if (i >= 1000) {
                    histogram.recordValue(System.nanoTime() - start);
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "   one JDBC round trip (select 1, one client): p50 %.0f µs, p99 %.0f µs%n",
                histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    /** Load average and CPU pressure (PSI): how busy the machine was, with whatever else runs on it. */
    static String contention() {
        var out = "load average " + loadAverage();
        try {
            var some = Files.readAllLines(Path.of("/proc/pressure/cpu")).get(0);
            out += ", cpu pressure " + some.substring(0, some.indexOf(" total")).replace("some ", "");
        } catch (IOException | RuntimeException e) {
            // no PSI on this kernel
        }
        return out;
    }

    static String loadAverage() {
        try {
            var fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }
}

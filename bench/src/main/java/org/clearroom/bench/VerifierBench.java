package org.clearroom.bench;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.clearroom.audit.Checkpoint;
import org.clearroom.audit.MerkleTree;
import org.clearroom.audit.VerifierStages;
import org.clearroom.audit.Verify;

/**
 * 3. Verifier throughput. Writes an export of realistic entries exactly as Ledger.writeExport does
 * ({"index":i,"entry":{canonical entry},"leafHash":"base64"} per line), a checkpoint signed with a
 * fresh Ed25519 key over its root, and the verifier key; then runs the standalone verifier on them:
 * in this JVM (Verify.execute, several times) and as a user would, in a JVM of its own. Then times the
 * verifier's per-line steps one by one to show where the time goes.
 */
final class VerifierBench {

    private final Results results;
    private final int entries;
    private final Path work;
    private final int runs;

    VerifierBench(Results results, int entries, Path work, int runs) {
        this.results = results;
        this.entries = entries;
        this.work = work;
        this.runs = runs;
    }

    void run() throws Exception {
        System.out.printf("%n== 3. verifier: export of %,d entries%n", entries);
        var dir = Files.createDirectories(work.resolve("verifier"));
        var export = dir.resolve("export.jsonl");
        var checkpointFile = dir.resolve("checkpoint.txt");
        var keyFile = dir.resolve("verifier.key");
        try {
            long t = System.nanoTime();
            var key = new BenchKey();
            var root = writeExport(export);
            Files.writeString(
                    checkpointFile,
                    key.sign(new Checkpoint(BenchKey.ORIGIN, entries, root)).encoded());
            Files.writeString(keyFile, key.verifierKey.encoded() + "\n");
            System.out.printf(
                    "   wrote %s: %,d bytes (%,.0f bytes per line) in %.1f s%n",
                    export, Files.size(export), Files.size(export) / (double) entries, (System.nanoTime() - t) / 1e9);
            String[] args = {
                "export",
                "--entries",
                export.toString(),
                "--checkpoint",
                checkpointFile.toString(),
                "--key",
                keyFile.toString()
            };

            var inProcess = new ArrayList<Double>();
            for (int run = 0; run < runs; run++) {
                var out = new ByteArrayOutputStream();
                long start = System.nanoTime();
                int status = Verify.execute(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(OutputStream.nullOutputStream()),
                        args);
                double seconds = (System.nanoTime() - start) / 1e9;
                var said = out.toString(StandardCharsets.UTF_8).strip();
                if (status != 0 || !said.startsWith("VALID")) {
                    throw new IllegalStateException("the verifier did not accept the export: " + said);
                }
                inProcess.add(entries / seconds);
                System.out.printf(
                        "   in this JVM, run %d: %.2f s, %,.0f entries/s%n", run + 1, seconds, entries / seconds);
            }
            double fresh = freshJvm(args);
            var name = "3. verifier";
            double best =
                    inProcess.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            results.add(
                    name,
                    "Verify export, own JVM (as a user runs it, incl. JVM start)",
                    Results.rate(fresh),
                    "≥ 500,000/s",
                    fresh >= 500_000);
            results.add(
                    name,
                    "Verify.execute in a warm JVM, median of " + runs + " (" + Results.list(inProcess, "%,.0f") + ")",
                    Results.rate(Results.median(inProcess)),
                    "≥ 500,000/s",
                    Results.median(inProcess) >= 500_000);
            results.info(name, "Verify.execute, best run", Results.rate(best));
            stages(export, name);
            sketch(export, root(checkpointFile), name);
        } finally {
            if (Boolean.getBoolean("bench.keep")) {
                System.out.println("   kept " + dir + " (-Dbench.keep=true)");
                return;
            }
            Files.deleteIfExists(export);
            Files.deleteIfExists(checkpointFile);
            Files.deleteIfExists(keyFile);
        }
    }

    private byte[] writeExport(Path export) throws IOException {
        var generator = new Entries(3);
        var tree = new MerkleTree.Builder();
        var encoder = Base64.getEncoder();
        try (var out = new BufferedOutputStream(Files.newOutputStream(export), 1 << 20)) {
            var line = new StringBuilder(512);
            for (long i = 0; i < entries; i++) {
                var row = generator.next();
                byte[] leaf = MerkleTree.leafHash(row.canonical().getBytes(StandardCharsets.UTF_8));
                tree.append(leaf);
                line.setLength(0);
                line.append("{\"index\":")
                        .append(i)
                        .append(",\"entry\":")
                        .append(row.canonical())
                        .append(",\"leafHash\":\"")
                        .append(encoder.encodeToString(leaf))
                        .append("\"}\n");
                out.write(line.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return tree.root();
    }

    /** The verifier as `java -cp … org.clearroom.audit.Verify export …`: wall time including JVM start. */
    private double freshJvm(String[] args) throws Exception {
        var command = new ArrayList<String>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.clearroom.audit.Verify"));
        command.addAll(List.of(args));
        var log = work.resolve("verifier-fresh-jvm.txt");
        long start = System.nanoTime();
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the verifier did not finish in 10 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var said = Files.readString(log);
        Files.deleteIfExists(log);
        if (process.exitValue() != 0 || !said.contains("VALID:")) {
            throw new IllegalStateException("the verifier did not accept the export: " + said);
        }
        System.out.printf(
                "   in a JVM of its own: %.2f s, %,.0f entries/s (default JVM settings, incl. start)%n",
                seconds, entries / seconds);
        return entries / seconds;
    }

    private static byte[] root(Path checkpointFile) throws IOException {
        var note = org.clearroom.audit.SignedNote.parse(Files.readString(checkpointFile));
        return Checkpoint.parse(note.text()).rootHash();
    }

    /** The raw-bytes sketch over the same export, best of three. */
    private void sketch(Path export, byte[] root, String name) throws IOException {
        double best = 0;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            byte[] computed = RawBytesVerifierSketch.root(export);
            double rate = entries / ((System.nanoTime() - start) / 1e9);
            if (!java.util.Arrays.equals(computed, root)) {
                throw new IllegalStateException("the sketch does not reach the checkpoint's root");
            }
            best = Math.max(best, rate);
        }
        System.out.printf(
                Locale.ROOT,
                "   sketch hashing the entries' bytes as exported (no JSON round trip): %,.0f entries/s%n",
                best);
        results.info(
                name,
                "sketch, not the product: hash the exported bytes, no JSON round trip (best of 3)",
                Results.rate(best));
    }

    private void stages(Path export, String name) throws IOException {
        System.out.println("   where a line's time goes (nanoseconds per line, each step timed over the same lines):");
        double read = VerifierStages.readNanosPerLine(export);
        var lines = VerifierStages.load(export, entries);
        var stages = VerifierStages.stages(lines);
        double total =
                read + stages.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf(
                Locale.ROOT,
                "     %7.0f ns  %4.1f %%  read the file line by line (BufferedReader)%n",
                read,
                100 * read / total);
        results.info(name, "step: read the file line by line", String.format(Locale.ROOT, "%.0f ns/entry", read));
        stages.forEach((step, nanos) -> {
            System.out.printf(Locale.ROOT, "     %7.0f ns  %4.1f %%  %s%n", nanos, 100 * nanos / total, step);
            results.info(name, "step: " + step, String.format(Locale.ROOT, "%.0f ns/entry", nanos));
        });
        System.out.printf(
                Locale.ROOT, "     %7.0f ns         in all: at most %,.0f entries/s on one core%n", total, 1e9 / total);
    }
}

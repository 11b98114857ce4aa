package org.clearroom.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the standalone verifier's time goes, stage by stage, with the very calls Verify makes per
 * export line (it lives in the api's package to reach the package-private JSON reader; it is part of
 * the bench module only). Each stage runs over the same lines held in memory, adding one step to the
 * previous stage; the difference between two stages is the cost of the step added.
 */
public final class VerifierStages {

    private VerifierStages() {}

    /** Nanoseconds per line of reading the file line by line, as Verify does (the lines are dropped). */
    public static double readNanosPerLine(Path file) throws IOException {
        long start = System.nanoTime();
        long lines = 0;
        long chars = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                chars += line.length();
            }
        }
        if (chars == 0) {
            throw new IllegalStateException("empty file");
        }
        return (System.nanoTime() - start) / (double) lines;
    }

    public static List<String> load(Path file, int count) throws IOException {
        var lines = new ArrayList<String>(count);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while (lines.size() < count && (line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The cumulative stages: what each adds, and its nanoseconds per line. */
    public static Map<String, Double> stages(List<String> lines) {
        var names = List.of(
                "parse the line (Json.parse)",
                "canonicalise the entry (CanonicalJson.write)",
                "encode it as UTF-8 (String.getBytes)",
                "leaf hash (SHA-256 over 0x00 and the entry)",
                "decode and compare the recorded leafHash (Base64, isEqual)",
                "append to the tree (MerkleTree.Builder, ~1 node hash per leaf)");
        // warm-up: every stage over the first lines, so that the JIT has compiled all of it
        var warm = lines.subList(0, Math.min(lines.size(), 200_000));
        for (int stage = 1; stage <= names.size(); stage++) {
            pass(warm, stage);
        }
        var out = new LinkedHashMap<String, Double>();
        double previous = 0;
        for (int stage = 1; stage <= names.size(); stage++) {
            System.gc();
            long start = System.nanoTime();
            long sink = pass(lines, stage);
            double perLine = (System.nanoTime() - start) / (double) lines.size();
            if (sink == 42) {
                System.out.print(""); // uses the result, so the JIT cannot drop the measured work
            }
            out.put(names.get(stage - 1), perLine - previous);
            previous = perLine;
        }
        return out;
    }

    private static long pass(List<String> lines, int stage) {
        var tree = new MerkleTree.Builder();
        var decoder = Base64.getDecoder();
        long sink = 0;
        for (var line : lines) {
            var record = (Map<?, ?>) Json.parse(line);
            if (stage == 1) {
                sink += record.size();
                continue;
            }
            var canonical = CanonicalJson.write(record.get("entry"));
            if (stage == 2) {
                sink += canonical.length();
                continue;
            }
            byte[] bytes = canonical.getBytes(StandardCharsets.UTF_8);
            if (stage == 3) {
                sink += bytes.length;
                continue;
            }
            byte[] leaf = MerkleTree.leafHash(bytes);
            if (stage == 4) {
                sink += leaf[0];
                continue;
            }
            if (!MessageDigest.isEqual(decoder.decode((String) record.get("leafHash")), leaf)) {
                throw new IllegalStateException("leaf hash mismatch");
            }
            if (stage == 5) {
                sink++;
                continue;
            }
            tree.append(leaf);
        }
        return sink + tree.size();
    }
}

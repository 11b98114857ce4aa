package org.clearroom.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The standalone verifier: checks a Clearroom audit ledger with nothing but the JDK and the server's
 * published verifier key, so that nobody needs to trust the server (or our server code) to know that
 * its record is complete and unaltered. Exit status 0 when valid, 1 when not, 2 on bad usage or
 * unreadable input.
 */
public final class Verify {

    static final int VALID = 0;
    static final int NOT_VALID = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT =
            """
            clearroom-verify: check a Clearroom audit ledger without trusting the server

            Usage:
              java -jar clearroom-verify.jar export --entries FILE --checkpoint FILE --key VKEY
                  Recompute the Merkle tree from an export (GET /api/audit/export) and check that it
                  gives the root hash of the signed checkpoint (GET /api/audit/checkpoint).
              java -jar clearroom-verify.jar consistency --old CHECKPOINT --new CHECKPOINT --proof FILE --key VKEY
                  Check that the newer checkpoint only appended to the older one, with a proof from
                  GET /api/audit/proofs/consistency?from=OLD_SIZE&to=NEW_SIZE.
              java -jar clearroom-verify.jar evidence FILE.zip --key VKEY
                  Check an evidence package (GET /api/audit/evidence): every entry in it is proven to
                  be in the ledger exactly as recorded, under the signed checkpoint it carries.

            VKEY is the server's verifier key (GET /api/audit/key), as text or as a file holding it.
            Add --witness WKEY (repeatable) to also require a valid cosignature by each such witness
            on the checkpoint(s): the organisations that cosign the ledger publish their keys.
            Exit status: 0 valid, 1 not valid, 2 bad usage or unreadable input.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private List<CosignerKey> witnesses = List.of();

    Verify(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Verify(System.out, System.err).run(args));
    }

    /** Runs the verifier in this JVM: the exit status it would have, its report on {@code out}. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        return new Verify(out, err).run(args);
    }

    int run(String... args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.print(USAGE_TEXT);
            return args.length == 0 ? USAGE : VALID;
        }
        try {
            var options = options(args);
            witnesses = witnesses(options.get("witness"));
            return switch (args[0]) {
                case "export" -> export(
                        path(options, "entries"), path(options, "checkpoint"), key(required(options, "key")));
                case "evidence" -> evidence(evidenceFile(args), key(required(options, "key")));
                case "consistency" -> consistency(
                        path(options, "old"),
                        path(options, "new"),
                        path(options, "proof"),
                        key(required(options, "key")));
                default -> usage("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            return usage(e.getMessage());
        } catch (NoSuchFileException e) {
            err.println("cannot read " + e.getFile() + ": no such file");
            return USAGE;
        } catch (IOException e) {
            err.println("cannot read input: " + e.getMessage());
            return USAGE;
        }
    }

    private int export(Path entries, Path checkpointFile, VerifierKey key) throws IOException {
        var checkpoint = signedCheckpoint(checkpointFile, key);
        if (checkpoint == null) {
            return NOT_VALID;
        }
        long expected = 0;
        long lineNumber = 0;
        var tree = new MerkleTree.Builder();
        long total = Files.size(entries);
        long read = 0;
        int shown = -1;
        boolean progress = total > 8L * 1024 * 1024;
        try (BufferedReader reader = Files.newBufferedReader(entries, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null && expected < checkpoint.size()) {
                lineNumber++;
                read += line.length() + 1;
                if (line.isBlank()) {
                    continue;
                }
                // fast path: the server writes {"index":N,"entry":<leaf bytes>,"leafHash":"..."}; when the
                // bytes of the entry hash to the recorded leaf hash, they are the leaf, and the signed root
                // decides whether the leaf hashes are the ledger's
                byte[] leaf = fastLeaf(line, expected);
                if (leaf == null) {
                    Map<?, ?> record;
                    try {
                        if (!(Json.parse(line) instanceof Map<?, ?> map)) {
                            return notValid("line " + lineNumber + " of the export is not a JSON object");
                        }
                        record = map;
                    } catch (IllegalArgumentException e) {
                        return notValid("line " + lineNumber + " of the export is not valid JSON: " + e.getMessage());
                    }
                    if (!(record.get("index") instanceof Long index)
                            || !(record.get("entry") instanceof Map<?, ?> entry)) {
                        return notValid("line " + lineNumber + " of the export has no index and entry");
                    }
                    if (index != expected) {
                        return notValid(
                                index > expected
                                        ? "entry " + expected + " is missing from the export (the next one is " + index
                                                + ")"
                                        : "entry " + index + " appears again or out of order where entry " + expected
                                                + " was expected");
                    }
                    try {
                        leaf = MerkleTree.leafHash(CanonicalJson.write(entry).getBytes(StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        return notValid("entry " + index + " cannot be canonicalised: " + e.getMessage());
                    }
                    if (record.get("leafHash") instanceof String recorded
                            && !MessageDigest.isEqual(decode(recorded), leaf)) {
                        return notValid("entry " + index
                                + " was changed after it was recorded: its content no longer matches the hash"
                                + " the ledger holds for it");
                    }
                }
                tree.append(leaf);
                expected++;
                if (progress) {
                    int percent = (int) Math.min(100, read * 100 / total);
                    if (percent != shown) {
                        shown = percent;
                        err.printf("\rchecking entries: %3d%% (%,d entries)", percent, expected);
                    }
                }
            }
        }
        if (progress) {
            err.println();
        }
        if (expected < checkpoint.size()) {
            return notValid("the export holds " + expected + " entries, but the checkpoint covers " + checkpoint.size()
                    + ": entries are missing");
        }
        if (!MessageDigest.isEqual(tree.root(), checkpoint.rootHash())) {
            return notValid("the " + expected + " entries do not give the checkpoint's root hash: at least one"
                    + " of them was changed, removed, added or reordered since the checkpoint was signed");
        }
        out.println("VALID: the " + expected + " entries of " + checkpoint.origin()
                + " give exactly the root hash of the checkpoint signed by " + key.name() + cosigners() + ".");
        return VALID;
    }

    private static final String INDEX = "{\"index\":";
    private static final String ENTRY = ",\"entry\":";
    private static final String LEAF_HASH = ",\"leafHash\":\"";
    private static final int LEAF_HASH_BASE64 = 44;

    /**
     * The leaf hash of a line in exactly the server's layout whose index is {@code expected} and whose
     * entry bytes hash to its recorded leaf hash; null for anything else, which then takes the full
     * path (parse, canonicalise, compare) and gets a precise report.
     */
    private static byte[] fastLeaf(String line, long expected) {
        if (!line.startsWith(INDEX)) {
            return null;
        }
        int entryAt = line.indexOf(ENTRY, INDEX.length());
        int hashAt = line.length() - LEAF_HASH.length() - LEAF_HASH_BASE64 - 2;
        if (entryAt < 0 || hashAt <= entryAt || !line.startsWith(LEAF_HASH, hashAt) || !line.endsWith("\"}")) {
            return null;
        }
        var digits = line.substring(INDEX.length(), entryAt);
        if (!digits.equals(Long.toString(expected))) {
            return null;
        }
        var raw = line.substring(entryAt + ENTRY.length(), hashAt);
        byte[] leaf = MerkleTree.leafHash(raw.getBytes(StandardCharsets.UTF_8));
        byte[] recorded = decode(line.substring(hashAt + LEAF_HASH.length(), line.length() - 2));
        return MessageDigest.isEqual(recorded, leaf) ? leaf : null;
    }

    private int consistency(Path oldFile, Path newFile, Path proofFile, VerifierKey key) throws IOException {
        var older = signedCheckpoint(oldFile, key);
        var newer = signedCheckpoint(newFile, key);
        if (older == null || newer == null) {
            return NOT_VALID;
        }
        if (!older.origin().equals(newer.origin())) {
            return notValid("the checkpoints are of different logs: " + older.origin() + " and " + newer.origin());
        }
        Map<?, ?> proof;
        try {
            if (!(Json.parse(Files.readString(proofFile, StandardCharsets.UTF_8)) instanceof Map<?, ?> map)) {
                return usage("the proof file is not a JSON object");
            }
            proof = map;
        } catch (IllegalArgumentException e) {
            return usage("the proof file is not valid JSON: " + e.getMessage());
        }
        if (!(proof.get("from") instanceof Long from)
                || !(proof.get("to") instanceof Long to)
                || !(proof.get("hashes") instanceof List<?> encoded)) {
            return usage("the proof file needs from, to and hashes");
        }
        if (from != older.size() || to != newer.size()) {
            return notValid("the proof is from " + from + " to " + to + ", but the checkpoints have " + older.size()
                    + " and " + newer.size() + " entries");
        }
        var hashes = new ArrayList<byte[]>();
        for (var hash : encoded) {
            if (!(hash instanceof String text)) {
                return usage("the proof's hashes are base64 strings");
            }
            hashes.add(decode(text));
        }
        if (!MerkleTree.verifyConsistency(older.size(), newer.size(), older.rootHash(), newer.rootHash(), hashes)) {
            return notValid("the newer checkpoint (" + newer.size() + " entries) does not extend the older one ("
                    + older.size() + " entries): the log was rewritten, or the proof is wrong");
        }
        out.println("VALID: the log of " + newer.origin() + " grew from " + older.size() + " to " + newer.size()
                + " entries by appending only; both checkpoints are signed by " + key.name() + cosigners() + ".");
        return VALID;
    }

    private int evidence(Path file, VerifierKey key) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        try (var zip = new java.util.zip.ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            var manifestEntry = zip.getEntry("manifest.json");
            var evidenceEntry = zip.getEntry("evidence.jsonl");
            var checkpointEntry = zip.getEntry("checkpoint.txt");
            if (manifestEntry == null || evidenceEntry == null || checkpointEntry == null) {
                return notValid("the package lacks manifest.json, evidence.jsonl or checkpoint.txt");
            }
            Map<?, ?> manifest;
            try (var in = zip.getInputStream(manifestEntry)) {
                if (!(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                        instanceof Map<?, ?> m)) {
                    return notValid("manifest.json is not a JSON object");
                }
                manifest = m;
            } catch (IllegalArgumentException e) {
                return notValid("manifest.json is not valid JSON: " + e.getMessage());
            }
            if (!(manifest.get("files") instanceof Map<?, ?> files)) {
                return notValid("manifest.json lists no files");
            }
            for (var listed : files.entrySet()) {
                var entry = zip.getEntry(String.valueOf(listed.getKey()));
                if (entry == null) {
                    return notValid("the package lacks " + listed.getKey() + ", which its manifest lists");
                }
                try (var in = zip.getInputStream(entry)) {
                    var digest = MerkleTree.sha256();
                    in.transferTo(new java.security.DigestOutputStream(OutputStream.nullOutputStream(), digest));
                    if (!java.util.HexFormat.of().formatHex(digest.digest()).equals(listed.getValue())) {
                        return notValid(listed.getKey() + " was altered after the package was made");
                    }
                }
            }
            if (!files.containsKey("evidence.jsonl") || !files.containsKey("checkpoint.txt")) {
                return notValid("the manifest does not cover evidence.jsonl and checkpoint.txt");
            }
            var packagedKey = zip.getEntry("key.vkey");
            if (packagedKey != null) {
                try (var in = zip.getInputStream(packagedKey)) {
                    var text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                    if (!text.equals(key.encoded())) {
                        err.println("note: the package names another key than yours; only yours is trusted");
                    }
                }
            }
            SignedNote note;
            Checkpoint checkpoint;
            try (var in = zip.getInputStream(checkpointEntry)) {
                note = SignedNote.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                checkpoint = Checkpoint.parse(note.text());
            } catch (IllegalArgumentException e) {
                return notValid("checkpoint.txt is not a signed checkpoint: " + e.getMessage());
            }
            if (!note.verifiedBy(key)) {
                return notValid("the package's checkpoint is not signed by the key " + key.name());
            }
            if (!Long.valueOf(checkpoint.size()).equals(manifest.get("treeSize"))) {
                return notValid("the manifest's tree size does not match the checkpoint's");
            }
            long count = 0;
            try (var reader = new BufferedReader(
                    new java.io.InputStreamReader(zip.getInputStream(evidenceEntry), StandardCharsets.UTF_8))) {
                String line;
                long lineNumber = 0;
                while ((line = reader.readLine()) != null) {
                    lineNumber++;
                    if (line.isBlank()) {
                        continue;
                    }
                    Map<?, ?> record;
                    try {
                        if (!(Json.parse(line) instanceof Map<?, ?> map)) {
                            return notValid("line " + lineNumber + " of evidence.jsonl is not a JSON object");
                        }
                        record = map;
                    } catch (IllegalArgumentException e) {
                        return notValid(
                                "line " + lineNumber + " of evidence.jsonl is not valid JSON: " + e.getMessage());
                    }
                    if (!(record.get("index") instanceof Long index)
                            || !(record.get("entry") instanceof Map<?, ?> entry)
                            || !(record.get("proof") instanceof List<?> proofList)) {
                        return notValid("line " + lineNumber + " of evidence.jsonl lacks index, entry or proof");
                    }
                    byte[] leaf = MerkleTree.leafHash(CanonicalJson.write(entry).getBytes(StandardCharsets.UTF_8));
                    if (record.get("leafHash") instanceof String recorded
                            && !MessageDigest.isEqual(decode(recorded), leaf)) {
                        return notValid("entry " + index + " was changed after it was recorded");
                    }
                    var proof = new ArrayList<byte[]>();
                    for (var hash : proofList) {
                        proof.add(hash instanceof String text ? decode(text) : new byte[0]);
                    }
                    if (!MerkleTree.verifyInclusion(index, checkpoint.size(), leaf, proof, checkpoint.rootHash())) {
                        return notValid("entry " + index + " is not in the ledger as the checkpoint signed it");
                    }
                    count++;
                }
            }
            if (!Long.valueOf(count).equals(manifest.get("entries"))) {
                return notValid(
                        "the package holds " + count + " entries, but its manifest says " + manifest.get("entries"));
            }
            out.println("VALID: all " + count + " entries of the package are in the ledger of " + checkpoint.origin()
                    + " exactly as recorded, proven against its checkpoint of " + checkpoint.size()
                    + " entries signed by " + key.name() + cosigners() + ".");
            return VALID;
        } catch (java.util.zip.ZipException e) {
            // unreadable input, not evidence that fails: most often an error answer saved in its place
            String start;
            try (var in = Files.newInputStream(file)) {
                start = new String(in.readNBytes(300), StandardCharsets.UTF_8).strip();
            }
            err.println("cannot read " + file + ": it is not a zip file"
                    + (start.startsWith("{")
                            ? "; it holds JSON, likely the server's error answer instead of the package: "
                                    + start.replaceAll("\\s+", " ")
                            : ""));
            return USAGE;
        }
    }

    /** The checkpoint, if its note carries a valid signature of {@code key}; otherwise says why and answers null. */
    private Checkpoint signedCheckpoint(Path file, VerifierKey key) throws IOException {
        SignedNote note;
        Checkpoint checkpoint;
        try {
            note = SignedNote.parse(Files.readString(file, StandardCharsets.UTF_8));
            checkpoint = Checkpoint.parse(note.text());
        } catch (IllegalArgumentException e) {
            notValid(file + " is not a signed checkpoint: " + e.getMessage());
            return null;
        }
        if (!note.verifiedBy(key)) {
            notValid(file + " is not signed by the key " + key.name() + ": it may be forged or from another server");
            return null;
        }
        for (var witness : witnesses) {
            if (!Cosignature.verifiedBy(note, witness)) {
                notValid(file + " carries no valid cosignature of the witness " + witness.name());
                return null;
            }
        }
        return checkpoint;
    }

    private String cosigners() {
        return witnesses.isEmpty()
                ? ""
                : " and cosigned by "
                        + String.join(
                                ", ", witnesses.stream().map(CosignerKey::name).toList());
    }

    private int notValid(String why) {
        out.println("NOT VALID: " + why + ".");
        return NOT_VALID;
    }

    private int usage(String why) {
        err.println("clearroom-verify: " + why);
        err.println();
        err.print(USAGE_TEXT);
        return USAGE;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static List<CosignerKey> witnesses(String values) throws IOException {
        if (values == null) {
            return List.of();
        }
        var keys = new ArrayList<CosignerKey>();
        for (var value : values.split("\n")) {
            var text = value.contains("+") && !Files.isRegularFile(Path.of(value))
                    ? value
                    : Files.readString(Path.of(value), StandardCharsets.UTF_8);
            try {
                keys.add(CosignerKey.parse(text.strip()));
            } catch (IllegalArgumentException e) {
                throw new UsageException("the witness key is not valid: " + e.getMessage());
            }
        }
        return keys;
    }

    private static VerifierKey key(String value) throws IOException {
        var text = value;
        var asFile = Path.of(value);
        if (!value.contains("+") || Files.isRegularFile(asFile)) {
            text = Files.readString(asFile, StandardCharsets.UTF_8);
        }
        try {
            return VerifierKey.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new UsageException("the verifier key is not valid: " + e.getMessage());
        }
    }

    private static Path evidenceFile(String[] args) {
        if (args.length < 2 || args[1].startsWith("--")) {
            throw new UsageException("name the evidence package: evidence FILE.zip --key VKEY");
        }
        return Path.of(args[1]);
    }

    private static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (int i = args[0].equals("evidence") ? 2 : 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new UsageException("expected --option value pairs, got '" + args[i] + "'");
            }
            var name = args[i].substring(2);
            var value = args[++i];
            options.merge(name, value, (a, b) -> a + "\n" + b);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        var value = options.get(name);
        if (value == null) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    private static Path path(Map<String, String> options, String name) {
        return Path.of(required(options, name));
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}

package org.clearroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone verifier as a compliance officer runs it, on exports made the way the server makes them. */
class VerifyTest {

    private static final String ORIGIN = "clearroom.example/ledger";

    @TempDir
    Path dir;

    private KeyPair keys;
    private VerifierKey key;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void keys() {
        keys = Ed25519.generate();
        key = VerifierKey.of(ORIGIN, keys.getPublic());
    }

    private static Map<String, Object> entry(int i) {
        var actor = new LinkedHashMap<String, Object>();
        actor.put("account", "account-" + (i % 5));
        actor.put("organisation", null);
        var entry = new LinkedHashMap<String, Object>();
        entry.put("format", 1L);
        entry.put("id", "entry-" + i);
        entry.put("action", i % 2 == 0 ? "ROOM_CREATED" : "SIGN_IN");
        entry.put("actor", actor);
        entry.put("resource", "rooms/" + i + " \"quoted\" \u20ac");
        return entry;
    }

    private static byte[] leaf(Map<String, Object> entry) {
        return MerkleTree.leafHash(CanonicalJson.write(entry).getBytes(StandardCharsets.UTF_8));
    }

    /** Export lines as the server writes them, pretty-printed differently from JCS on purpose. */
    private static String line(long index, Map<String, Object> entry, boolean withLeafHash) {
        var json = CanonicalJson.write(entry).replace(",", ", ").replace(":", ": ");
        return "{\"index\": " + index + ", \"entry\": " + json
                + (withLeafHash ? ", \"leafHash\": \"" + Base64.getEncoder().encodeToString(leaf(entry)) + "\"" : "")
                + "}\n";
    }

    private Path checkpoint(List<Map<String, Object>> entries, int size, String name) throws IOException {
        var leaves = entries.subList(0, size).stream().map(VerifyTest::leaf).toList();
        var body = new Checkpoint(ORIGIN, size, MerkleTree.root(leaves)).body();
        var note = SignedNote.sign(body, key.name(), keys.getPrivate(), key);
        var file = dir.resolve(name);
        Files.writeString(file, note.encoded());
        return file;
    }

    private Path export(List<String> lines) throws IOException {
        var file = dir.resolve("export.jsonl");
        Files.writeString(file, String.join("", lines));
        return file;
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return new Verify(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String said() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private List<Map<String, Object>> entries(int n) {
        var list = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < n; i++) {
            list.add(entry(i));
        }
        return list;
    }

    private List<String> lines(List<Map<String, Object>> entries, boolean withLeafHash) {
        var lines = new ArrayList<String>();
        for (int i = 0; i < entries.size(); i++) {
            lines.add(line(i, entries.get(i), withLeafHash));
        }
        return lines;
    }

    @Test
    void anUntouchedExportVerifiesAgainstItsSignedCheckpoint() throws IOException {
        var entries = entries(37);
        var checkpoint = checkpoint(entries, 37, "checkpoint.txt");
        var export = export(lines(entries, true));

        assertThat(run(
                        "export",
                        "--entries",
                        export.toString(),
                        "--checkpoint",
                        checkpoint.toString(),
                        "--key",
                        key.encoded()))
                .isEqualTo(Verify.VALID);
        assertThat(said()).startsWith("VALID: the 37 entries");
    }

    @Test
    void entriesBeyondTheCheckpointAreNotItsConcern() throws IOException {
        var entries = entries(20);
        var checkpoint = checkpoint(entries, 12, "checkpoint.txt");
        assertThat(run(
                        "export",
                        "--entries",
                        export(lines(entries, false)).toString(),
                        "--checkpoint",
                        checkpoint.toString(),
                        "--key",
                        key.encoded()))
                .isEqualTo(Verify.VALID);
    }

    @Test
    void aChangedEntryIsNamedByItsIndex() throws IOException {
        var entries = entries(30);
        var checkpoint = checkpoint(entries, 30, "checkpoint.txt");
        var lines = lines(entries, true);
        var changed = entry(17);
        changed.put("action", "ROOM_DELETED");
        // the stored leaf hash stays what the ledger recorded; only the content was rewritten
        lines.set(
                17,
                line(17, changed, false)
                        .replace(
                                "}\n",
                                ", \"leafHash\": \"" + Base64.getEncoder().encodeToString(leaf(entries.get(17)))
                                        + "\"}\n"));

        assertThat(run(
                        "export",
                        "--entries",
                        export(lines).toString(),
                        "--checkpoint",
                        checkpoint.toString(),
                        "--key",
                        key.encoded()))
                .as("%s", said())
                .isEqualTo(Verify.NOT_VALID);
        assertThat(said()).contains("entry 17 was changed");
    }

    @Test
    void aChangedEntryWithoutRecordedHashesStillFailsTheRoot() throws IOException {
        var entries = entries(30);
        var checkpoint = checkpoint(entries, 30, "checkpoint.txt");
        var lines = lines(entries, false);
        var changed = entry(4);
        changed.put("resource", "rooms/else");
        lines.set(4, line(4, changed, false));

        assertThat(run(
                        "export",
                        "--entries",
                        export(lines).toString(),
                        "--checkpoint",
                        checkpoint.toString(),
                        "--key",
                        key.encoded()))
                .isEqualTo(Verify.NOT_VALID);
        assertThat(said()).contains("do not give the checkpoint's root hash");
    }

    @Test
    void aDeletedEntryIsNamed() throws IOException {
        var entries = entries(30);
        var checkpoint = checkpoint(entries, 30, "checkpoint.txt");
        var lines = lines(entries, true);
        lines.remove(9);

        assertThat(run(
                        "export",
                        "--entries",
                        export(lines).toString(),
                        "--checkpoint",
                        checkpoint.toString(),
                        "--key",
                        key.encoded()))
                .isEqualTo(Verify.NOT_VALID);
        assertThat(said()).contains("entry 9 is missing");
    }

    @Test
    void swappedEntriesAreNamed() throws IOException {
        var entries = entries(30);
        var checkpoint = checkpoint(entries, 30, "checkpoint.txt");
        var swapped = new ArrayList<>(entries);
        swapped.set(5, entries.get(6));
        swapped.set(6, entries.get(5));

        assertThat(run(
                        "export",
                        "--entries",
                        export(lines(swapped, true)).toString(),
                        "--checkpoint",
                        checkpoint.toString(),
                        "--key",
                        key.encoded()))
                .isEqualTo(Verify.NOT_VALID);
        assertThat(said()).contains("do not give the checkpoint's root hash");

        var renumbered = lines(entries, true);
        var five = renumbered.get(5);
        renumbered.set(5, renumbered.get(6));
        renumbered.set(6, five);
        assertThat(run(
                        "export",
                        "--entries",
                        export(renumbered).toString(),
                        "--checkpoint",
                        checkpoint.toString(),
                        "--key",
                        key.encoded()))
                .isEqualTo(Verify.NOT_VALID);
        assertThat(said()).contains("entry 5 is missing");
    }

    @Test
    void aShortExportIsNotValid() throws IOException {
        var entries = entries(10);
        var checkpoint = checkpoint(entries, 10, "checkpoint.txt");
        assertThat(run(
                        "export",
                        "--entries",
                        export(lines(entries.subList(0, 8), true)).toString(),
                        "--checkpoint",
                        checkpoint.toString(),
                        "--key",
                        key.encoded()))
                .isEqualTo(Verify.NOT_VALID);
        assertThat(said()).contains("holds 8 entries, but the checkpoint covers 10");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused() throws IOException {
        var entries = entries(5);
        var checkpoint = checkpoint(entries, 5, "checkpoint.txt");
        var other = VerifierKey.of(ORIGIN, Ed25519.generate().getPublic());
        assertThat(run(
                        "export",
                        "--entries",
                        export(lines(entries, true)).toString(),
                        "--checkpoint",
                        checkpoint.toString(),
                        "--key",
                        other.encoded()))
                .isEqualTo(Verify.NOT_VALID);
        assertThat(said()).contains("is not signed by the key");
    }

    @Test
    void theKeyMayBeAFile() throws IOException {
        var entries = entries(3);
        var checkpoint = checkpoint(entries, 3, "checkpoint.txt");
        var keyFile = dir.resolve("server.vkey");
        Files.writeString(keyFile, key.encoded() + "\n");
        assertThat(run(
                        "export",
                        "--entries",
                        export(lines(entries, true)).toString(),
                        "--checkpoint",
                        checkpoint.toString(),
                        "--key",
                        keyFile.toString()))
                .isEqualTo(Verify.VALID);
    }

    @Test
    void appendOnlyGrowthVerifiesAndARewriteDoesNot() throws IOException {
        var entries = entries(40);
        var older = checkpoint(entries, 13, "old.txt");
        var newer = checkpoint(entries, 40, "new.txt");
        var leaves = entries.stream().map(VerifyTest::leaf).toList();
        var proof = dir.resolve("proof.json");
        Files.writeString(proof, proofJson(13, 40, MerkleTree.consistencyProof(leaves, 13, 40)));

        assertThat(run(
                        "consistency",
                        "--old",
                        older.toString(),
                        "--new",
                        newer.toString(),
                        "--proof",
                        proof.toString(),
                        "--key",
                        key.encoded()))
                .isEqualTo(Verify.VALID);
        assertThat(said()).contains("grew from 13 to 40 entries by appending only");

        var rewritten = new ArrayList<>(entries);
        rewritten.set(2, entry(99));
        var forged = checkpoint(rewritten, 40, "forged.txt");
        var forgedLeaves = rewritten.stream().map(VerifyTest::leaf).toList();
        Files.writeString(proof, proofJson(13, 40, MerkleTree.consistencyProof(forgedLeaves, 13, 40)));
        assertThat(run(
                        "consistency",
                        "--old",
                        older.toString(),
                        "--new",
                        forged.toString(),
                        "--proof",
                        proof.toString(),
                        "--key",
                        key.encoded()))
                .isEqualTo(Verify.NOT_VALID);
        assertThat(said()).contains("does not extend the older one");
    }

    @Test
    void badUsageExitsWithTwo() throws IOException {
        assertThat(run()).isEqualTo(Verify.USAGE);
        assertThat(run("frobnicate")).isEqualTo(Verify.USAGE);
        assertThat(run("export", "--entries")).isEqualTo(Verify.USAGE);
        assertThat(run("export", "--entries", "x.jsonl", "--checkpoint", "y.txt"))
                .isEqualTo(Verify.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--key is required");
        assertThat(run(
                        "export",
                        "--entries",
                        dir.resolve("missing").toString(),
                        "--checkpoint",
                        "y",
                        "--key",
                        key.encoded()))
                .isEqualTo(Verify.USAGE);
        assertThat(run("export", "--entries", "a", "--checkpoint", "b", "--key", "not+a+key"))
                .isEqualTo(Verify.USAGE);
        assertThat(run("--help")).isEqualTo(Verify.VALID);
    }

    @Test
    void aFileThatIsNoZipIsUnreadableInputAndAnErrorAnswerIsRecognised() throws IOException {
        var saved = dir.resolve("evidence.zip");
        Files.writeString(
                saved,
                "{\"type\":\"https://clearroom.org/problems/invalid-input\",\"status\":400,"
                        + "\"detail\":\"organisation: is required\"}");
        assertThat(run("evidence", saved.toString(), "--key", key.encoded())).isEqualTo(Verify.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("is not a zip file")
                .contains("error answer")
                .contains("organisation: is required");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("VALID");
    }

    private static String proofJson(int from, int to, List<byte[]> hashes) {
        var encoded = hashes.stream()
                .map(h -> "\"" + Base64.getEncoder().encodeToString(h) + "\"")
                .toList();
        return "{\"from\": " + from + ", \"to\": " + to + ", \"hashes\": [" + String.join(", ", encoded) + "]}";
    }

    @Test
    void aWitnessKeyRequiresItsValidCosignature() throws IOException {
        var entries = entries(6);
        var checkpointFile = checkpoint(entries, 6, "checkpoint.txt");
        var note = SignedNote.parse(Files.readString(checkpointFile));
        var witnessKeys = Ed25519.generate();
        var witness = CosignerKey.of("witness.example/w1", witnessKeys.getPublic());
        var cosigned = note.with(Cosignature.sign(note.text(), witness, witnessKeys.getPrivate(), 1_790_000_000L)
                .toSignature());
        Files.writeString(checkpointFile, cosigned.encoded());
        var export = export(lines(entries, true)).toString();

        assertThat(run(
                        "export",
                        "--entries",
                        export,
                        "--checkpoint",
                        checkpointFile.toString(),
                        "--key",
                        key.encoded(),
                        "--witness",
                        witness.encoded()))
                .isEqualTo(Verify.VALID);
        assertThat(said()).contains("cosigned by witness.example/w1");

        var absent = CosignerKey.of("witness.example/w2", Ed25519.generate().getPublic());
        assertThat(run(
                        "export",
                        "--entries",
                        export,
                        "--checkpoint",
                        checkpointFile.toString(),
                        "--key",
                        key.encoded(),
                        "--witness",
                        witness.encoded(),
                        "--witness",
                        absent.encoded()))
                .isEqualTo(Verify.NOT_VALID);
        assertThat(said()).contains("no valid cosignature of the witness witness.example/w2");
    }

    /** A line exactly as the server writes it: compact, entry bytes verbatim. */
    private static String serverLine(long index, Map<String, Object> entry) {
        return "{\"index\":" + index + ",\"entry\":" + CanonicalJson.write(entry) + ",\"leafHash\":\""
                + Base64.getEncoder().encodeToString(leaf(entry)) + "\"}\n";
    }

    @Test
    void theServersOwnLayoutTakesTheFastPathAndStillNamesAChangedEntry() throws IOException {
        var entries = entries(50);
        var checkpoint = checkpoint(entries, 50, "checkpoint.txt");
        var lines = new ArrayList<String>();
        for (int i = 0; i < entries.size(); i++) {
            lines.add(serverLine(i, entries.get(i)));
        }
        assertThat(run(
                        "export",
                        "--entries",
                        export(lines).toString(),
                        "--checkpoint",
                        checkpoint.toString(),
                        "--key",
                        key.encoded()))
                .isEqualTo(Verify.VALID);

        var changed = entry(21);
        changed.put("resource", "rooms/rewritten");
        lines.set(
                21,
                serverLine(21, changed)
                        .replaceFirst(
                                "\"leafHash\":\"[^\"]+\"",
                                "\"leafHash\":\"" + Base64.getEncoder().encodeToString(leaf(entries.get(21))) + "\""));
        assertThat(run(
                        "export",
                        "--entries",
                        export(lines).toString(),
                        "--checkpoint",
                        checkpoint.toString(),
                        "--key",
                        key.encoded()))
                .isEqualTo(Verify.NOT_VALID);
        assertThat(said()).contains("entry 21 was changed");

        lines.set(21, serverLine(21, entries.get(21)));
        lines.remove(30);
        assertThat(run(
                        "export",
                        "--entries",
                        export(lines).toString(),
                        "--checkpoint",
                        checkpoint.toString(),
                        "--key",
                        key.encoded()))
                .isEqualTo(Verify.NOT_VALID);
        assertThat(said()).contains("entry 30 is missing");
    }
}

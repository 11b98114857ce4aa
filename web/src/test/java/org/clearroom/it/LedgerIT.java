package org.clearroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.clearroom.audit.CanonicalJson;
import org.clearroom.audit.Checkpoint;
import org.clearroom.audit.MerkleTree;
import org.clearroom.audit.SignedNote;
import org.clearroom.audit.VerifierKey;
import org.clearroom.audit.Verify;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger as a compliance officer and a regulator check it: signed checkpoints, proofs, exports. */
class LedgerIT extends ClearroomDeployment {

    @TempDir
    Path dir;

    private String admin;
    private String compliance;

    @BeforeEach
    void accounts() {
        admin = api.admin();
        compliance = api.complianceOfficer(admin);
    }

    private VerifierKey key() {
        var reply = api.get("api/audit/key", null);
        assertThat(reply.status()).isEqualTo(200);
        return VerifierKey.parse(reply.body().strip());
    }

    /** The latest checkpoint once it covers every entry recorded so far (bounded wait). */
    private SignedNote checkpointCoveringEverything() throws Exception {
        long recorded = count("select count(*) from audit_entry");
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            var reply = api.get("api/audit/checkpoint", admin);
            if (reply.status() == 200) {
                var note = SignedNote.parse(reply.body());
                if (Checkpoint.parse(note.text()).size() >= recorded) {
                    return note;
                }
            }
            assertThat(Instant.now())
                    .as("checkpoint catches up with %d entries", recorded)
                    .isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    @Test
    void theCheckpointIsSignedByTheServedKeyAndCoversEveryEntry() throws Exception {
        api.createRoom(admin, Api.unique("Signed"), "FORUM");
        var note = checkpointCoveringEverything();
        var key = key();
        assertThat(key.name()).isEqualTo("clearroom.test/ledger");
        assertThat(note.verifiedBy(key)).isTrue();
        var checkpoint = Checkpoint.parse(note.text());
        assertThat(checkpoint.origin()).isEqualTo("clearroom.test/ledger");
        assertThat(count("select count(*) from audit_pending"))
                .isLessThanOrEqualTo(count("select count(*) from audit_entry") - checkpoint.size());
        assertThat(api.get("api/audit/checkpoint", null).status()).isEqualTo(401);
    }

    @Test
    void inclusionProofsOfEntriesVerifyAgainstTheCheckpoint() throws Exception {
        api.createRoom(admin, Api.unique("Included"), "FORUM");
        var checkpoint = Checkpoint.parse(checkpointCoveringEverything().text());
        long size = checkpoint.size();
        for (long index : List.of(0L, size / 3, size / 2, size - 1)) {
            var reply = api.get("api/audit/proofs/inclusion?index=" + index + "&treeSize=" + size, admin);
            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            var json = reply.json();
            var hashes = json.getJsonArray("hashes").getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(s -> Base64.getDecoder().decode(s.getString()))
                    .toList();
            var leaf = Base64.getDecoder().decode(json.getString("leafHash"));
            assertThat(MerkleTree.verifyInclusion(index, size, leaf, hashes, checkpoint.rootHash()))
                    .isTrue();
        }
        assertThat(api.get("api/audit/proofs/inclusion?index=0&treeSize=" + (size + 1_000_000), admin)
                        .status())
                .isEqualTo(400);
        assertThat(api.get("api/audit/proofs/inclusion?index=x&treeSize=1", admin)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aLaterCheckpointProvablyOnlyAppended() throws Exception {
        var older = Checkpoint.parse(checkpointCoveringEverything().text());
        api.createRoom(admin, Api.unique("Appended"), "FORUM");
        var newerNote = checkpointCoveringEverything();
        var newer = Checkpoint.parse(newerNote.text());
        assertThat(newer.size()).isGreaterThan(older.size());
        var reply = api.get("api/audit/proofs/consistency?from=" + older.size() + "&to=" + newer.size(), admin);
        assertThat(reply.status()).isEqualTo(200);
        var hashes = reply.json().getJsonArray("hashes").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(s -> Base64.getDecoder().decode(s.getString()))
                .toList();
        assertThat(MerkleTree.verifyConsistency(older.size(), newer.size(), older.rootHash(), newer.rootHash(), hashes))
                .isTrue();
    }

    private Path export(Path file) throws Exception {
        var reply = api.get("api/audit/export", compliance);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/x-ndjson");
        Files.writeString(file, reply.body());
        return file;
    }

    private record Verdict(int status, String report) {}

    private Verdict verify(Path entries, SignedNote note) throws Exception {
        var checkpoint = Files.writeString(dir.resolve("checkpoint.txt"), note.encoded());
        var out = new ByteArrayOutputStream();
        int status = Verify.execute(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                "export",
                "--entries",
                entries.toString(),
                "--checkpoint",
                checkpoint.toString(),
                "--key",
                key().encoded());
        return new Verdict(status, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void onlyComplianceExportsAndTheExportVerifies() throws Exception {
        api.createRoom(admin, Api.unique("Exported"), "FORUM");
        assertThat(api.get("api/audit/export", admin).status()).isEqualTo(403);
        var note = checkpointCoveringEverything();
        var verdict = verify(export(dir.resolve("export.jsonl")), note);
        assertThat(verdict.status()).as(verdict.report()).isZero();
        assertThat(verdict.report()).startsWith("VALID");
        assertThat(count("select count(*) from audit_entry where action = 'LEDGER_EXPORTED'"))
                .isPositive();
    }

    /** Runs {@code tamper}, exports, restores with {@code restore}: other tests never see the damage. */
    private Verdict tampered(String tamper, String restore) throws Exception {
        var note = checkpointCoveringEverything();
        // as the schema's owner, a superuser: the server's own login can do none of this (AuditIT)
        try (var connection = owner();
                var statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica"); // bypasses the append-only triggers
            statement.execute(tamper);
            try {
                return verify(export(dir.resolve("tampered.jsonl")), note);
            } finally {
                statement.execute(restore);
            }
        }
    }

    @Test
    void aModifiedEntryFailsVerificationAtItsIndex() throws Exception {
        api.createRoom(admin, Api.unique("Modified"), "FORUM");
        checkpointCoveringEverything();
        var target = "(select entry_id from ledger_leaf where idx = 3)";
        var verdict = tampered(
                "update audit_entry set canonical = replace(canonical, '\"action\":\"', '\"action\":\"X') where id = "
                        + target,
                "update audit_entry set canonical = replace(canonical, '\"action\":\"X', '\"action\":\"') where id = "
                        + target);
        assertThat(verdict.status()).isEqualTo(1);
        assertThat(verdict.report()).contains("entry 3 was changed");
    }

    @Test
    void aDeletedEntryFailsVerificationAtItsIndex() throws Exception {
        checkpointCoveringEverything();
        var verdict = tampered(
                "create temporary table saved as select * from audit_entry where id = (select entry_id from ledger_leaf where idx = 2);"
                        + " delete from audit_entry where id = (select id from saved)",
                "insert into audit_entry select * from saved; drop table saved");
        assertThat(verdict.status()).isEqualTo(1);
        assertThat(verdict.report()).contains("entry 2 is missing");
    }

    @Test
    void swappedEntriesFailVerificationAtTheFirstOfThem() throws Exception {
        checkpointCoveringEverything();
        var swap = "update audit_entry e set canonical = o.canonical from audit_entry o, ledger_leaf a, ledger_leaf b"
                + " where a.idx = 4 and b.idx = 5 and ((e.id = a.entry_id and o.id = b.entry_id)"
                + " or (e.id = b.entry_id and o.id = a.entry_id))";
        var verdict = tampered(swap, swap);
        assertThat(verdict.status()).isEqualTo(1);
        assertThat(verdict.report()).contains("entry 4 was changed");
    }

    @Test
    void anEntryAlteredTogetherWithItsLeafHashFailsAgainstTheSignedRoot() throws Exception {
        // the attacker recomputes the stored leaf hash, so only the Merkle tree can tell
        api.createRoom(admin, Api.unique("Rehashed"), "FORUM");
        checkpointCoveringEverything();
        var entry = "(select entry_id from ledger_leaf where idx = 3)";
        var rehash = "update ledger_leaf set leaf_hash = sha256('\\x00'::bytea || convert_to((select canonical from"
                + " audit_entry where id = " + entry + "), 'UTF8')) where idx = 3";
        var verdict = tampered(
                "update audit_entry set canonical = replace(canonical, '\"action\":\"', '\"action\":\"X') where id = "
                        + entry + "; " + rehash,
                "update audit_entry set canonical = replace(canonical, '\"action\":\"X', '\"action\":\"') where id = "
                        + entry + "; " + rehash);
        assertThat(verdict.status()).as(verdict.report()).isEqualTo(1);
        assertThat(verdict.report()).contains("do not give the checkpoint's root hash");
    }

    @Test
    void anEvidencePackageAlteredWithItsManifestRecomputedFailsOnItsProofs() throws Exception {
        var org = api.createOrganisation(admin, Api.unique("Reforged"), "CARRIER");
        var username = Api.unique("rex").toLowerCase();
        api.createAccount(admin, username, org);
        var member = api.signIn(username, Api.PASSWORD);
        checkpointCoveringEverything();
        var genuine = evidence(member, org, dir.resolve("genuine.zip"));
        assertThat(verifyEvidence(genuine).status()).isZero();

        // every check an attacker can redo is redone: the entry's own leaf hash and the manifest's digests
        var forged = dir.resolve("forged.zip");
        try (var in = new java.util.zip.ZipFile(genuine.toFile());
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(forged))) {
            var lines = new String(
                            in.getInputStream(in.getEntry("evidence.jsonl")).readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            var rewritten = new StringBuilder();
            for (var line : lines) {
                var record = jakarta.json.Json.createReader(new java.io.StringReader(line))
                        .readObject();
                var entry = record.getJsonObject("entry");
                if (entry.getString("action").equals("SIGN_IN")) {
                    entry = jakarta.json.Json.createObjectBuilder(entry)
                            .add("action", "SIGN_OUT")
                            .build();
                }
                var canonical = CanonicalJson.write(plain(entry));
                var leaf = MerkleTree.leafHash(canonical.getBytes(StandardCharsets.UTF_8));
                rewritten
                        .append(jakarta.json.Json.createObjectBuilder(record)
                                .add("entry", entry)
                                .add("leafHash", Base64.getEncoder().encodeToString(leaf))
                                .build())
                        .append('\n');
            }
            var evidenceBytes = rewritten.toString().getBytes(StandardCharsets.UTF_8);
            @SuppressWarnings("unchecked")
            var manifest = new java.util.LinkedHashMap<String, Object>((java.util.Map<String, Object>)
                    plain(jakarta.json.Json.createReader(in.getInputStream(in.getEntry("manifest.json")))
                            .readObject()));
            @SuppressWarnings("unchecked")
            var files =
                    new java.util.LinkedHashMap<String, Object>((java.util.Map<String, Object>) manifest.get("files"));
            files.put(
                    "evidence.jsonl",
                    java.util.HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(evidenceBytes)));
            manifest.put("files", files);
            for (var entry : java.util.Collections.list(in.entries())) {
                var bytes =
                        switch (entry.getName()) {
                            case "evidence.jsonl" -> evidenceBytes;
                            case "manifest.json" -> (CanonicalJson.write(manifest) + "\n")
                                    .getBytes(StandardCharsets.UTF_8);
                            default -> in.getInputStream(entry).readAllBytes();
                        };
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        var verdict = verifyEvidence(forged);
        assertThat(verdict.status()).as(verdict.report()).isEqualTo(1);
        assertThat(verdict.report()).contains("is not in the ledger as the checkpoint signed it");
    }

    /** A JSON value as the maps, lists, strings, longs and booleans that CanonicalJson writes. */
    private static Object plain(jakarta.json.JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                var map = new java.util.LinkedHashMap<String, Object>();
                value.asJsonObject().forEach((name, member) -> map.put(name, plain(member)));
                yield map;
            }
            case ARRAY -> value.asJsonArray().stream().map(LedgerIT::plain).toList();
            case STRING -> ((jakarta.json.JsonString) value).getString();
            case NUMBER -> ((jakarta.json.JsonNumber) value).longValueExact();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    @Test
    void complianceSearchesFiltersAndPagesAndEverySearchIsRecorded() throws Exception {
        var org = api.createOrganisation(admin, Api.unique("Searched"), "CARRIER");
        var username = Api.unique("sam").toLowerCase();
        var account = api.createAccount(admin, username, org);
        var member = api.signIn(username, Api.PASSWORD);
        api.get("api/me", member);
        for (int i = 0; i < 3; i++) {
            api.signIn(username, Api.PASSWORD);
        }
        long searchesBefore = count("select count(*) from audit_entry where action = 'AUDIT_SEARCHED'");

        var all = api.get("api/audit/entries?account=" + account, compliance);
        assertThat(all.status()).as("%s", all).isEqualTo(200);
        var entries = all.json().getJsonArray("entries");
        assertThat(entries.size()).isEqualTo(5); // created, and four sign-ins
        assertThat(entries.getJsonObject(0).getJsonObject("entry").getString("action"))
                .isEqualTo("SIGN_IN");

        var signIns = api.get("api/audit/entries?account=" + account + "&action=SIGN_IN&limit=2", compliance)
                .json();
        assertThat(signIns.getJsonArray("entries")).hasSize(2);
        var next = signIns.getString("next");
        var second = api.get(
                        "api/audit/entries?account=" + account + "&action=SIGN_IN&limit=2&cursor=" + next, compliance)
                .json();
        assertThat(second.getJsonArray("entries")).hasSize(2);
        assertThat(second.containsKey("next")).isFalse();
        assertThat(second.getJsonArray("entries")
                        .getJsonObject(0)
                        .getJsonObject("entry")
                        .getString("id"))
                .isNotEqualTo(signIns.getJsonArray("entries")
                        .getJsonObject(1)
                        .getJsonObject("entry")
                        .getString("id"));

        var byOrganisation = api.get("api/audit/entries?organisation=" + org + "&resource=organisations/*", compliance)
                .json();
        assertThat(byOrganisation.getJsonArray("entries")).hasSize(1);

        assertThat(api.get("api/audit/entries", admin).status()).isEqualTo(403);
        assertThat(api.get("api/audit/entries", member).status()).isEqualTo(403);
        var bad = api.get("api/audit/entries?action=NOPE&from=yesterday&limit=0", compliance);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("action").contains("from").contains("limit");
        assertThat(count("select count(*) from audit_entry where action = 'AUDIT_SEARCHED'") - searchesBefore)
                .isEqualTo(4);
    }

    private Verdict verifyEvidence(Path zip) throws Exception {
        var out = new ByteArrayOutputStream();
        int status = Verify.execute(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                "evidence",
                zip.toString(),
                "--key",
                key().encoded());
        return new Verdict(status, out.toString(StandardCharsets.UTF_8));
    }

    private Path evidence(String token, String organisation, Path file) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(api.uri("api/audit/evidence?organisation=" + organisation))
                .header("Authorization", "Bearer " + token)
                .build();
        var response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofFile(file));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        return file;
    }

    @Test
    void anOrganisationsEvidencePackageVerifiesOffline() throws Exception {
        var org = api.createOrganisation(admin, Api.unique("Evidenced"), "CARRIER");
        var username = Api.unique("eve").toLowerCase();
        api.createAccount(admin, username, org);
        var member = api.signIn(username, Api.PASSWORD);
        api.createRoom(admin, Api.unique("Evidence room"), "DOCUMENTS");
        checkpointCoveringEverything();

        var own = verifyEvidence(evidence(member, org, dir.resolve("own.zip")));
        assertThat(own.status()).as(own.report()).isZero();
        // its creation, its account's creation, the member's sign-in, and every change of a rule naming its
        // kind (other tests grant some on this shared server)
        long kindRules = count("select count(*) from audit_entry where resource in"
                + " (select 'rules/' || id from access_rule where principal_type = 'ORG_KIND'"
                + " and principal_kind = 'CARRIER')");
        assertThat(own.report()).startsWith("VALID: all " + (3 + kindRules) + " entries");

        var byCompliance = verifyEvidence(evidence(compliance, org, dir.resolve("compliance.zip")));
        assertThat(byCompliance.status()).as(byCompliance.report()).isZero();

        var other = api.createOrganisation(admin, Api.unique("Other"), "VENDOR");
        assertThat(api.get("api/audit/evidence?organisation=" + other, member).status())
                .isEqualTo(403);
        assertThat(api.get("api/audit/evidence?organisation=" + java.util.UUID.randomUUID(), compliance)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("api/audit/evidence?organisation=nope", compliance).status())
                .as("no id this server could have issued")
                .isEqualTo(400);
        assertThat(count(
                        "select count(*) from audit_entry where action = 'EVIDENCE_EXPORTED' and resource = ?",
                        "organisations/" + org))
                .isEqualTo(2);

        // a package altered after download no longer verifies
        var altered = dir.resolve("altered.zip");
        try (var in = new java.util.zip.ZipFile(dir.resolve("own.zip").toFile());
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(altered))) {
            for (var entry : java.util.Collections.list(in.entries())) {
                var bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("evidence.jsonl")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8)
                            .replace("SIGN_IN", "SIGN_OUT")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        var verdict = verifyEvidence(altered);
        assertThat(verdict.status()).isEqualTo(1);
        assertThat(verdict.report()).contains("evidence.jsonl was altered");
    }
}

package org.clearroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonString;
import java.security.KeyPair;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.clearroom.audit.Checkpoint;
import org.clearroom.audit.Cosignature;
import org.clearroom.audit.CosignerKey;
import org.clearroom.audit.Ed25519;
import org.clearroom.audit.MerkleTree;
import org.clearroom.audit.SignedNote;
import org.clearroom.audit.VerifierKey;
import org.clearroom.audit.control.LedgerStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Organisations witness the ledger (C2SP tlog-cosignature): they register a cosigning key, an operator
 * approves it, and their witness checks each new checkpoint against the last one it cosigned before
 * cosigning it; the checkpoint then carries every organisation's cosignature.
 */
class CosigningIT extends ClearroomDeployment {

    private String admin;

    @BeforeEach
    void operator() {
        admin = api.admin();
    }

    /** A witness as another organisation runs it: its own key, an account of its organisation, its state. */
    private final class TestWitness {
        final KeyPair keys = Ed25519.generate();
        final String organisationId;
        final String token;
        final CosignerKey key;
        String id;
        long lastSize = -1;
        byte[] lastRoot;
        Long provedFrom;

        TestWitness(String kind) {
            organisationId = api.createOrganisation(admin, Api.unique(kind), kind);
            var username = Api.unique("witness").toLowerCase();
            api.createAccount(admin, username, organisationId);
            token = api.signIn(username, Api.PASSWORD);
            key = CosignerKey.of("witness." + username + ".example/w1", keys.getPublic());
        }

        Reply register() {
            var reply = api.post("api/audit/witnesses", token, Api.object("vkey", key.encoded()));
            if (reply.status() == 201) {
                id = reply.json().getString("id");
            }
            return reply;
        }

        TestWitness registered() {
            assertThat(register().status()).isEqualTo(201);
            return this;
        }

        TestWitness approved() {
            registered();
            var reply = api.post("api/audit/witnesses/" + id + "/approve", admin, "");
            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            assertThat(reply.json().getString("status")).isEqualTo("APPROVED");
            return this;
        }

        /**
         * The witness's round: read the latest checkpoint, check the server's signature, prove it extends
         * the last checkpoint this witness cosigned (read back from the server, checked against the
         * witness's own cosignature on it and against its own memory), cosign it and post the line.
         */
        Reply cosignLatest(VerifierKey server) {
            var status = api.get("api/audit/witnesses/" + id, token);
            assertThat(status.status()).as("%s", status).isEqualTo(200);
            var note = SignedNote.parse(api.get("api/audit/checkpoint", token).body());
            assertThat(note.verifiedBy(server)).isTrue();
            var checkpoint = Checkpoint.parse(note.text());
            provedFrom = null;
            if (status.json().containsKey("lastCosignedSize")) {
                long last = status.json().getJsonNumber("lastCosignedSize").longValueExact();
                var previous = SignedNote.parse(
                        api.get("api/audit/checkpoints/" + last, token).body());
                assertThat(previous.verifiedBy(server)).isTrue();
                assertThat(Cosignature.verifiedBy(previous, key))
                        .as("the server serves the checkpoint this witness cosigned")
                        .isTrue();
                var previousCheckpoint = Checkpoint.parse(previous.text());
                assertThat(last).isEqualTo(lastSize);
                assertThat(previousCheckpoint.rootHash()).isEqualTo(lastRoot);
                assertThat(checkpoint.size()).isGreaterThanOrEqualTo(last);
                if (checkpoint.size() > last) {
                    var proof =
                            api.get("api/audit/proofs/consistency?from=" + last + "&to=" + checkpoint.size(), token);
                    assertThat(proof.status()).as("%s", proof).isEqualTo(200);
                    var hashes = proof.json().getJsonArray("hashes").getValuesAs(JsonString.class).stream()
                            .map(s -> Base64.getDecoder().decode(s.getString()))
                            .toList();
                    assertThat(MerkleTree.verifyConsistency(
                                    last, checkpoint.size(), lastRoot, checkpoint.rootHash(), hashes))
                            .as("checkpoint %d extends %d", checkpoint.size(), last)
                            .isTrue();
                    provedFrom = last;
                }
            }
            var cosignature = Cosignature.sign(note.text(), key, keys.getPrivate(), Instant.now());
            var reply = post(checkpoint.size(), cosignature.line());
            if (reply.status() == 201 || reply.status() == 200) {
                lastSize = checkpoint.size();
                lastRoot = checkpoint.rootHash();
            }
            return reply;
        }

        Reply post(long checkpointSize, String signature) {
            return postAs(token, checkpointSize, signature);
        }

        long stored() throws Exception {
            return count("select count(*) from cosignature where witness_id = ?", id);
        }

        long audited(String action) throws Exception {
            return count(
                    "select count(*) from audit_entry where action = ? and resource = ?", action, "witnesses/" + id);
        }
    }

    private Reply postAs(String token, long checkpointSize, String signature) {
        var body = Json.createObjectBuilder()
                .add("checkpointSize", checkpointSize)
                .add("signature", signature)
                .build();
        return api.post("api/audit/cosignatures", token, body.toString());
    }

    private VerifierKey serverKey() {
        return VerifierKey.parse(api.get("api/audit/key", null).body().strip());
    }

    /** The latest checkpoint once it is larger than {@code size} (bounded wait). */
    private SignedNote checkpointAbove(long size) {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            var reply = api.get("api/audit/checkpoint", admin);
            if (reply.status() == 200) {
                var note = SignedNote.parse(reply.body());
                if (Checkpoint.parse(note.text()).size() > size) {
                    return note;
                }
            }
            assertThat(Instant.now()).as("a checkpoint larger than %d", size).isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    /**
     * Holds the sequencer's advisory lock, so no checkpoint is signed until closed: both witnesses then
     * see the same latest checkpoint, although each accepted cosignature is itself a new audit entry.
     */
    private static Connection freezeLedger() throws Exception {
        var connection = database();
        try (var statement = connection.createStatement()) {
            statement.execute("select pg_advisory_lock(" + LedgerStore.SEQUENCER_LOCK + ")");
        }
        return connection;
    }

    private static void assertProblem(Reply reply, int status, String field) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        var problem = reply.json();
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("detail")).isNotBlank();
        if (field != null) {
            var fields = problem.getJsonArray("errors").stream()
                    .map(e -> e.asJsonObject().getString("field"))
                    .toList();
            assertThat(fields).contains(field);
        }
    }

    private SignedNote latest() {
        return SignedNote.parse(api.get("api/audit/checkpoint", admin).body());
    }

    private static List<Long> checkpointSizes(int newest) throws Exception {
        try (var connection = database();
                var statement = connection.prepareStatement(
                        "select tree_size from ledger_checkpoint where tree_size > 0 order by tree_size desc limit ?")) {
            statement.setInt(1, newest);
            try (var rs = statement.executeQuery()) {
                var sizes = new java.util.ArrayList<Long>();
                while (rs.next()) {
                    sizes.add(rs.getLong(1));
                }
                return sizes;
            }
        }
    }

    @Test
    void twoOrganisationsWitnessEachCheckpointAndItCarriesBothCosignatures() throws Exception {
        var server = serverKey();
        var carrier = new TestWitness("CARRIER").approved();
        var regulator = new TestWitness("REGULATOR");
        var byPair = api.post(
                "api/audit/witnesses",
                regulator.token,
                Api.object(
                        "name",
                        regulator.key.name(),
                        "publicKey",
                        Base64.getEncoder().encodeToString(regulator.key.publicKey())));
        assertThat(byPair.status()).as("%s", byPair).isEqualTo(201);
        assertThat(byPair.json().getString("vkey")).isEqualTo(regulator.key.encoded());
        assertThat(byPair.json().getString("status")).isEqualTo("PENDING");
        regulator.id = byPair.json().getString("id");
        assertThat(api.post("api/audit/witnesses/" + regulator.id + "/approve", admin, "")
                        .status())
                .isEqualTo(200);
        checkpointAbove(0);

        long first;
        try (var frozen = freezeLedger()) {
            var fromCarrier = carrier.cosignLatest(server);
            var fromRegulator = regulator.cosignLatest(server);
            assertThat(fromCarrier.status()).as("%s", fromCarrier).isEqualTo(201);
            assertThat(fromRegulator.status()).as("%s", fromRegulator).isEqualTo(201);
            first = carrier.lastSize;
            assertThat(regulator.lastSize).isEqualTo(first);
            assertThat(fromCarrier.json().getJsonNumber("checkpointSize").longValueExact())
                    .isEqualTo(first);
            assertThat(fromCarrier.header("Location")).endsWith("/api/audit/checkpoints/" + first);

            var note = latest();
            assertThat(Checkpoint.parse(note.text()).size()).isEqualTo(first);
            assertThat(note.signatures()).hasSize(3);
            assertThat(note.signatures().get(0).name()).isEqualTo(server.name());
            assertThat(note.signatures().get(0).keyId()).isEqualTo(server.keyId());
            assertThat(note.verifiedBy(server)).isTrue();
            assertThat(Cosignature.verifiedBy(note, carrier.key)).isTrue();
            assertThat(Cosignature.verifiedBy(note, regulator.key)).isTrue();
        }

        checkpointAbove(first);
        long second;
        try (var frozen = freezeLedger()) {
            assertThat(carrier.cosignLatest(server).status()).isEqualTo(201);
            assertThat(regulator.cosignLatest(server).status()).isEqualTo(201);
            assertThat(carrier.provedFrom)
                    .as("consistency proved from the last cosigned size")
                    .isEqualTo(first);
            assertThat(regulator.provedFrom).isEqualTo(first);
            second = carrier.lastSize;
            assertThat(second).isGreaterThan(first);

            var note = latest();
            assertThat(Checkpoint.parse(note.text()).size()).isEqualTo(second);
            assertThat(note.signatures()).hasSize(3);
            assertThat(note.verifiedBy(server)).isTrue();
            assertThat(Cosignature.verifiedBy(note, carrier.key)).isTrue();
            assertThat(Cosignature.verifiedBy(note, regulator.key)).isTrue();
        }

        var older = SignedNote.parse(
                api.get("api/audit/checkpoints/" + first, admin).body());
        assertThat(Checkpoint.parse(older.text()).size()).isEqualTo(first);
        assertThat(Cosignature.verifiedBy(older, carrier.key)).isTrue();
        assertThat(Cosignature.verifiedBy(older, regulator.key)).isTrue();

        var status = api.get("api/audit/witnesses/" + carrier.id, carrier.token).json();
        assertThat(status.getJsonNumber("lastCosignedSize").longValueExact()).isEqualTo(second);
        for (var witness : List.of(carrier, regulator)) {
            assertThat(witness.stored()).isEqualTo(2);
            assertThat(witness.audited("WITNESS_REGISTERED")).isEqualTo(1);
            assertThat(witness.audited("WITNESS_APPROVED")).isEqualTo(1);
            assertThat(witness.audited("CHECKPOINT_COSIGNED")).isEqualTo(2);
        }
    }

    @Test
    void aCosignatureThatDoesNotVerifyIsRefusedAndNothingIsStored() throws Exception {
        var witness = new TestWitness("CARRIER").approved();
        var note = checkpointAbove(0);
        var body = note.text();
        long size = Checkpoint.parse(body).size();
        long now = Instant.now().getEpochSecond();

        var otherBody = body.replaceFirst("\n" + size + "\n", "\n" + (size + 1) + "\n");
        var overOtherBody = Cosignature.sign(otherBody, witness.key, witness.keys.getPrivate(), now);
        assertProblem(witness.post(size, overOtherBody.line()), 400, "signature");

        var good = Cosignature.sign(body, witness.key, witness.keys.getPrivate(), now);
        var otherTime = new Cosignature(witness.key.name(), witness.key.keyId(), now - 1, good.signature());
        assertProblem(witness.post(size, otherTime.line()), 400, "signature");

        var impostor = Ed25519.generate();
        var otherKey = new Cosignature(
                witness.key.name(),
                witness.key.keyId(),
                now,
                Cosignature.sign(body, witness.key, impostor.getPrivate(), now).signature());
        assertProblem(witness.post(size, otherKey.base64()), 400, "signature");

        var future = Cosignature.sign(body, witness.key, witness.keys.getPrivate(), now + 3600);
        assertProblem(witness.post(size, future.line()), 400, "signature");

        assertProblem(witness.post(size, "\u2014 " + witness.key.name() + " not-base64"), 400, "signature");
        assertProblem(witness.post(size, "AAAA"), 400, "signature");
        var unknownKey = CosignerKey.of("witness.nobody.example/w1", impostor.getPublic());
        assertProblem(
                witness.post(
                        size,
                        Cosignature.sign(body, unknownKey, impostor.getPrivate(), now)
                                .line()),
                400,
                "signature");

        assertThat(witness.stored()).isZero();
        assertThat(witness.audited("CHECKPOINT_COSIGNED")).isZero();

        var accepted = witness.post(size, good.base64());
        assertThat(accepted.status())
                .as("the base64 alone is enough: %s", accepted)
                .isEqualTo(201);
        assertThat(accepted.json().getString("signature")).isEqualTo(good.line().strip());
        assertThat(witness.stored()).isEqualTo(1);
    }

    @Test
    void aCosignatureOfAnUnknownCheckpointSizeIsRefused() throws Exception {
        var witness = new TestWitness("REGULATOR").approved();
        var note = checkpointAbove(0);
        long unknown = Checkpoint.parse(note.text()).size() + 1_000_000;
        var body = note.text().replaceFirst("\n\\d+\n", "\n" + unknown + "\n");
        var cosignature = Cosignature.sign(body, witness.key, witness.keys.getPrivate(), Instant.now());

        assertProblem(witness.post(unknown, cosignature.line()), 400, "checkpointSize");
        assertProblem(
                api.post("api/audit/cosignatures", witness.token, Api.object("signature", cosignature.line())),
                400,
                "checkpointSize");
        assertProblem(api.get("api/audit/checkpoints/" + unknown, witness.token), 404, null);
        assertThat(witness.stored()).isZero();
        assertThat(witness.audited("CHECKPOINT_COSIGNED")).isZero();
    }

    @Test
    void anUnapprovedKeyCannotCosign() throws Exception {
        var pending = new TestWitness("CARRIER").registered();
        var rejected = new TestWitness("VENDOR").registered();
        assertProblem(api.post("api/audit/witnesses/" + rejected.id + "/reject", admin, "{}"), 400, "reason");
        var rejection = api.post(
                "api/audit/witnesses/" + rejected.id + "/reject", admin, Api.object("reason", "unknown operator"));
        assertThat(rejection.status()).as("%s", rejection).isEqualTo(200);
        assertThat(rejection.json().getString("status")).isEqualTo("REJECTED");
        assertThat(rejection.json().getString("reason")).isEqualTo("unknown operator");

        var note = checkpointAbove(0);
        long size = Checkpoint.parse(note.text()).size();
        for (var witness : List.of(pending, rejected)) {
            var cosignature = Cosignature.sign(note.text(), witness.key, witness.keys.getPrivate(), Instant.now());
            assertProblem(witness.post(size, cosignature.line()), 409, "signature");
            assertThat(witness.stored()).isZero();
            assertThat(witness.audited("CHECKPOINT_COSIGNED")).isZero();
        }
        assertThat(rejected.audited("WITNESS_REJECTED")).isEqualTo(1);
        assertProblem(api.post("api/audit/witnesses/" + rejected.id + "/approve", admin, ""), 409, "status");
        assertThat(Cosignature.verifiedBy(latest(), pending.key)).isFalse();
    }

    @Test
    void onlyMembersOfTheWitnessOrganisationPostItsCosignatures() throws Exception {
        var witness = new TestWitness("CARRIER").approved();
        var outsider = new TestWitness("REGULATOR").approved();
        var note = checkpointAbove(0);
        long size = Checkpoint.parse(note.text()).size();
        var cosignature = Cosignature.sign(note.text(), witness.key, witness.keys.getPrivate(), Instant.now());

        assertProblem(postAs(outsider.token, size, cosignature.line()), 403, null);
        assertProblem(postAs(admin, size, cosignature.line()), 403, null);
        assertThat(postAs(null, size, cosignature.line()).status()).isEqualTo(401);
        assertThat(witness.stored()).isZero();
        assertThat(witness.audited("CHECKPOINT_COSIGNED")).isZero();
    }

    @Test
    void onlyOperatorsDecideWitnessKeys() throws Exception {
        var witness = new TestWitness("CARRIER").registered();
        var other = new TestWitness("REGULATOR").registered();

        assertProblem(api.post("api/audit/witnesses/" + witness.id + "/approve", witness.token, ""), 403, null);
        assertProblem(
                api.post("api/audit/witnesses/" + witness.id + "/reject", witness.token, Api.object("reason", "no")),
                403,
                null);
        assertThat(api.get("api/audit/witnesses/" + witness.id, witness.token)
                        .json()
                        .getString("status"))
                .isEqualTo("PENDING");
        assertThat(witness.audited("WITNESS_APPROVED")).isZero();
        assertThat(witness.audited("WITNESS_REJECTED")).isZero();

        assertThat(api.get("api/audit/witnesses/" + witness.id, other.token).status())
                .as("another organisation's pending key is not visible")
                .isEqualTo(404);
        assertThat(api.post("api/audit/witnesses/" + witness.id + "/approve", admin, "")
                        .status())
                .isEqualTo(200);
        assertThat(api.get("api/audit/witnesses/" + witness.id, other.token).status())
                .as("approved keys are public to verifiers")
                .isEqualTo(200);
        assertThat(api.get("api/audit/witnesses", other.token).array().stream()
                        .map(w -> w.asJsonObject().getString("id"))
                        .toList())
                .contains(witness.id, other.id);
        assertProblem(api.post("api/audit/witnesses/missing/approve", admin, ""), 404, null);
    }

    @Test
    void registrationIsCheckedAndAnOrganisationHasOneLiveKey() throws Exception {
        var witness = new TestWitness("CARRIER");
        assertProblem(api.post("api/audit/witnesses", witness.token, Api.object("vkey", "nonsense")), 400, "vkey");
        var tampered = witness.key.encoded().replaceFirst("\\+[0-9a-f]{8}\\+", "+00000000+");
        assertProblem(api.post("api/audit/witnesses", witness.token, Api.object("vkey", tampered)), 400, "vkey");
        assertProblem(
                api.post(
                        "api/audit/witnesses",
                        witness.token,
                        Api.object("vkey", witness.key.encoded(), "name", witness.key.name())),
                400,
                "vkey");
        assertProblem(
                api.post("api/audit/witnesses", witness.token, Api.object("name", witness.key.name())),
                400,
                "publicKey");
        assertProblem(
                api.post(
                        "api/audit/witnesses",
                        witness.token,
                        Api.object("name", witness.key.name(), "publicKey", "AAAA")),
                400,
                "publicKey");
        assertProblem(api.post("api/audit/witnesses", witness.token, "{}"), 400, "vkey");
        var asTheLog = CosignerKey.of(serverKey().name(), witness.keys.getPublic());
        assertProblem(
                api.post("api/audit/witnesses", witness.token, Api.object("vkey", asTheLog.encoded())), 400, "vkey");

        witness.registered();
        assertThat(witness.audited("WITNESS_REGISTERED")).isEqualTo(1);
        var second = CosignerKey.of(witness.key.name() + "2", Ed25519.generate().getPublic());
        assertProblem(
                api.post("api/audit/witnesses", witness.token, Api.object("vkey", second.encoded())), 409, "vkey");

        var copycat = new TestWitness("VENDOR");
        var sameKey = CosignerKey.of("witness.copycat.example/" + copycat.organisationId, witness.keys.getPublic());
        assertProblem(
                api.post("api/audit/witnesses", copycat.token, Api.object("vkey", sameKey.encoded())), 409, "vkey");
        var sameName = CosignerKey.of(witness.key.name(), copycat.keys.getPublic());
        assertProblem(
                api.post("api/audit/witnesses", copycat.token, Api.object("vkey", sameName.encoded())), 409, "vkey");
        assertThat(count("select count(*) from witness where organisation_id = ?", copycat.organisationId))
                .isZero();

        assertThat(api.post("api/audit/witnesses/" + witness.id + "/reject", admin, Api.object("reason", "rotating"))
                        .status())
                .isEqualTo(200);
        assertThat(api.post("api/audit/witnesses", witness.token, Api.object("vkey", second.encoded()))
                        .status())
                .as("after a rejection the organisation may register another key")
                .isEqualTo(201);
    }

    @Test
    void aWitnessMovesForwardOnlyAndARepeatAnswersTheStoredCosignature() throws Exception {
        var witness = new TestWitness("REGULATOR").approved();
        long before = Checkpoint.parse(checkpointAbove(0).text()).size();
        api.createRoom(admin, Api.unique("Forward"), "FORUM");
        checkpointAbove(before);
        var sizes = checkpointSizes(2);
        long newer = sizes.get(0);
        long older = sizes.get(1);
        var newerBody = SignedNote.parse(
                        api.get("api/audit/checkpoints/" + newer, witness.token).body())
                .text();
        var olderBody = SignedNote.parse(
                        api.get("api/audit/checkpoints/" + older, witness.token).body())
                .text();

        var cosignature = Cosignature.sign(newerBody, witness.key, witness.keys.getPrivate(), Instant.now());
        assertThat(witness.post(newer, cosignature.line()).status()).isEqualTo(201);
        var again = Cosignature.sign(
                newerBody, witness.key, witness.keys.getPrivate(), Instant.now().plusSeconds(1));
        var repeat = witness.post(newer, again.line());
        assertThat(repeat.status()).as("%s", repeat).isEqualTo(200);
        assertThat(repeat.json().getString("signature"))
                .isEqualTo(cosignature.line().strip());

        var backwards = Cosignature.sign(olderBody, witness.key, witness.keys.getPrivate(), Instant.now());
        assertProblem(witness.post(older, backwards.line()), 409, "checkpointSize");
        assertThat(witness.stored()).isEqualTo(1);
        assertThat(witness.audited("CHECKPOINT_COSIGNED")).isEqualTo(1);
    }

    @Test
    void acceptedCosignaturesCannotBeChangedInTheDatabase() throws Exception {
        var witness = new TestWitness("CARRIER").approved();
        var note = checkpointAbove(0);
        long size = Checkpoint.parse(note.text()).size();
        assertThat(witness.post(
                                size,
                                Cosignature.sign(note.text(), witness.key, witness.keys.getPrivate(), Instant.now())
                                        .line())
                        .status())
                .isEqualTo(201);
        try (var connection = database();
                var statement = connection.createStatement()) {
            for (var change : List.of(
                    "update cosignature set signed_at = 0 where witness_id = '" + witness.id + "'",
                    "delete from cosignature where witness_id = '" + witness.id + "'",
                    "update witness set name = 'renamed' where id = '" + witness.id + "'",
                    "update witness set status = 'REJECTED' where id = '" + witness.id + "'",
                    "delete from witness where id = '" + witness.id + "'")) {
                var refused = org.assertj.core.api.Assertions.catchThrowable(() -> statement.execute(change));
                assertThat(refused).as(change).isInstanceOf(java.sql.SQLException.class);
            }
        }
        assertThat(witness.stored()).isEqualTo(1);
    }

    @Test
    void theCosigningEndpointsArePublished() {
        var reply = api.request("GET", "openapi")
                .header("Accept", "application/json")
                .send();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getJsonObject("paths").keySet())
                .contains(
                        "/api/audit/witnesses",
                        "/api/audit/witnesses/{id}",
                        "/api/audit/witnesses/{id}/approve",
                        "/api/audit/witnesses/{id}/reject",
                        "/api/audit/cosignatures",
                        "/api/audit/checkpoints/{size}");
    }
}

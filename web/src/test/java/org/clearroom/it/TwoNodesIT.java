package org.clearroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.clearroom.audit.Checkpoint;
import org.clearroom.audit.MerkleTree;
import org.clearroom.audit.SignedNote;
import org.clearroom.audit.VerifierKey;
import org.clearroom.audit.Verify;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro nodes on one database of their own, as in a cluster, started here (not by Arquillian)
 * so that one can be killed: both record and both run the ledger's sequencer, the numbering stays
 * consecutive, and when the first dies the second takes the sequencer over, numbers and signs what
 * follows, and serves a checkpoint consistent with the one the first had signed.
 */
class TwoNodesIT {

    private static final String ORIGIN = "clearroom.test/ledger";

    private final List<Node> nodes = new ArrayList<>();

    private String url;
    private String user;
    private String password;
    private String login;
    private String loginPassword;

    /** One Payara Micro process serving the WAR; its output goes to {@code log}. */
    private record Node(String name, Process process, Api api, Path log) {}

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (var node : nodes) {
            if (node.process().isAlive()) {
                node.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void whenTheFirstNodeDiesTheSecondNumbersSignsAndServesAConsistentLedger() throws Exception {
        var databaseName = TestDatabase.create("two_nodes");
        var server = TestDatabase.server();
        url = server.urlOf(databaseName);
        user = server.user();
        password = server.passwordOrPlaceholder();
        // as in production: the nodes run as a login of their own, and the owner migrates at start
        login = databaseName + "_app";
        loginPassword = TestDatabase.login(login);
        var dir = Path.of(System.getProperty("clearroom.war"))
                .resolveSibling("two-nodes")
                .resolve(databaseName);
        Files.createDirectories(dir);
        var keyFile = dir.resolve("ledger.key"); // one key for the cluster: the first node creates it

        // one after the other: the first creates the schema, the operator and the key the second uses
        var first = start("node-1", dir, keyFile);
        var second = start("node-2", dir, keyFile);
        var key =
                VerifierKey.parse(first.api().get("api/audit/key", null).body().strip());
        assertThat(second.api().get("api/audit/key", null).body().strip())
                .as("both nodes sign with the one key")
                .isEqualTo(key.encoded());

        // both nodes record at once, so both sequencers compete for the same entries
        var admin = first.api().admin();
        var pool = Executors.newFixedThreadPool(4);
        try {
            var work = new ArrayList<Callable<Void>>();
            for (var node : List.of(first, second, first, second)) {
                var tag = Api.unique(node.name());
                work.add(() -> {
                    createRooms(node.api(), admin, tag, 25);
                    return null;
                });
            }
            for (var done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        var before = awaitCheckpointOfEverything(first, key).checkpoint();
        assertEveryEntryNumberedOnceConsecutively();
        long lastPositionBefore = count("select max(position) from audit_entry");

        first.process().destroyForcibly();
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS))
                .as("the first node is dead")
                .isTrue();

        // from here on only the second node is alive to number and sign anything
        var survivor = second.api();
        var adminOnSecond = survivor.admin();
        var rooms = new ArrayList<String>();
        for (int i = 0; i < 20; i++) {
            rooms.add(survivor.createRoom(adminOnSecond, Api.unique("after") + " " + i, "FORUM"));
        }
        var compliance = survivor.complianceOfficer(adminOnSecond);
        var signed = awaitCheckpointOfEverything(second, key);
        var after = signed.checkpoint();

        assertEveryEntryNumberedOnceConsecutively();
        long recordedAfter = count("select count(*) from audit_entry where position > ?", lastPositionBefore);
        assertThat(recordedAfter)
                .as("rooms, sign-ins and the officer recorded after the first node died")
                .isGreaterThanOrEqualTo(rooms.size() + 3);
        assertThat(count(
                        "select count(*) from audit_entry e join ledger_leaf l on l.entry_id = e.id"
                                + " where e.position > ? and l.idx >= ? and l.idx < ?",
                        lastPositionBefore,
                        before.size(),
                        after.size()))
                .as("every entry recorded after the first node died is numbered after its last checkpoint")
                .isEqualTo(recordedAfter);
        for (var room : rooms) {
            assertThat(count(
                            "select count(*) from audit_entry e join ledger_leaf l on l.entry_id = e.id"
                                    + " where e.action = 'ROOM_CREATED' and e.resource = ?",
                            "rooms/" + room))
                    .as("room %s created after the first node died is in the ledger", room)
                    .isEqualTo(1);
        }
        assertThat(after.size()).isEqualTo(before.size() + recordedAfter);

        // the ledger only grew: the second node proves its checkpoint extends the first node's
        var proof = survivor.get(
                "api/audit/proofs/consistency?from=" + before.size() + "&to=" + after.size(), adminOnSecond);
        assertThat(proof.status()).as("consistency proof: %s", proof).isEqualTo(200);
        var hashes = proof.json().getJsonArray("hashes").getValuesAs(JsonString.class).stream()
                .map(hash -> Base64.getDecoder().decode(hash.getString()))
                .toList();
        assertThat(MerkleTree.verifyConsistency(
                        before.size(), after.size(), before.rootHash(), after.rootHash(), hashes))
                .as("the second node's checkpoint of %d extends the first node's of %d", after.size(), before.size())
                .isTrue();
        assertThat(MerkleTree.verifyConsistency(
                        before.size(), after.size(), after.rootHash(), after.rootHash(), hashes))
                .as("the same proof does not fit another old root")
                .isFalse();

        // and an export from the second node verifies with the standalone verifier
        var checkpointFile = Files.writeString(dir.resolve("checkpoint.txt"), signed.note());
        var export = survivor.get("api/audit/export?from=0&to=" + after.size(), compliance);
        assertThat(export.status())
                .as("export from the second node: %s", export.status())
                .isEqualTo(200);
        var exportFile = Files.writeString(dir.resolve("export.jsonl"), export.body());
        var out = new ByteArrayOutputStream();
        int status = Verify.execute(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                "export",
                "--entries",
                exportFile.toString(),
                "--checkpoint",
                checkpointFile.toString(),
                "--key",
                survivor.get("api/audit/key", null).body().strip());
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    // --- the nodes -----------------------------------------------------------------------------------

    private Node start(String name, Path dir, Path keyFile) throws Exception {
        int port = freePort();
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Duser.timezone=UTC",
                "-Dclearroom.ledger.key-file=" + keyFile,
                "-Dclearroom.ledger.origin=" + ORIGIN,
                "-Dclearroom.ledger.interval-ms=100",
                "-jar",
                System.getProperty("payara.microJar"),
                "--deploy",
                System.getProperty("clearroom.war"),
                "--contextroot",
                "/",
                "--port",
                Integer.toString(port),
                "--nocluster",
                "--prebootcommandfile",
                System.getProperty("clearroom.preBootCommands")));
        var log = dir.resolve(name + ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // as the quick start passes them: in the environment, where no process listing shows them
        builder.environment()
                .putAll(Map.of(
                        "CLEARROOM_DB_URL", url,
                        "CLEARROOM_DB_USER", login,
                        "CLEARROOM_DB_PASSWORD", loginPassword,
                        "CLEARROOM_DB_OWNER_USER", user,
                        "CLEARROOM_DB_OWNER_PASSWORD", password,
                        "CLEARROOM_BOOTSTRAP_ADMIN_PASSWORD", TestDatabase.ADMIN_PASSWORD));
        var process = builder.start();
        var node = new Node(
                name,
                process,
                new Api(URI.create("http://localhost:" + port + "/").toURL()),
                log);
        nodes.add(node);
        awaitReady(node);
        return node;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Ready means deployed, on the database, and its ledger has a signed checkpoint. */
    private static void awaitReady(Node node) throws InterruptedException {
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var health = node.api().uri("health/ready");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            assertThat(node.process().isAlive())
                    .as("%s runs (see %s)", node.name(), node.log())
                    .isTrue();
            assertThat(System.nanoTime() - deadline)
                    .as("%s is ready within 5 minutes (see %s)", node.name(), node.log())
                    .isNegative();
            try {
                var reply = client.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 200 && reply.body().contains("\"ledger\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            node.process().waitFor(500, TimeUnit.MILLISECONDS); // returns at once if the node dies
        }
    }

    private static void createRooms(Api node, String admin, String tag, int count) {
        for (int i = 0; i < count; i++) {
            node.createRoom(admin, tag + " " + i, "FORUM");
        }
    }

    // --- the ledger ----------------------------------------------------------------------------------

    /** A checkpoint as served ({@code note}) and as read. */
    private record Signed(String note, Checkpoint checkpoint) {}

    /**
     * Waits until {@code node} serves a checkpoint, signed with {@code key}, that covers every entry
     * recorded so far, and answers it.
     */
    private Signed awaitCheckpointOfEverything(Node node, VerifierKey key) throws Exception {
        var token = node.api().admin();
        var latest = new Signed[1];
        await(Duration.ofMinutes(2), node.name() + " signs a checkpoint of every entry", () -> {
            var reply = node.api().get("api/audit/checkpoint", token);
            assertThat(reply.status())
                    .as("checkpoint from %s: %s", node.name(), reply)
                    .isEqualTo(200);
            var note = SignedNote.parse(reply.body());
            assertThat(note.verifiedBy(key))
                    .as("%s's checkpoint is signed with the server's key:%n%s", node.name(), reply.body())
                    .isTrue();
            latest[0] = new Signed(reply.body(), Checkpoint.parse(note.text()));
            return latest[0].checkpoint().size() == unchecked(() -> count("select count(*) from audit_entry"));
        });
        assertThat(latest[0].checkpoint().origin()).isEqualTo(ORIGIN);
        return latest[0];
    }

    private void assertEveryEntryNumberedOnceConsecutively() throws SQLException {
        long entries = count("select count(*) from audit_entry");
        assertThat(count("select count(*) from audit_pending"))
                .as("nothing waits")
                .isZero();
        assertThat(count("select count(*) from ledger_leaf"))
                .as("one leaf per entry")
                .isEqualTo(entries);
        assertThat(count("select coalesce(max(idx) + 1, 0) from ledger_leaf"))
                .as("indexes 0 to n - 1, no gap")
                .isEqualTo(entries);
        assertThat(count("select count(distinct entry_id) from ledger_leaf"))
                .as("no entry numbered twice")
                .isEqualTo(entries);
        assertThat(count("select count(*) from audit_entry e where not exists"
                        + " (select 1 from ledger_leaf l where l.entry_id = e.id)"))
                .as("no entry left out")
                .isZero();
    }

    // --- the database and waiting --------------------------------------------------------------------

    private Connection database() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (var connection = database();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static <T> T unchecked(Callable<T> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code done} every 100 ms until it holds, failing with {@code what} after {@code bound}. */
    private static void await(Duration bound, String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline)
                    .as(what + " within " + bound)
                    .isNegative();
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // poll gently until the bound
        }
    }
}

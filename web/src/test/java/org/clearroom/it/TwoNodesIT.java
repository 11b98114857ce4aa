package org.clearroom.it;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.clearroom.audit.Verify;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Payara Micro instances on one database, as in a cluster: both record and both run the ledger's
 * sequencer, yet the numbering stays consecutive and the export of either verifies against the
 * checkpoint of the other. When the second dies in the middle of the work, the first numbers
 * everything that was committed.
 */
class TwoNodesIT extends ClearroomDeployment {

    @TempDir
    Path dir;

    private Process second;

    @AfterEach
    void stopSecond() throws InterruptedException {
        if (second != null && second.isAlive()) {
            second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Api startSecondNode() throws Exception {
        int port = freePort();
        var command = new ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Duser.timezone=UTC",
                "-Dclearroom.ledger.key-file=" + System.getProperty("clearroom.test.ledger.key"),
                "-Dclearroom.ledger.origin=clearroom.test/ledger",
                "-Dclearroom.ledger.interval-ms=100",
                "-jar",
                System.getProperty("payara.microJar"),
                "--deploy",
                System.getProperty("clearroom.war"),
                "--contextroot",
                "/",
                "--port",
                Integer.toString(port),
                "--nocluster"));
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("second.log").toFile());
        builder.environment().put("CLEARROOM_DB_URL", System.getProperty("clearroom.test.db.url"));
        builder.environment().put("CLEARROOM_DB_USER", System.getProperty("clearroom.test.db.user"));
        builder.environment().put("CLEARROOM_DB_PASSWORD", System.getProperty("clearroom.test.db.password"));
        second = builder.start();
        var base = URI.create("http://localhost:" + port + "/");
        var client = HttpClient.newHttpClient();
        var deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (true) {
            assertThat(second.isAlive())
                    .as("the second node runs (see %s)", dir.resolve("second.log"))
                    .isTrue();
            assertThat(Instant.now()).as("the second node is ready in time").isBefore(deadline);
            try {
                var reply = client.send(
                        HttpRequest.newBuilder(base.resolve("health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 200 && reply.body().contains("\"ledger\"")) {
                    return new Api(base.toURL());
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
    }

    private static void createRooms(Api node, String admin, String tag, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(node.post("api/rooms", admin, Api.object("name", tag + " " + i, "kind", "FORUM"))
                            .status())
                    .isEqualTo(201);
        }
    }

    private static void awaitNothingPending() throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (count("select count(*) from audit_pending") > 0) {
            assertThat(Instant.now())
                    .as("every committed entry is numbered in time")
                    .isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    @Test
    void twoNodesNumberOneConsecutiveLedgerAndTheSurvivorCarriesOn() throws Exception {
        var other = startSecondNode();
        var admin = api.admin();
        var pool = Executors.newFixedThreadPool(4);
        try {
            var work = new ArrayList<Callable<Void>>();
            for (int t = 0; t < 2; t++) {
                var tag = Api.unique("first");
                work.add(() -> {
                    createRooms(api, admin, tag, 60);
                    return null;
                });
                var otherTag = Api.unique("second");
                work.add(() -> {
                    createRooms(other, admin, otherTag, 60);
                    return null;
                });
            }
            for (var done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        awaitNothingPending();
        assertConsecutive();

        // the second node dies while it may hold the sequencer's lock; the first numbers what follows
        second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        createRooms(api, admin, Api.unique("after"), 30);
        awaitNothingPending();
        assertConsecutive();

        var compliance = complianceToken(admin);
        var checkpoint = Files.writeString(
                dir.resolve("checkpoint.txt"),
                api.get("api/audit/checkpoint", admin).body());
        var export = Files.writeString(
                dir.resolve("export.jsonl"),
                api.get("api/audit/export", compliance).body());
        var out = new ByteArrayOutputStream();
        int status = Verify.execute(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                "export",
                "--entries",
                export.toString(),
                "--checkpoint",
                checkpoint.toString(),
                "--key",
                api.get("api/audit/key", null).body().strip());
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    private String complianceToken(String admin) {
        return api.complianceOfficer(admin);
    }

    private static void assertConsecutive() throws Exception {
        assertThat(count("select count(*) from ledger_leaf")).isEqualTo(count("select max(idx) + 1 from ledger_leaf"));
        assertThat(count("select count(distinct entry_id) from ledger_leaf"))
                .isEqualTo(count("select count(*) from ledger_leaf"));
        assertThat(count("select count(*) from audit_entry e where not exists"
                        + " (select 1 from ledger_leaf l where l.entry_id = e.id)"))
                .isZero();
    }
}

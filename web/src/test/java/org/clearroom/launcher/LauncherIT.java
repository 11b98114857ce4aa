package org.clearroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.clearroom.audit.Checkpoint;
import org.clearroom.audit.MerkleTree;
import org.clearroom.audit.SignedNote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The quick start as a new user meets it: the launcher started the way {@code ./mvnw -Prun package}
 * starts it (its main class on the class path Maven gives it, with the same system properties), on a
 * machine that never unpacked PostgreSQL (an empty temporary directory), killed at each slow step of a
 * first start, then started again until it is ready and a demo account signs in. The launcher runs with
 * a 64 MB heap, less than Maven's JVM ever gives it, so an unpack that needed memory would fail here.
 */
class LauncherIT {

    private static final Duration READY_LIMIT = Duration.ofMinutes(5);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Run> runs = new ArrayList<>();
    private final List<Path> scratch = new ArrayList<>();

    /**
     * Stops what the test started and removes its folders. A launcher that is still running gets Ctrl-C first so
     * its own shutdown stops Payara and PostgreSQL; a postmaster orphaned by a killed launcher is daemonised, not
     * a descendant, so it is found through the {@code postmaster.pid} of each scratch folder.
     */
    @AfterEach
    void stopEverything() throws Exception {
        for (var run : runs) {
            if (run.process.isAlive()) {
                run.process.destroy();
                if (!run.process.waitFor(60, TimeUnit.SECONDS)) {
                    run.process.descendants().forEach(ProcessHandle::destroyForcibly);
                    run.process.destroyForcibly();
                }
            }
        }
        for (var folder : scratch) {
            try (var files = Files.walk(folder)) {
                for (var pidFile : files.filter(f -> f.getFileName().toString().equals("postmaster.pid"))
                        .toList()) {
                    var first = Files.readAllLines(pidFile).stream()
                            .findFirst()
                            .orElse("")
                            .trim();
                    if (first.matches("\\d+")) {
                        var postmaster = ProcessHandle.of(Long.parseLong(first))
                                .filter(p -> p.info().command().orElse("").endsWith("postgres"));
                        postmaster.ifPresent(ProcessHandle::destroy);
                        if (postmaster.isPresent()) {
                            postmaster.get().onExit().get(60, TimeUnit.SECONDS);
                        }
                    }
                }
            }
        }
        for (var folder : scratch) {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }
    }

    /** A folder this test removes when it ends. */
    private Path scratchFolder(String prefix) throws IOException {
        var folder = Files.createTempDirectory(prefix);
        scratch.add(folder);
        return folder;
    }

    @Test
    void aFirstRunKilledAtEveryStepRecoversByItselfAndRefusesClearly() throws Exception {
        var temp = scratchFolder("launcher-it-tmp");
        var home = scratchFolder("launcher-it-home").resolve(".clearroom");
        int port = freePort();

        var unpacking = start(home, temp, port);
        unpacking.await(line -> line.contains("unpacking PostgreSQL"));
        unpacking.kill();
        assertThat(unpackedBinaries(temp))
                .as("killed while unpacking: nothing unpacked is marked complete")
                .isFalse();

        var initialising = start(home, temp, port);
        initialising.await(line -> line.contains("initialising the database"));
        initialising.kill();
        assertThat(unpackedBinaries(temp))
                .as("the second run finished the unpack")
                .isTrue();
        assertThat(LocalPostgres.isCluster(home.resolve("pgdata")))
                .as("killed while initialising: no database directory in place")
                .isFalse();

        var starting = start(home, temp, port);
        starting.await(line -> line.contains("starting the server"));
        starting.process.waitFor(3, TimeUnit.SECONDS); // Payara is under way, PostgreSQL is up
        starting.kill(); // leaves PostgreSQL and Payara running, orphaned

        var ready = start(home, temp, port);
        ready.await(line -> line.contains("Clearroom is ready at"));
        assertThat(ready.output())
                .anyMatch(line -> line.contains("left running by an earlier run"))
                .noneMatch(line -> line.contains("SLF4J") || line.contains("log4j:WARN"));
        var token = signIn(port, "carla.carrier");
        assertThat(token).startsWith("crt_");

        var second = start(home, temp, freePort());
        assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.process.exitValue()).isEqualTo(Launcher.REFUSED);
        assertThat(second.output())
                .singleElement()
                .asString()
                .contains("already running from this folder")
                .contains("http://localhost:" + port + "/");

        var elsewhere = scratchFolder("launcher-it-other").resolve(".clearroom");
        var taken = start(elsewhere, temp, port);
        assertThat(taken.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(taken.process.exitValue()).isEqualTo(Launcher.REFUSED);
        assertThat(taken.output())
                .singleElement()
                .asString()
                .contains("port " + port + " is in use")
                .contains("CLEARROOM_PORT");
        assertThat(signIn(port, "rita.regulator"))
                .as("the first copy is unharmed")
                .startsWith("crt_");

        // Ctrl-C: everything it started stops with it
        var server = ProcessHandle.of(Long.parseLong(
                        Files.readString(home.resolve("server.pid")).strip()))
                .orElseThrow();
        ready.process.destroy();
        assertThat(ready.process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(server.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(home.resolve("pgdata").resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void dataFromAnOlderBuildIsMigratedAndKeptWithoutDuplicatingTheDemo() throws Exception {
        var temp = scratchFolder("launcher-it-tmp");
        var home = scratchFolder("launcher-it-older").resolve(".clearroom");
        Files.createDirectories(home);
        // a .clearroom/ that the build before this one left: its database (pg_dump) and its ledger key
        Files.copy(resource("older-build/ledger.key"), home.resolve("ledger.key"));
        long olderSize;
        String olderCheckpoint;
        try (var older = Database.embedded(home.resolve("pgdata"), true, step -> {})) {
            older.ensureDatabase("clearroom");
            try (var connection = DriverManager.getConnection(older.urlOf("clearroom"), older.user(), null);
                    var statement = connection.createStatement()) {
                statement.execute(dumpStatements());
                try (var rs = statement.executeQuery(
                        "select tree_size, note from public.ledger_checkpoint order by tree_size desc limit 1")) {
                    rs.next();
                    olderSize = rs.getLong(1);
                    olderCheckpoint = rs.getString(2);
                }
            }
        }

        int port = freePort();
        var run = start(home, temp, port);
        run.await(line -> line.contains("Clearroom is ready at"));

        var admin = signIn(port, "olga.operator");
        var organisations = Json.createReader(new StringReader(get(port, "api/organisations", admin)))
                .readArray();
        assertThat(organisations).as("the demo is loaded once").hasSize(5);
        var vendor = signIn(port, "vera.vendor");
        assertThat(get(port, "api/search?q=upgrades", vendor))
                .as("what the older build stored is still there")
                .contains("Written by an older build");

        // the ledger grew from the older build's checkpoint: a consistency proof links the two
        var latest = Checkpoint.parse(
                SignedNote.parse(get(port, "api/audit/checkpoint", vendor)).text());
        var older = Checkpoint.parse(SignedNote.parse(olderCheckpoint).text());
        assertThat(latest.origin()).isEqualTo(older.origin());
        assertThat(latest.size()).isGreaterThan(olderSize);
        var proof = Json.createReader(new StringReader(
                        get(port, "api/audit/proofs/consistency?from=" + olderSize + "&to=" + latest.size(), vendor)))
                .readObject();
        var hashes = proof.getJsonArray("hashes").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(s -> java.util.Base64.getDecoder().decode(s.getString()))
                .toList();
        assertThat(MerkleTree.verifyConsistency(olderSize, latest.size(), older.rootHash(), latest.rootHash(), hashes))
                .isTrue();
    }

    // ---- running the launcher

    private Run start(Path home, Path temp, int port) throws IOException {
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-Djava.io.tmpdir=" + temp,
                "-Dpayara.microJar=" + required("payara.microJar"),
                "-Dclearroom.war=" + required("clearroom.war"),
                "-Dclearroom.home=" + home,
                "-Dclearroom.preBootCommands=" + required("clearroom.preBootCommands"),
                "-classpath",
                required("launcher.classpath"),
                required("launcher.mainClass")));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        var environment = builder.environment();
        // a machine with no database configured: the embedded one
        environment.keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("CLEARROOM_"));
        environment.put("CLEARROOM_PORT", Integer.toString(port));
        var run = new Run(builder.start());
        runs.add(run);
        return run;
    }

    /** One launcher process and what it printed, read as it prints. */
    private static final class Run {
        private final Process process;
        private final List<String> lines = new CopyOnWriteArrayList<>();

        Run(Process process) {
            this.process = process;
            var reader = new Thread(() -> {
                try (var in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        System.out.println("launcher " + process.pid() + ": " + line);
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process went away
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        void await(Predicate<String> line) throws InterruptedException {
            long deadline = System.nanoTime() + READY_LIMIT.toNanos();
            while (lines.stream().noneMatch(line)) {
                assertThat(System.nanoTime())
                        .as("the launcher printed the awaited line within %s; it printed %s", READY_LIMIT, lines)
                        .isLessThan(deadline);
                assertThat(process.isAlive() || lines.stream().anyMatch(line))
                        .as("the launcher is still running; it printed %s", lines)
                        .isTrue();
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }

        /** As a power cut or {@code kill -9} would: no shutdown hook runs, children are orphaned. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        List<String> output() throws InterruptedException {
            process.waitFor(1, TimeUnit.SECONDS); // let the reader take the last lines of a process that ended
            return List.copyOf(lines);
        }
    }

    private static boolean unpackedBinaries(Path temp) throws IOException {
        var base = temp.resolve("clearroom-postgres");
        if (!Files.isDirectory(base)) {
            return false;
        }
        try (var entries = Files.list(base)) {
            return entries.anyMatch(d -> Files.isRegularFile(d.resolve(PostgresBinaries.COMPLETE)));
        }
    }

    // ---- the server as its users meet it

    private String signIn(int port, String username) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"" + username + "\",\"password\":\"clearroom-demo\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("sign-in of %s: %s", username, response.body())
                .isEqualTo(201);
        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        return body.getString("token");
    }

    private String get(int port, String path, String token) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("GET %s: %s", path, response.body())
                .isEqualTo(200);
        return response.body();
    }

    // ---- fixtures

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(0));
            return socket.getLocalPort();
        }
    }

    private static java.io.InputStream resource(String name) {
        var in = LauncherIT.class.getResourceAsStream("/launcher/" + name);
        assertThat(in).as("test resource launcher/%s", name).isNotNull();
        return in;
    }

    /** The older build's pg_dump as one batch of statements, without psql's own commands. */
    private static String dumpStatements() throws IOException {
        try (var in = resource("older-build/clearroom.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("\\"))
                    .collect(java.util.stream.Collectors.joining("\n"));
        }
    }

    private static String required(String property) {
        var value = System.getProperty(property);
        assertThat(value).as("system property %s (failsafe sets it)", property).isNotBlank();
        return value;
    }
}

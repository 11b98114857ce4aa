package org.clearroom.ear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.clearroom.launcher.Database;
import org.junit.jupiter.api.Test;

/**
 * The EAR deploys on Payara Server 6 (full profile) and works there: an embedded PostgreSQL, a fresh
 * domain on free ports, the EAR deployed with asadmin, readiness UP, and the bootstrap operator signs
 * in and reads {@code /api/me}. The domain and the database are always stopped; on failure the tail
 * of the server log is printed.
 *
 * <p>The failsafe configuration passes {@code clearroom.ear} (the built EAR), {@code payara.home}
 * (Payara Server unpacked by maven-dependency-plugin) and {@code payara.domains} (where the test's
 * domain lives).
 */
class EarOnPayaraServerIT {

    private static final String DOMAIN = "clearroom-it";
    private static final String OPERATOR = "admin";

    /** The ports create-domain derives from --portbase: debug, IIOP (3), admin, OSGi shell, JMS, HTTP(S), JMX. */
    private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 66, 76, 80, 81, 86};

    private static final int ADMIN_OFFSET = 48;
    private static final int HTTP_OFFSET = 80;

    /** Whether something accepts TCP connections on {@code port} of this machine within {@code patience}. */
    private static boolean accepts(int port, Duration patience) throws InterruptedException {
        long until = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < until) {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        return false;
    }

    /** One asadmin command: create-domain, start-domain (30 to 90 s on 2 cores), deploy. */
    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(5);

    private static final Duration READY_LIMIT = Duration.ofMinutes(2);
    private static final int LOG_TAIL_LINES = 200;

    private final Path ear = Path.of(required("clearroom.ear")).toAbsolutePath();
    private final Path payaraHome = Path.of(required("payara.home")).toAbsolutePath();
    private final Path domains = Path.of(required("payara.domains")).toAbsolutePath();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final long started = System.nanoTime();

    @Test
    void earDeploysAndTheBootstrapOperatorSignsIn() throws Exception {
        assertThat(ear).as("the EAR (mvn install -pl api,core,web,ear)").isRegularFile();
        assertThat(cli()).as("asadmin of the unpacked Payara Server").isRegularFile();
        var secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        var operatorPassword = "it-" + HexFormat.of().formatHex(secret);

        try (var postgres = TestPostgres.start()) {
            var databaseUrl = postgres.databaseUrl();
            progress("PostgreSQL ready: " + databaseUrl);
            int portBase = freePortBase();
            int adminPort = portBase + ADMIN_OFFSET;
            var base = URI.create("http://localhost:" + (portBase + HTTP_OFFSET) + "/");

            removeStaleDomain();
            try {
                asadmin(
                        Map.of(),
                        "create-domain",
                        "--nopassword",
                        "--portbase",
                        Integer.toString(portBase),
                        "--domaindir",
                        domains.toString(),
                        DOMAIN);
                progress("domain created, port base " + portBase);

                // the server process inherits asadmin's environment: the data source and the first
                // operator are configured there, out of domain.xml and out of the process listing
                asadmin(
                        Map.of(
                                "CLEARROOM_DB_URL",
                                databaseUrl,
                                "CLEARROOM_DB_USER",
                                postgres.login(),
                                "CLEARROOM_DB_PASSWORD",
                                postgres.loginPassword(),
                                // the server migrates as the schema's owner and runs as its own login
                                "CLEARROOM_DB_OWNER_USER",
                                postgres.user(),
                                "CLEARROOM_DB_OWNER_PASSWORD",
                                postgres.password(),
                                "CLEARROOM_BOOTSTRAP_ADMIN_USERNAME",
                                OPERATOR,
                                "CLEARROOM_BOOTSTRAP_ADMIN_PASSWORD",
                                operatorPassword,
                                "CLEARROOM_LEDGER_KEY_FILE",
                                domains.resolve("ledger.key").toString()),
                        "start-domain",
                        "--domaindir",
                        domains.toString(),
                        DOMAIN);
                progress("domain started, admin port " + adminPort);

                // what docs/configuration.md asks of a Payara Server domain: no Server or X-Powered-By header
                // one listener at a time, each awaited: changing both in one command restarts them together,
                // and Payara then sometimes leaves http-listener-1 without its Grizzly proxy (AS-WEB-GLUE-00167)
                // and its port closed for good
                int listenerPort = portBase + HTTP_OFFSET;
                for (var listener : List.of("http-listener-1", "http-listener-2")) {
                    var http = "configs.config.server-config.network-config.protocols.protocol." + listener + ".http.";
                    asadmin(
                            Map.of(),
                            "--port",
                            Integer.toString(adminPort),
                            "set",
                            http + "server-header=false",
                            http + "xpowered-by=false");
                    if (!accepts(listenerPort, Duration.ofSeconds(30))) {
                        // restarted without its proxy: switching it off and on again gives it one
                        var enabled = "configs.config.server-config.network-config.network-listeners.network-listener."
                                + listener + ".enabled=";
                        asadmin(Map.of(), "--port", Integer.toString(adminPort), "set", enabled + "false");
                        asadmin(Map.of(), "--port", Integer.toString(adminPort), "set", enabled + "true");
                        assertThat(accepts(listenerPort, Duration.ofSeconds(60)))
                                .as("%s on port %d accepts connections again", listener, listenerPort)
                                .isTrue();
                    }
                    listenerPort++;
                }
                progress("Server and X-Powered-By headers off");

                asadmin(
                        Map.of(),
                        "--port",
                        Integer.toString(adminPort),
                        "deploy",
                        "--name",
                        "clearroom",
                        ear.toString());
                progress("EAR deployed");

                var health = awaitReady(base.resolve("health/ready"));
                progress("ready: " + health);

                var token = signIn(base, operatorPassword);
                var answer = send(HttpRequest.newBuilder(base.resolve("api/me"))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .GET());
                assertThat(answer.headers().firstValue("Server")).isEmpty();
                assertThat(answer.headers().firstValue("X-Powered-By")).isEmpty();
                var me = json(answer.body());
                assertThat(me.getString("username")).isEqualTo(OPERATOR);
                assertThat(me.getJsonObject("organisation").getString("name"))
                        .as("the operator's organisation in %s", me)
                        .isNotBlank();
                progress("signed in as " + me.getString("username") + " of "
                        + me.getJsonObject("organisation").getString("name"));
            } catch (Throwable failure) {
                printServerLogTail();
                throw failure;
            } finally {
                try {
                    stopDomain();
                    progress("domain stopped");
                } catch (Exception e) {
                    System.out.println("could not stop the domain: " + e);
                }
            }
        }
    }

    /**
     * The test's own database: a uniquely named one on the server the libpq variables name (dropped
     * afterwards), or else on an embedded PostgreSQL thrown away afterwards, both as the quick start
     * finds or starts them ({@link Database}).
     */
    private record TestPostgres(Database server, String name, String login, String loginPassword)
            implements AutoCloseable {

        static TestPostgres start() throws Exception {
            var random = new byte[6];
            new SecureRandom().nextBytes(random);
            var name = "clearroom_ear_" + HexFormat.of().formatHex(random);
            var configured = Database.fromEnvironment(System.getenv());
            var server = configured.isPresent()
                    ? configured.get()
                    : Database.embedded(
                            Files.createTempDirectory("clearroom-ear-pg").resolve("pgdata"),
                            false,
                            step -> System.out.println("PostgreSQL: " + step));
            server.ensureDatabase(name);
            var login = name + "_app";
            var password = server.ensureLogin(login)
                    .orElseThrow(() -> new IllegalStateException("the test's PostgreSQL user must create roles"));
            return new TestPostgres(server, name, login, password);
        }

        String databaseUrl() {
            return server.urlOf(name);
        }

        String user() {
            return server.user();
        }

        String password() {
            return server.passwordOrPlaceholder();
        }

        @Override
        public void close() throws Exception {
            try {
                if (!server.isEmbedded()) {
                    server.dropDatabase(name);
                    server.dropLogin(login);
                }
            } finally {
                server.close();
            }
        }
    }

    /** A port base whose derived ports are all free, away from the defaults (8080, 4848) and other runs. */
    private static int freePortBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(200, 600) * 100;
            boolean free = true;
            for (int offset : PORT_OFFSETS) {
                free = free && isFree(base + offset);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free port base between 20000 and 60000");
    }

    private static boolean isFree(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Waits for the readiness check to answer UP with the database check UP; answers the last body. */
    private String awaitReady(URI ready) throws InterruptedException {
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                var response = http.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200 && databaseIsUp(response.body())) {
                    return response.body();
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            TimeUnit.MILLISECONDS.sleep(500); // the pause between polls, bounded by the deadline
        }
        return fail("%s was not UP within %s; last answer: %s", ready, READY_LIMIT, last);
    }

    private static boolean databaseIsUp(String body) {
        try {
            var health = json(body);
            return "UP".equals(health.getString("status", null))
                    && health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                            .anyMatch(check -> "database".equals(check.getString("name", null))
                                    && "UP".equals(check.getString("status", null)));
        } catch (JsonException | ClassCastException | NullPointerException notHealthJson) {
            return false;
        }
    }

    private String signIn(URI base, String password) throws IOException, InterruptedException {
        var credentials = Json.createObjectBuilder()
                .add("username", OPERATOR)
                .add("password", password)
                .build()
                .toString();
        var response = http.send(
                HttpRequest.newBuilder(base.resolve("api/auth/tokens"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(credentials))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("sign-in: %s", response.body()).isEqualTo(201);
        var token = json(response.body()).getString("token");
        assertThat(token).isNotBlank();
        return token;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        var response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s %s: %s", response.request().method(), response.uri(), response.body())
                .isEqualTo(200);
        return response;
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** Runs asadmin with the JDK of this test (or AS_JAVA) and fails with its output unless it succeeds. */
    private String asadmin(Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        var result = run(environment, arguments);
        if (result.exitCode() != 0) {
            fail("asadmin %s failed (exit %d):%n%s", String.join(" ", arguments), result.exitCode(), result.output());
        }
        return result.output();
    }

    private Result run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(java().toString(), "-jar", cli().toString(), "--interactive=false"));
        command.addAll(List.of(arguments));
        var output = Files.createTempFile("asadmin", ".log");
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("AS_JAVA", java().getParent().getParent().toString());
            builder.environment().putAll(environment);
            var process = builder.start();
            if (!process.waitFor(COMMAND_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Result(-1, "timed out after " + COMMAND_LIMIT + ":\n" + Files.readString(output));
            }
            return new Result(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private record Result(int exitCode, String output) {}

    private Path cli() {
        return payaraHome.resolve("glassfish/lib/client/appserver-cli.jar");
    }

    private static Path java() {
        var asJava = System.getenv("AS_JAVA");
        var home = asJava == null || asJava.isBlank() ? System.getProperty("java.home") : asJava;
        return Path.of(home, "bin", "java");
    }

    private Path domainDirectory() {
        return domains.resolve(DOMAIN);
    }

    /** Stops the domain, killing it when asadmin cannot, and makes sure its process is gone. */
    private void stopDomain() throws Exception {
        if (!Files.isDirectory(domainDirectory())) {
            return;
        }
        var pid = serverPid();
        var stop = run(Map.of(), "stop-domain", "--domaindir", domains.toString(), DOMAIN);
        if (stop.exitCode() != 0) {
            System.out.println("stop-domain failed, killing the server: " + stop.output());
            run(Map.of(), "stop-domain", "--kill=true", "--domaindir", domains.toString(), DOMAIN);
        }
        if (pid != null) {
            var process = ProcessHandle.of(pid);
            if (process.isPresent() && process.get().isAlive()) {
                process.get().destroyForcibly();
                process.get().onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private Long serverPid() {
        try {
            var pidFile = domainDirectory().resolve("config/pid");
            return Files.isRegularFile(pidFile)
                    ? Long.valueOf(Files.readString(pidFile).strip())
                    : null;
        } catch (IOException | NumberFormatException unreadable) {
            return null;
        }
    }

    /** A domain left by an interrupted run: stop it if it still runs, then delete it. */
    private void removeStaleDomain() throws Exception {
        if (!Files.exists(domainDirectory())) {
            return;
        }
        stopDomain();
        try (Stream<Path> files = Files.walk(domainDirectory())) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private void printServerLogTail() {
        var log = domainDirectory().resolve("logs/server.log");
        try {
            var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            System.out.printf("---- last %d lines of %s ----%n", Math.min(LOG_TAIL_LINES, lines.size()), log);
            lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())
                    .forEach(System.out::println);
            System.out.println("---- end of server log ----");
        } catch (IOException e) {
            System.out.println("no server log at " + log + ": " + e);
        }
    }

    private void progress(String message) {
        System.out.printf("[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, message);
    }

    private static String required(String property) {
        var value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is required (failsafe sets it)");
        }
        return value;
    }
}

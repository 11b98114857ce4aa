package org.clearroom.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.clearroom.demo.boundary.DemoData;

/**
 * Starts the quick-start server: a database, then Payara Micro with the WAR as a child process, then
 * waits for readiness and prints where to go and how to sign in. Ctrl-C stops both.
 *
 * <p>Run by {@code ./mvnw -Prun package} (exec:java, in Maven's JVM) with the system properties
 * {@code clearroom.war}, {@code payara.microJar}, {@code clearroom.preBootCommands} (Payara settings the
 * WAR cannot carry) and {@code clearroom.home} (the {@code .clearroom/} folder that keeps the database,
 * the ledger key and the logs). The port is {@code CLEARROOM_PORT} (8080 by default).
 *
 * <p>A first run on a new machine is slow (unpacking PostgreSQL, creating the database, Payara's first
 * start), so each step is announced. Whatever a killed run left behind is cleaned up by the next one:
 * a half-unpacked or half-created database ({@link LocalPostgres}), and a PostgreSQL or a server still
 * running from it. Refusals (the port is taken, the folder is in use by a running copy) are one line
 * and exit with status {@value #REFUSED}.
 */
public final class Launcher {

    /** Exit status of a start refused before anything was started. */
    static final int REFUSED = 2;

    /** Exit status when the server did not start or stopped by itself. */
    static final int FAILED = 1;

    private static final PrintStream OUT = System.out;

    /** Flyway reports through java.util.logging: its notes would fill the console (kept: loggers are weak). */
    private static final java.util.logging.Logger FLYWAY = java.util.logging.Logger.getLogger("org.flywaydb");

    private static final int LOG_TAIL = 40;

    private final Path home;
    private final Path war;
    private final Path micro;
    private final int port;

    /** What has been started, stopped in reverse order by the shutdown hook. */
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    private boolean stopping;

    private Launcher(Path home, Path war, Path micro, int port) {
        this.home = home;
        this.war = war;
        this.micro = micro;
        this.port = port;
    }

    public static void main(String[] args) {
        int status;
        try {
            var launcher = new Launcher(
                    Path.of(System.getProperty("clearroom.home", ".clearroom"))
                            .toAbsolutePath()
                            .normalize(),
                    Path.of(required("clearroom.war")),
                    Path.of(required("payara.microJar")),
                    port(System.getenv("CLEARROOM_PORT")));
            Runtime.getRuntime().addShutdownHook(new Thread(launcher::stopAll, "clearroom-stop"));
            status = launcher.run();
        } catch (Refused refused) {
            OUT.println("Clearroom: " + refused.getMessage());
            status = REFUSED;
        } catch (Exception e) {
            OUT.println("Clearroom: could not start: " + e.getMessage());
            status = FAILED;
        }
        System.exit(status); // the shutdown hook stops whatever was started
    }

    /** A start refused for a reason the user can act on, told in one line. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private int run() throws Exception {
        long began = System.nanoTime();
        Files.createDirectories(home);
        lockFolder();
        stopOrphanServer();
        requireFreePort();

        var configured = Database.fromEnvironment(System.getenv());
        Database database;
        if (configured.isPresent()) {
            database = configured.get();
        } else {
            say("starting PostgreSQL");
            database = Database.embedded(home.resolve("pgdata"), true, Launcher::say);
        }
        register(database);
        say("database: "
                + (database.isEmbedded()
                        ? "embedded PostgreSQL in " + relative(home.resolve("pgdata"))
                        : database.describe()));
        Login login;
        if (database.isEmbedded()) {
            login = prepareEmbedded(database);
        } else {
            // a database of yours: the server migrates it with the login you gave (docs/configuration.md)
            login = new Login(database.url(), database.user(), database.passwordOrPlaceholder());
        }

        var server = startServer(login);
        var url = "http://localhost:" + port + "/";
        if (!awaitReady(url + "health/ready", server)) {
            explainFailure(server);
            return FAILED;
        }
        printWelcome(url, Duration.ofNanos(System.nanoTime() - began));
        int exit = server.waitFor();
        if (!isStopping()) {
            var why =
                    exit > 128 ? "it was sent signal " + (exit - 128) + ", exit status " + exit : "exit status " + exit;
            say("the server stopped without being asked here (" + why + "); the end of " + relative(serverLog()) + ":");
            tail(serverLog()).forEach(line -> OUT.println("  " + line));
            return FAILED;
        }
        return 0;
    }

    // ---- one running copy per folder, and what a killed copy left running

    /**
     * Holds {@code launcher.lock} for the life of this process: the operating system releases it when
     * the process ends, however it ends, so a lock that cannot be taken means a live copy.
     */
    private void lockFolder() throws IOException, Refused {
        var channel =
                FileChannel.open(home.resolve("launcher.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            var running = readState();
            throw new Refused("already running from this folder ("
                    + running.getProperty("pid", "process unknown").replaceFirst("^(\\d+)$", "process $1") + ", "
                    + running.getProperty("url", "port unknown")
                    + "). Stop it first (Ctrl-C in its terminal), or run another copy from another folder with"
                    + " another CLEARROOM_PORT.");
        }
        register(() -> {
            lock.release();
            channel.close();
        });
        var state = new Properties();
        state.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        state.setProperty("url", "http://localhost:" + port + "/");
        try (var out = Files.newOutputStream(home.resolve("launcher.state"))) {
            state.store(out, "the Clearroom quick start running from this folder");
        }
    }

    private Properties readState() {
        var state = new Properties();
        try (var in = Files.newInputStream(home.resolve("launcher.state"))) {
            state.load(in);
        } catch (IOException e) {
            // nothing to name; the refusal still says what to do
        }
        return state;
    }

    /** A server that a killed run left running still holds the port and the database: stop it. */
    private void stopOrphanServer() throws IOException {
        var pidFile = home.resolve("server.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        var marker = "-Dclearroom.home=" + home;
        Optional<ProcessHandle> orphan;
        try {
            orphan = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info()
                            .arguments()
                            .map(arguments -> List.of(arguments).contains(marker))
                            .orElse(false));
        } catch (NumberFormatException e) {
            orphan = Optional.empty();
        }
        if (orphan.isPresent()) {
            say("stopping the server (process " + orphan.get().pid() + ") left running by an earlier run");
            terminate(orphan.get());
        }
        Files.deleteIfExists(pidFile);
    }

    private void requireFreePort() throws Refused {
        try (var socket = new ServerSocket()) {
            // as Payara binds it: every interface, reusing a port that is only in TIME_WAIT
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw portTaken();
        }
    }

    private Refused portTaken() {
        return new Refused("port " + port + " is in use by another program; stop it, or choose another port:"
                + " CLEARROOM_PORT=" + (port == 65535 ? 8081 : port + 1) + " ./mvnw -Prun package");
    }

    // ---- the server

    /** How the server connects to its database. */
    private record Login(String url, String user, String password) {}

    static final String DATABASE = "clearroom";

    static final String SERVER_LOGIN = "clearroom_app";

    /**
     * The embedded database the way a production one should be: {@value #DATABASE} owned by the
     * superuser, which migrates it here, and the server running as {@value #SERVER_LOGIN}, a login that
     * may only append to the audit and ledger tables.
     */
    private Login prepareEmbedded(Database database) throws Exception {
        database.ensureDatabase(DATABASE);
        var password = database.ensureLogin(SERVER_LOGIN)
                .orElseThrow(() -> new IllegalStateException("the embedded PostgreSQL lets its superuser make roles"));
        FLYWAY.setLevel(java.util.logging.Level.WARNING);
        var migrated = org.clearroom.platform.boundary.Schema.migrate(database.dataSource(DATABASE), SERVER_LOGIN);
        if (migrated.migrationsExecuted > 0) {
            say("database schema now at version " + migrated.targetSchemaVersion + " (" + migrated.migrationsExecuted
                    + " migrations applied)");
        }
        return new Login(database.urlOf(DATABASE), SERVER_LOGIN, password);
    }

    private Process startServer(Login login) throws IOException {
        var log = serverLog();
        if (Files.exists(log)) {
            Files.move(log, home.resolve("server.previous.log"), StandardCopyOption.REPLACE_EXISTING);
        }
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Duser.timezone=UTC",
                "-Dclearroom.demo.enabled=true",
                "-Dclearroom.ledger.key-file=" + home.resolve("ledger.key"),
                // names this folder's server, so that a later run can tell it from any other Java process
                "-Dclearroom.home=" + home,
                "-jar",
                micro.toString(),
                "--deploy",
                war.toString(),
                "--contextroot",
                "/",
                "--port",
                Integer.toString(port),
                "--nocluster"));
        var preBoot = System.getProperty("clearroom.preBootCommands");
        if (preBoot != null && !preBoot.isBlank()) {
            command.addAll(List.of("--prebootcommandfile", preBoot));
        }
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        // the connection goes to the server in its environment, where no process listing shows it
        builder.environment().put("CLEARROOM_DB_URL", login.url());
        builder.environment().put("CLEARROOM_DB_USER", login.user());
        builder.environment().put("CLEARROOM_DB_PASSWORD", login.password());
        say("starting the server on port " + port + " (about 20 s; its log is " + relative(log) + ")");
        Process server;
        synchronized (this) {
            if (stopping) {
                throw new IOException("stopped while starting");
            }
            server = builder.start();
            started.push(() -> {
                terminate(server.toHandle());
                Files.deleteIfExists(home.resolve("server.pid"));
            });
        }
        Files.writeString(home.resolve("server.pid"), server.pid() + "\n");
        return server;
    }

    private boolean awaitReady(String health, Process server) throws InterruptedException {
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long began = System.nanoTime();
        long deadline = began + Duration.ofMinutes(5).toNanos();
        long nextNote = began + Duration.ofSeconds(20).toNanos();
        long noApplicationSince = 0;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                return false;
            }
            if (System.nanoTime() > nextNote) {
                say("still starting ("
                        + Duration.ofNanos(System.nanoTime() - began).toSeconds() + " s)");
                nextNote += Duration.ofSeconds(20).toNanos();
            }
            try {
                var response = client.send(
                        HttpRequest.newBuilder(URI.create(health))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return true;
                }
                if (response.body().contains("No Application deployed")) {
                    // health answers before deployment ends; still no application long after means it failed
                    if (noApplicationSince == 0) {
                        noApplicationSince = System.nanoTime();
                    } else if (System.nanoTime() - noApplicationSince
                            > Duration.ofSeconds(60).toNanos()) {
                        return false;
                    }
                } else {
                    noApplicationSince = 0;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            server.waitFor(500, TimeUnit.MILLISECONDS);
        }
        return false;
    }

    private void explainFailure(Process server) {
        var lines = tail(serverLog());
        if (lines.stream()
                .anyMatch(line -> line.contains("Address already in use") || line.contains("BindException"))) {
            OUT.println("Clearroom: " + portTaken().getMessage());
            return;
        }
        say("the server did not become ready"
                + (server.isAlive() ? " within 5 minutes" : " (it exited with status " + server.exitValue() + ")")
                + "; the end of " + relative(serverLog()) + ":");
        lines.forEach(line -> OUT.println("  " + line));
    }

    private Path serverLog() {
        return home.resolve("server.log");
    }

    private static List<String> tail(Path log) {
        try {
            var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - LOG_TAIL), lines.size());
        } catch (IOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }

    // ---- stopping

    private synchronized void register(AutoCloseable resource) {
        started.push(resource);
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    /** The shutdown hook: stops what was started, newest first (the server, then the database). */
    private void stopAll() {
        synchronized (this) {
            stopping = true;
        }
        while (true) {
            AutoCloseable next;
            synchronized (this) {
                next = started.poll();
            }
            if (next == null) {
                return;
            }
            try {
                next.close();
            } catch (Exception e) {
                OUT.println("Clearroom: while stopping: " + e.getMessage());
            }
        }
    }

    /** Asks a process to stop (SIGTERM: Payara runs its shutdown), and kills it if it has not in 30 s. */
    private static void terminate(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    // ---- the console

    private static void say(String message) {
        OUT.println("Clearroom: " + message);
    }

    private String relative(Path path) {
        var cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

    private static String required(String property) {
        var value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is required (the Maven profile sets it)");
        }
        return value;
    }

    static int port(String value) throws Refused {
        if (value == null || value.isBlank()) {
            return 8080;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new Refused("CLEARROOM_PORT must be a port number from 1 to 65535, not '" + value + "'");
    }

    private void printWelcome(String url, Duration took) {
        OUT.println();
        OUT.println("==============================================================================");
        OUT.printf("  Clearroom is ready at %s  (started in %.1f s)%n", url, took.toMillis() / 1000.0);
        OUT.println("  API: " + url + "api   OpenAPI: " + url + "openapi   Health: " + url + "health/ready");
        OUT.println();
        OUT.println("  Demo sign-ins (password for all: " + DemoData.PASSWORD + "):");
        for (var account : DemoData.ACCOUNTS) {
            var kind = DemoData.ORGANISATIONS.stream()
                    .filter(o -> o.name().equals(account.organisation()))
                    .findFirst()
                    .map(o -> o.kind().name())
                    .orElse("");
            OUT.printf(
                    "    %-16s %-28s %-10s %s%n",
                    account.username(),
                    account.organisation(),
                    kind,
                    account.roles().isEmpty() ? "" : account.roles());
        }
        OUT.println();
        OUT.println("  Try: curl -s -X POST " + url + "api/auth/tokens -H 'Content-Type: application/json' \\");
        OUT.println("         -d '{\"username\":\"carla.carrier\",\"password\":\"" + DemoData.PASSWORD + "\"}'");
        OUT.println("  Server log: " + relative(serverLog()) + ".  Stop with Ctrl-C.");
        OUT.println("  Data is kept in " + relative(home) + "/ (delete it to start afresh).");
        OUT.println("==============================================================================");
    }
}

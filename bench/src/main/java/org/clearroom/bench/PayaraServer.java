package org.clearroom.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Payara Micro with a Clearroom WAR, as a child process, the way the quick start runs it (see
 * {@code org.clearroom.launcher.Launcher}): the database in the process's environment, the ledger key
 * in a file, the first operator from {@code clearroom.bootstrap.admin.password}, demo data off. Its
 * output goes to a log file. Every server started here is stopped when the benchmark ends, however it
 * ends (a shutdown hook), and only those: a Payara that someone else runs on this machine is never
 * touched, and ours listens on a port of its own.
 */
final class PayaraServer implements AutoCloseable {

    /** Servers started by this JVM and not yet stopped. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(PayaraServer::stop), "stop-payara"));
    }

    record Settings(
            Path microJar,
            Path war,
            String dbUrl,
            String dbUser,
            String dbPassword,
            String adminPassword,
            Path keyFile,
            Path work) {}

    private final Process process;
    private final int port;
    private final Path log;
    private final Path root;

    private PayaraServer(Process process, int port, Path log, Path root) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.root = root;
    }

    /** Starts the server and waits (up to 5 minutes) until {@code /health/ready} says UP. */
    static PayaraServer start(String name, Settings settings) throws IOException, InterruptedException {
        int port = freePort(8181);
        Files.createDirectories(settings.work());
        var log = settings.work().resolve("payara-" + name + ".log");
        var root = Files.createTempDirectory(settings.work(), "payara-" + name + "-");
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Duser.timezone=UTC",
                "-Dclearroom.demo.enabled=false",
                "-Dclearroom.bootstrap.admin.password=" + settings.adminPassword(),
                "-Dclearroom.ledger.key-file=" + settings.keyFile(),
                "-Dclearroom.ledger.origin=clearroom.bench/ledger",
                "-jar",
                settings.microJar().toString(),
                "--deploy",
                settings.war().toString(),
                "--contextroot",
                "/",
                "--port",
                Integer.toString(port),
                "--rootDir",
                root.toString(),
                "--nocluster"));
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        // as the launcher does: the connection travels in the environment, not on a command line
        builder.environment().put("CLEARROOM_DB_URL", settings.dbUrl());
        builder.environment().put("CLEARROOM_DB_USER", settings.dbUser());
        builder.environment().put("CLEARROOM_DB_PASSWORD", settings.dbPassword());
        long started = System.nanoTime();
        var process = builder.start();
        RUNNING.add(process);
        var server = new PayaraServer(process, port, log, root);
        System.out.printf("   [payara %s: pid %d, port %d, log %s]%n", name, process.pid(), port, log);
        if (!server.awaitReady(Duration.ofMinutes(5))) {
            var tail = server.logTail(60);
            server.close();
            throw new IllegalStateException(
                    "Payara (" + name + ") did not become ready; the end of " + log + ":\n" + tail);
        }
        System.out.printf("   [payara %s ready after %.1f s]%n", name, (System.nanoTime() - started) / 1e9);
        return server;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** The last {@code lines} lines of the server's log. */
    String logTail(int lines) {
        try {
            var all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Log lines that mention {@code text}, with the {@code after} lines that follow each (a stack trace). */
    List<String> logExcerpt(String text, int after, int maxMatches) {
        var out = new ArrayList<String>();
        try {
            var all = Files.readAllLines(log, StandardCharsets.UTF_8);
            int matches = 0;
            for (int i = 0; i < all.size() && matches < maxMatches; i++) {
                if (all.get(i).contains(text)) {
                    matches++;
                    out.addAll(all.subList(i, Math.min(all.size(), i + 1 + after)));
                    out.add("   ...");
                }
            }
        } catch (IOException | RuntimeException e) {
            out.add("(log unreadable: " + e.getMessage() + ")");
        }
        return out;
    }

    /**
     * What the server logged as going wrong from line {@code from} of its log on: each failed request's
     * exception with the first Clearroom frame under it, and every other SEVERE or WARNING record by
     * logger, counted. Answers the tally and the number of lines read, to pass as {@code from} next time.
     */
    Tally problemsSince(int from) {
        var tally = new TreeMap<String, Integer>();
        List<String> all;
        try {
            all = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return new Tally(Map.of("(log unreadable: " + e.getMessage() + ")", 1), from);
        }
        for (int i = from; i < all.size(); i++) {
            var line = ANSI.matcher(all.get(i)).replaceAll("");
            if (line.contains("ProblemResponses") && line.contains("SEVERE") && i + 2 < all.size()) {
                // the record's message ("request ID failed"), then the exception, then its frames
                var exception = all.get(i + 2).strip();
                var frame = "";
                for (int j = i + 3; j < Math.min(all.size(), i + 80); j++) {
                    if (all.get(j).contains("at org.clearroom.")) {
                        frame = " at " + all.get(j).strip().substring(3);
                        break;
                    }
                }
                tally.merge("failed request: " + ForumApi.abbreviate(exception, 160) + frame, 1, Integer::sum);
            } else {
                var record = RECORD.matcher(line);
                if (record.find()) {
                    tally.merge(record.group(1) + " " + record.group(2), 1, Integer::sum);
                }
            }
        }
        return new Tally(tally, all.size());
    }

    record Tally(Map<String, Integer> counts, int lines) {
        void print(String indent) {
            counts.forEach((what, n) -> System.out.printf("%s%,d × %s%n", indent, n, what));
        }
    }

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");

    /** The level and logger of a log record other than a failed request: "[WARNING] [] [logger]". */
    private static final Pattern RECORD = Pattern.compile("\\[(SEVERE|WARNING)\\] \\[[^\\]]*\\] \\[([^\\]]+)\\]");

    private boolean awaitReady(Duration limit) throws InterruptedException {
        var client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        var health = base().resolve("health/ready");
        long deadline = System.nanoTime() + limit.toNanos();
        long noApplicationSince = 0;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                var response = client.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return true;
                }
                if (response.body().contains("No Application deployed")) {
                    // health answers before deployment ends; no application long after means it failed
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
            // a bounded poll (deadline above); returns early when the server exits
            process.waitFor(500, TimeUnit.MILLISECONDS);
        }
        return false;
    }

    /** The first port from {@code from} that nothing listens on (the default 8080 belongs to others). */
    private static int freePort(int from) throws IOException {
        for (int port = from; port < from + 200; port++) {
            try (var probe = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IOException("no free port in " + from + ".." + (from + 199));
    }

    @Override
    public void close() {
        stop(process);
        deleteTree(root);
    }

    /** SIGTERM, so Payara shuts down cleanly; SIGKILL after 30 s. */
    private static void stop(Process process) {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(process);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a leftover temporary directory under the bench's work directory
        }
    }
}

package org.clearroom.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clearroom.demo.boundary.DemoData;

/**
 * Starts the quick-start server: database, then Payara Micro with the WAR as a child process, then
 * waits for readiness and prints where to go and how to sign in. Ctrl-C stops both.
 */
public final class Launcher {

    private static final PrintStream OUT = System.out;

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        var home = Path.of(System.getProperty("clearroom.home", ".clearroom")).toAbsolutePath();
        var war = Path.of(required("clearroom.war"));
        var micro = Path.of(required("payara.microJar"));
        int port = Integer.parseInt(
                System.getenv().getOrDefault("CLEARROOM_PORT", System.getProperty("clearroom.port", "8080")));
        Files.createDirectories(home);

        var configured = Database.fromEnvironment(System.getenv());
        var database = configured.isPresent() ? configured.get() : Database.embedded(home.resolve("pgdata"), true);
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Duser.timezone=UTC",
                "-Dclearroom.demo.enabled=true",
                "-Dclearroom.ledger.key-file=" + home.resolve("ledger.key")));
        String name = database.isEmbedded() ? "clearroom" : null;
        if (name != null) {
            database.ensureDatabase(name);
        }
        OUT.println("Clearroom: database is " + database.describe());
        command.addAll(List.of(
                "-jar",
                micro.toString(),
                "--deploy",
                war.toString(),
                "--contextroot",
                "/",
                "--port",
                Integer.toString(port),
                "--nocluster"));
        var builder = new ProcessBuilder(command).inheritIO();
        // the connection goes to the server in its environment, where no process listing shows it
        builder.environment().put("CLEARROOM_DB_URL", name == null ? database.url() : database.urlOf(name));
        builder.environment().put("CLEARROOM_DB_USER", database.user());
        builder.environment().put("CLEARROOM_DB_PASSWORD", database.passwordOrPlaceholder());
        var server = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, database)));
        // when Maven goes away without passing on a signal (an IDE's stop button), go with it
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));

        var url = "http://localhost:" + port + "/";
        if (!awaitReady(url + "health/ready", server, Duration.ofMinutes(5))) {
            OUT.println("Clearroom: the server did not become ready; see the log above");
            System.exit(1); // the shutdown hook stops the server and the database
        }
        printWelcome(url, Duration.ofNanos(System.nanoTime() - started));
        System.exit(server.waitFor());
    }

    private static String required(String property) {
        var value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is required (the Maven profile sets it)");
        }
        return value;
    }

    private static boolean awaitReady(String health, Process server, Duration limit) throws InterruptedException {
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        long noApplicationSince = 0;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                return false;
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
                            > Duration.ofSeconds(30).toNanos()) {
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

    private static void printWelcome(String url, Duration took) {
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
        OUT.println("  Stop with Ctrl-C. Data is kept in .clearroom/ (delete it to start afresh).");
        OUT.println("==============================================================================");
    }

    private static void stop(Process server, Database database) {
        server.destroy();
        try {
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            database.close();
        } catch (InterruptedException | IOException e) {
            Thread.currentThread().interrupt();
        }
    }
}

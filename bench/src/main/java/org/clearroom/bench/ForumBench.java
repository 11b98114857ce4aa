package org.clearroom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.clearroom.forums.control.Markdown;
import org.clearroom.platform.control.Digests;

/**
 * The forum's benchmarks, through the real server over HTTP (Payara Micro with the product's WAR, as
 * a child process, on PostgreSQL):
 *
 * <pre>
 * ForumBench [all | posting thread-page search pathological-text ...] [--quick]
 *            [--clients 16] [--seconds 30] [--warmup-posts 3000] [--pairs 2] [--threads 50]
 *            [--thread-posts 10000] [--read-clients 8] [--read-seconds 20]
 *            [--search-posts 1000000] [--search-threads 20000] [--search-clients 4] [--search-seconds 30]
 *            [--work DIR]
 * </pre>
 *
 * <ul>
 *   <li>{@code posting}: replies per second with the access check and the audit trail, against the
 *       same with the audit trail switched off, alternately on a fresh server each time.
 *   <li>{@code thread-page}: latency of a page of 50 posts in a thread of 10,000.
 *   <li>{@code search}: latency of full-text search over 1,000,000 posts.
 *   <li>{@code pathological-text}: storing and searching text PostgreSQL's parser found quadratic,
 *       against ordinary text of the same length ({@link PathologicalTextBench}).
 * </ul>
 *
 * {@code --quick} shrinks everything for a smoke test (10 s runs, one pair, 1,000 posts in the thread,
 * 50,000 searchable posts). PostgreSQL is the one the libpq variables name, or an embedded one (see
 * {@link BenchDatabase}). The WAR and Payara Micro come from the system properties {@code clearroom.war}
 * and {@code payara.microJar}, which the {@code forum-bench} profile sets. Each part prints what it
 * measures as it goes; a Markdown table of all results closes the run. This is a command-line program:
 * it prints to the console.
 */
public final class ForumBench {

    private static final List<String> ALL = List.of("posting", "thread-page", "search", "pathological-text");

    // held so that the level set here stays (loggers are weakly referenced)
    private static final java.util.logging.Logger FLYWAY = java.util.logging.Logger.getLogger("org.flywaydb");

    private ForumBench() {}

    public static void main(String[] args) throws Exception {
        FLYWAY.setLevel(java.util.logging.Level.WARNING);
        Set<String> selected = new LinkedHashSet<>();
        boolean quick = false;
        int clients = 16;
        double seconds = 30;
        int warmupPosts = 3000;
        int pairs = 2;
        int threads = 50;
        int threadPosts = 10_000;
        int readClients = 8;
        double readSeconds = 20;
        long searchPosts = 1_000_000;
        int searchThreads = 20_000;
        int searchClients = 4;
        double searchSeconds = 30;
        var work = Path.of(System.getProperty("java.io.tmpdir"), "clearroom-forum-bench");
        var numbers = new java.util.HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            var arg = args[i];
            switch (arg) {
                case "" -> {}
                case "all" -> selected.addAll(ALL);
                case "--quick" -> quick = true;
                case "--work" -> work = Path.of(args[++i]);
                case "--clients",
                        "--seconds",
                        "--warmup-posts",
                        "--pairs",
                        "--threads",
                        "--thread-posts",
                        "--read-clients",
                        "--read-seconds",
                        "--search-posts",
                        "--search-threads",
                        "--search-clients",
                        "--search-seconds" -> numbers.put(arg, args[++i]);
                default -> {
                    if (!ALL.contains(arg)) {
                        System.err.println("unknown part or option: " + arg + "; parts: " + ALL);
                        System.exit(2);
                    }
                    selected.add(arg);
                }
            }
        }
        if (selected.isEmpty()) {
            selected.addAll(ALL);
        }
        if (quick) {
            seconds = 10;
            warmupPosts = 1000;
            pairs = 1;
            threadPosts = 1000;
            readSeconds = 10;
            searchPosts = 50_000;
            searchThreads = 1000;
            searchSeconds = 10;
        }
        // explicit sizes win over --quick
        clients = Integer.parseInt(numbers.getOrDefault("--clients", Integer.toString(clients)));
        seconds = Double.parseDouble(numbers.getOrDefault("--seconds", Double.toString(seconds)));
        warmupPosts = Integer.parseInt(numbers.getOrDefault("--warmup-posts", Integer.toString(warmupPosts)));
        pairs = Integer.parseInt(numbers.getOrDefault("--pairs", Integer.toString(pairs)));
        threads = Integer.parseInt(numbers.getOrDefault("--threads", Integer.toString(threads)));
        threadPosts = Integer.parseInt(numbers.getOrDefault("--thread-posts", Integer.toString(threadPosts)));
        readClients = Integer.parseInt(numbers.getOrDefault("--read-clients", Integer.toString(readClients)));
        readSeconds = Double.parseDouble(numbers.getOrDefault("--read-seconds", Double.toString(readSeconds)));
        searchPosts = Long.parseLong(numbers.getOrDefault("--search-posts", Long.toString(searchPosts)));
        searchThreads = Integer.parseInt(numbers.getOrDefault("--search-threads", Integer.toString(searchThreads)));
        searchClients = Integer.parseInt(numbers.getOrDefault("--search-clients", Integer.toString(searchClients)));
        searchSeconds = Double.parseDouble(numbers.getOrDefault("--search-seconds", Double.toString(searchSeconds)));

        var builtWar = existing("clearroom.war", "the WAR (web/target/clearroom.war)");
        var microJar = existing("payara.microJar", "the Payara Micro jar");
        Files.createDirectories(work);
        // the tree is shared: another build may rewrite web/target and core/target while this runs, so
        // every server deploys one snapshot of the WAR, and the core classes used here are loaded now
        var war = Files.copy(builtWar, work.resolve("clearroom.war"), StandardCopyOption.REPLACE_EXISTING);
        Digests.sha256Hex(new Markdown().render("*loaded* `now`").html());
        // when Maven goes away without passing on a signal, go with it (the shutdown hook stops the servers)
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(1)));

        var results = new Results();
        var failed = new LinkedHashSet<String>();
        long start = System.nanoTime();
        try (var db = BenchDatabase.start(System.getenv())) {
            machine(db, war, microJar, work);
            if (selected.contains("posting")) {
                var posting = new PostingBench(
                        db, results, war, microJar, work, clients, seconds, warmupPosts, pairs, threads);
                part("posting", failed, null, posting::run);
            }
            if (selected.contains("thread-page")
                    || selected.contains("search")
                    || selected.contains("pathological-text")) {
                System.out.printf(
                        "%n   [the read benchmarks' server starts; other load on the machine: %s]%n",
                        LedgerBench.contention());
                ReadSite site = null;
                try {
                    site = ReadSite.start(db, war, microJar, work);
                } catch (Exception e) {
                    report("the read benchmarks' server", e, null);
                    failed.add("thread-page and search (server start)");
                }
                if (site != null) {
                    try (var reads = site) {
                        if (selected.contains("thread-page")) {
                            var threadPage = new ThreadPageBench(reads, results, threadPosts, readClients, readSeconds);
                            part("thread-page", failed, reads.server, threadPage::run);
                        }
                        if (selected.contains("search")) {
                            var search = new SearchBench(
                                    reads, results, searchPosts, searchThreads, searchClients, searchSeconds);
                            part("search", failed, reads.server, search::run);
                        }
                        if (selected.contains("pathological-text")) {
                            var pathological = new PathologicalTextBench(reads, results);
                            part("pathological-text", failed, reads.server, pathological::run);
                        }
                    }
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%n== results (whole run %.0f s, load average now %s)%n%n%s",
                (System.nanoTime() - start) / 1e9,
                LedgerBench.loadAverage(),
                results.markdown());
        if (!failed.isEmpty()) {
            System.out.println("\nFAILED: " + failed + " (see above)");
            System.exit(1);
        }
    }

    interface Part {
        void run() throws Exception;
    }

    private static void part(String name, Set<String> failed, PayaraServer server, Part part) {
        System.out.printf("%n   [%s starts; other load on the machine: %s]%n", name, LedgerBench.contention());
        long t = System.nanoTime();
        try {
            part.run();
        } catch (Exception e) {
            report(name, e, server);
            failed.add(name);
        }
        System.out.printf(Locale.ROOT, "   (%s took %.0f s)%n", name, (System.nanoTime() - t) / 1e9);
    }

    /** What went wrong, precisely: the exchange, and the server's log lines for its request id. */
    static void report(String name, Exception e, PayaraServer server) {
        System.out.println("\n!! " + name + " failed: " + e);
        if (e instanceof ForumApi.Failure failure && server != null) {
            System.out.println("   server log for " + failure.exchange().requestId() + ":");
            server.logExcerpt(failure.exchange().requestId(), 30, 2).forEach(l -> System.out.println("      " + l));
        }
        var trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        System.out.println(trace.toString().lines().limit(25).reduce("", (a, b) -> a + "   " + b + "\n"));
    }

    private static Path existing(String property, String what) {
        var value = System.getProperty(property);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            System.err.println("system property " + property + " must name " + what + " (the forum-bench profile"
                    + " sets it); it is " + value);
            System.exit(2);
        }
        return Path.of(value);
    }

    private static void machine(BenchDatabase db, Path war, Path microJar, Path work) throws Exception {
        System.out.println("== machine");
        System.out.println("   processors: " + Runtime.getRuntime().availableProcessors());
        System.out.println("   before the run: " + LedgerBench.contention());
        System.out.println("   java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.println("   WAR: " + war + " (a copy of the one built); Payara Micro: " + microJar.getFileName()
                + "; work directory: " + work);
        System.out.println("   postgresql: " + db.describe());
        try (var connection = db.admin();
                var statement = connection.createStatement()) {
            try (var rs = statement.executeQuery("select version()")) {
                rs.next();
                System.out.println("   " + rs.getString(1));
            }
            for (var setting :
                    List.of("shared_buffers", "synchronous_commit", "fsync", "max_connections", "work_mem")) {
                try (var rs = statement.executeQuery("show " + setting)) {
                    rs.next();
                    System.out.println("   " + setting + " = " + rs.getString(1));
                }
            }
        }
    }
}

package org.clearroom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Posting throughput through the real server: replies over HTTP to a set of threads by concurrent
 * members, each reply access-checked against the room's rules and recorded in the audit trail, against
 * the same with the audit trail switched off ({@link SilentAuditWar}). The runs alternate (on, off, on,
 * off, ...), each on a freshly started Payara Micro over one database, so that drift of a shared
 * machine hits both alike. Each run warms up first, then measures for a fixed time.
 */
final class PostingBench {

    private static final String PART = "posting";

    private final BenchDatabase db;
    private final Results results;
    private final Path war;
    private final Path microJar;
    private final Path work;
    private final int clients;
    private final double seconds;
    private final int warmupPosts;
    private final int pairs;
    private final int threadCount;

    PostingBench(
            BenchDatabase db,
            Results results,
            Path war,
            Path microJar,
            Path work,
            int clients,
            double seconds,
            int warmupPosts,
            int pairs,
            int threadCount) {
        this.db = db;
        this.results = results;
        this.war = war;
        this.microJar = microJar;
        this.work = work;
        this.clients = clients;
        this.seconds = seconds;
        this.warmupPosts = warmupPosts;
        this.pairs = pairs;
        this.threadCount = threadCount;
    }

    /** The forum as set up once, in the database that all runs share. */
    private record Forum(ForumMembers members, String roomId, List<String> threadIds, List<PostBodies> bodies) {}

    /** One measured run. */
    private record Run(
            int number,
            boolean audited,
            double rate,
            Histogram latency,
            long auditGrowth,
            long postsMade,
            long checkpointBefore,
            long checkpointAfter,
            long pendingAtEnd,
            double drainSeconds,
            long ok,
            long failed) {}

    void run() throws Exception {
        System.out.printf(
                Locale.ROOT,
                "%n== forum posting: %d clients reply to %d threads over HTTP; %,d posts of warm-up, then %.0f s"
                        + " measured; audit on and off alternately, %d of each, a fresh Payara each time%n",
                clients,
                threadCount,
                warmupPosts,
                seconds,
                pairs);
        var url = db.empty("forum_posting");
        var keyFile = work.resolve("ledger-posting.key");
        Files.deleteIfExists(keyFile);
        var silentWar = SilentAuditWar.make(war, work);
        System.out.println("   audit-off WAR: " + silentWar + " (" + war.getFileName()
                + " plus WEB-INF/classes/org/clearroom/bench/audit/SilentAuditTrail.class)");
        var adminPassword = "bench-admin-" + Long.toHexString(new SplittableRandom().nextLong());
        var runs = new ArrayList<Run>();
        Forum forum = null;
        try (var connection = db.connect(url)) {
            for (int i = 0; i < 2 * pairs; i++) {
                boolean audited = i % 2 == 0;
                var name = "posting-" + (i + 1) + "-audit-" + (audited ? "on" : "off");
                System.out.printf(
                        "%n   -- run %d of %d: audit %s; other load: %s%n",
                        i + 1, 2 * pairs, audited ? "on" : "off", LedgerBench.contention());
                var settings = new PayaraServer.Settings(
                        microJar,
                        audited ? war : silentWar,
                        url,
                        db.user(),
                        db.passwordOrPlaceholder(),
                        adminPassword,
                        keyFile,
                        work);
                try (var server = PayaraServer.start(name, settings)) {
                    var api = new ForumApi(server.base());
                    try {
                        if (forum == null) {
                            forum = setUp(api, adminPassword);
                        }
                        runs.add(measure(i + 1, audited, server, api, forum, connection));
                    } catch (ForumApi.Failure failure) {
                        System.out.println(
                                "   server log for " + failure.exchange().requestId() + ":");
                        server.logExcerpt(failure.exchange().requestId(), 30, 2)
                                .forEach(line -> System.out.println("      " + line));
                        throw failure;
                    }
                }
            }
        }
        db.drop(url);
        report(runs);
    }

    private Forum setUp(ForumApi api, String adminPassword) throws Exception {
        long start = System.nanoTime();
        var members = ForumMembers.create(api, adminPassword, "posting", 8);
        var admin = members.adminToken;
        var regulator = api.createOrganisation(admin, "Bench Regulator posting", "REGULATOR");
        var room = api.createRoom(admin, "Posting forum", "FORUM");
        // the rule that lets the members post, among others that the access check has to look past
        api.grantKind(admin, room, "CARRIER", "CONTRIBUTE");
        api.grantKind(admin, room, "REGULATOR", "VIEW");
        api.grantKind(admin, room, "VENDOR", "VIEW");
        api.grantTo(admin, room, "ORGANISATION", regulator, "VIEW");
        api.grantTo(admin, room, "ACCOUNT", members.ids.get(0), "MODERATE");
        // other rooms with rules of their own, as on a real server
        for (int r = 1; r <= 4; r++) {
            var other = api.createRoom(admin, "Other room " + r, r % 2 == 0 ? "DOCUMENTS" : "FORUM");
            api.grantKind(admin, other, r % 2 == 0 ? "VENDOR" : "CARRIER", "VIEW");
            api.grantTo(admin, other, "ORGANISATION", regulator, "VIEW");
            api.grantTo(admin, other, "ACCOUNT", members.ids.get(r), "CONTRIBUTE");
        }
        var bodies = new ArrayList<PostBodies>();
        for (int m = 0; m < members.size(); m++) {
            bodies.add(new PostBodies(400, members.othersThan(m), 1000 + m));
        }
        var threads = new ArrayList<String>();
        for (int t = 0; t < threadCount; t++) {
            int author = t % members.size();
            threads.add(api.openThread(
                    members.tokens.get(author),
                    room,
                    "Posting thread " + (t + 1) + ": field report",
                    bodies.get(author).get(t)));
        }
        System.out.printf(
                Locale.ROOT,
                "   set up through the API in %.1f s: 1 CARRIER organisation with %d accounts, 1 REGULATOR"
                        + " organisation, the FORUM room with 5 rules (CARRIER CONTRIBUTE among them), 4 other rooms"
                        + " with 3 rules each, %d threads; bodies average %.0f characters%n",
                (System.nanoTime() - start) / 1e9,
                members.size(),
                threads.size(),
                bodies.get(0).averageLength());
        return new Forum(members, room, threads, bodies);
    }

    private Run measure(int number, boolean audited, PayaraServer server, ForumApi api, Forum forum, Connection db)
            throws Exception {
        int mark = server.problemsSince(0).lines();
        long auditBefore = count(db, "select count(*) from audit_entry");
        long postsBefore = count(db, "select count(*) from forum_post");
        long warmStart = System.nanoTime();
        var warm = LoadRun.until(clients, warmupPosts, c -> replies(api, forum, c));
        System.out.printf(
                Locale.ROOT, "   warm-up: %s in %.1f s%n", warm.describe(), (System.nanoTime() - warmStart) / 1e9);
        long checkpointBefore = count(db, "select coalesce(max(tree_size), 0) from ledger_checkpoint");
        var cpu = new CpuShares(server.pid(), db);
        cpu.start();
        var outcome = LoadRun.forSeconds(clients, seconds, c -> replies(api, forum, c));
        cpu.stop();
        long pendingAtEnd = count(db, "select count(*) from audit_pending");
        double drain = drain(db);
        long checkpointAfter = count(db, "select coalesce(max(tree_size), 0) from ledger_checkpoint");
        long auditAfter = count(db, "select count(*) from audit_entry");
        long postsAfter = count(db, "select count(*) from forum_post");
        var latency = outcome.latencies.getOrDefault("reply", LoadRun.newHistogram());
        System.out.printf(
                Locale.ROOT,
                "   measured: %s%n   reply latency: %s%n   %s%n",
                outcome.describe(),
                LoadRun.latencies(latency),
                cpu.per(Math.max(1, outcome.ok), "post"));
        long posts = postsAfter - postsBefore;
        long growth = auditAfter - auditBefore;
        System.out.printf(
                Locale.ROOT,
                "   this run (warm-up included): %,d posts stored, audit_entry grew by %,d; ledger checkpoint"
                        + " %,d -> %,d entries, %,d entries waiting when the load stopped, all in a checkpoint"
                        + " %.1f s later%n",
                posts,
                growth,
                checkpointBefore,
                checkpointAfter,
                pendingAtEnd,
                drain);
        problems(server, mark);
        if (!audited && growth * 2 >= posts) {
            throw new IllegalStateException("the audit-off run still recorded: audit_entry grew by " + growth + " for "
                    + posts + " posts; SilentAuditTrail did not replace AuditTrail");
        }
        if (audited && growth < posts) {
            throw new IllegalStateException(
                    "the audit-on run recorded fewer entries (" + growth + ") than posts (" + posts + ")");
        }
        return new Run(
                number,
                audited,
                outcome.rate(),
                latency,
                growth,
                posts,
                checkpointBefore,
                checkpointAfter,
                pendingAtEnd,
                drain,
                outcome.ok,
                outcome.failed);
    }

    /** Client {@code c}: member c mod 8 replies to random threads with that member's bodies. */
    private LoadRun.Step replies(ForumApi api, Forum forum, int c) {
        int member = c % forum.members().size();
        var token = forum.members().tokens.get(member);
        var bodies = forum.bodies().get(member);
        var random = new SplittableRandom(31L * c + System.nanoTime());
        return () -> {
            var thread = forum.threadIds().get(random.nextInt(forum.threadIds().size()));
            var exchange = api.post(token, "api/threads/" + thread + "/posts", ForumApi.reply(bodies.pick(random)));
            return new LoadRun.Shot("reply", exchange, exchange.status() == 201);
        };
    }

    /** Seconds until every audit entry is in a checkpoint (the sequencer caught up), at most 60. */
    private static double drain(Connection db) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (count(db, "select count(*) from audit_pending") == 0) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(50); // a bounded poll (deadline above) of the server's sequencer
        }
        return Double.NaN;
    }

    /** Prints what the server logged as going wrong since line {@code from} of its log; answers the next mark. */
    static int problems(PayaraServer server, int from) {
        var tally = server.problemsSince(from);
        if (!tally.counts().isEmpty()) {
            System.out.println("   the server's log (" + server.log() + ") since the last look:");
            tally.print("      ");
        }
        return tally.lines();
    }

    static long count(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void report(List<Run> runs) {
        var on = runs.stream().filter(Run::audited).toList();
        var off = runs.stream().filter(r -> !r.audited()).toList();
        for (var run : runs) {
            results.info(
                    PART,
                    String.format(
                            Locale.ROOT,
                            "run %d, audit %s: posts/s; latency p50 / p99; replies not answered 201",
                            run.number(),
                            run.audited() ? "on" : "off"),
                    String.format(
                            Locale.ROOT,
                            "%s; %.1f / %.1f ms; %,d (%.1f %%)",
                            Results.rate(run.rate()),
                            run.latency().getValueAtPercentile(50) / 1000.0,
                            run.latency().getValueAtPercentile(99) / 1000.0,
                            run.failed(),
                            100.0 * run.failed() / Math.max(1, run.failed() + run.ok())));
        }
        double onRate = Results.median(on.stream().map(Run::rate).toList());
        double offRate = Results.median(off.stream().map(Run::rate).toList());
        double onMean = on.stream().mapToDouble(Run::rate).average().orElse(0);
        double offMean = off.stream().mapToDouble(Run::rate).average().orElse(0);
        results.add(
                PART,
                "audit on: posts/s (median of " + on.size() + " runs, " + clients + " clients)",
                Results.rate(onRate),
                "≥ 1,000/s",
                onRate >= 1000);
        results.info(PART, "audit off: posts/s (median of " + off.size() + " runs)", Results.rate(offRate));
        results.add(
                PART,
                "audit on ÷ audit off, ratio of medians",
                Results.ratio(onRate / offRate),
                "≥ 0.85×",
                onRate / offRate >= 0.85);
        var pairs = new ArrayList<Double>();
        for (int i = 0; i + 1 < runs.size(); i += 2) {
            pairs.add(runs.get(i).rate() / runs.get(i + 1).rate());
        }
        results.info(
                PART,
                "audit on ÷ audit off, ratio of means (each pair: " + Results.list(pairs, "%.2f") + ")",
                Results.ratio(onMean / offMean));
        results.info(
                PART,
                "reply latency p50 / p99, audit on (median of runs)",
                String.format(
                        Locale.ROOT,
                        "%.1f / %.1f ms",
                        Results.median(on.stream()
                                .map(r -> r.latency().getValueAtPercentile(50) / 1000.0)
                                .toList()),
                        Results.median(on.stream()
                                .map(r -> r.latency().getValueAtPercentile(99) / 1000.0)
                                .toList())));
        results.info(
                PART,
                "reply latency p50 / p99, audit off (median of runs)",
                String.format(
                        Locale.ROOT,
                        "%.1f / %.1f ms",
                        Results.median(off.stream()
                                .map(r -> r.latency().getValueAtPercentile(50) / 1000.0)
                                .toList()),
                        Results.median(off.stream()
                                .map(r -> r.latency().getValueAtPercentile(99) / 1000.0)
                                .toList())));
        results.info(
                PART,
                "audit off really off: audit_entry growth per off-run (posts stored)",
                off.stream()
                        .map(r -> String.format(Locale.ROOT, "%,d (%,d)", r.auditGrowth(), r.postsMade()))
                        .reduce((a, b) -> a + "; " + b)
                        .orElse(""));
        results.info(
                PART,
                "sequencer: checkpoint size after each on-run; waiting at stop; caught up after",
                on.stream()
                        .map(r -> String.format(
                                Locale.ROOT,
                                "%,d; %,d; %.1f s",
                                r.checkpointAfter(),
                                r.pendingAtEnd(),
                                r.drainSeconds()))
                        .reduce((a, b) -> a + " / " + b)
                        .orElse(""));
    }
}

package org.clearroom.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.clearroom.forums.control.Markdown;
import org.clearroom.platform.control.Digests;

/**
 * Reading a long thread: one thread with {@code posts} posts, written straight into the database in
 * the shape the server writes (rendered and sanitised HTML, SHA-256 digest, counters on the thread),
 * then pages of 50 read over HTTP by several members at once: the first page oldest first, the first
 * page newest first, and pages in the middle reached with the cursors collected by paging through the
 * whole thread once.
 */
final class ThreadPageBench {

    private static final String PART = "thread-page";
    private static final int PAGE = 50;

    private final ReadSite site;
    private final Results results;
    private final int posts;
    private final int clients;
    private final double seconds;

    ThreadPageBench(ReadSite site, Results results, int posts, int clients, double seconds) {
        this.site = site;
        this.results = results;
        this.posts = posts;
        this.clients = clients;
        this.seconds = seconds;
    }

    void run() throws Exception {
        System.out.printf(
                Locale.ROOT,
                "%n== thread page: GET /api/threads/{id}/posts?limit=%d on a thread of %,d posts, %d clients, %.0f s%n",
                PAGE,
                posts,
                clients,
                seconds);
        var api = site.api;
        var members = site.members;
        var room = api.createRoom(members.adminToken, "Long thread room", "FORUM");
        api.grantKind(members.adminToken, room, "CARRIER", "CONTRIBUTE");
        api.grantKind(members.adminToken, room, "REGULATOR", "VIEW");
        api.grantTo(members.adminToken, room, "ACCOUNT", members.ids.get(0), "MODERATE");
        long start = System.nanoTime();
        var thread = fill(room);
        System.out.printf(
                Locale.ROOT,
                "   %,d posts written in one thread through SQL in %.1f s%n",
                posts,
                (System.nanoTime() - start) / 1e9);

        var cursors = pageThrough(thread);
        var token0 = members.tokens.get(0);
        var warm = LoadRun.forSeconds(clients, Math.min(5, seconds / 2), c -> pages(thread, cursors, c));
        System.out.println("   warm-up: " + warm.describe());

        System.out.println("   before the measurement: " + LedgerBench.contention());
        int mark = PostingBench.problems(site.server, 0);
        var cpu = new CpuShares(site.server.pid(), site.db);
        cpu.start();
        var outcome = LoadRun.forSeconds(clients, seconds, c -> pages(thread, cursors, c));
        cpu.stop();
        System.out.println("   measured: " + outcome.describe());
        System.out.println("   " + cpu.per(Math.max(1, outcome.ok), "page"));
        PostingBench.problems(site.server, mark);
        for (var entry : outcome.latencies.entrySet()) {
            System.out.println("   " + entry.getKey() + ": " + LoadRun.latencies(entry.getValue()));
            report(entry.getKey(), entry.getValue());
        }
        var all = outcome.all();
        System.out.println("   all pages: " + LoadRun.latencies(all));
        report("all pages", all);
        results.info(PART, "pages/s (" + clients + " clients)", Results.rate(outcome.rate()));
        if (outcome.failed > 0) {
            results.info(PART, "requests not answered 200", String.format(Locale.ROOT, "%,d", outcome.failed));
        }
        var check = ForumApi.expect(200, api.get(token0, "api/threads/" + thread));
        results.info(
                PART,
                "the thread's posts as GET /api/threads/{id} reports them",
                String.format(Locale.ROOT, "%,d", check.getJsonNumber("posts").longValue()));
    }

    private void report(String kind, org.HdrHistogram.Histogram h) {
        results.info(
                PART,
                kind + ": p50 / p95 / p99",
                String.format(
                        Locale.ROOT,
                        "%.1f / %.1f / %.1f ms",
                        h.getValueAtPercentile(50) / 1000.0,
                        h.getValueAtPercentile(95) / 1000.0,
                        h.getValueAtPercentile(99) / 1000.0));
    }

    /** Writes the thread and its posts as the server would have: answers the thread's id. */
    private String fill(String room) throws Exception {
        var members = site.members;
        var markdown = new Markdown();
        var random = new SplittableRandom(7);
        var thread = UUID.randomUUID().toString();
        var first = Instant.now().minus(Duration.ofMinutes(posts + 60L)).truncatedTo(ChronoUnit.MICROS);
        var db = site.db;
        db.setAutoCommit(false);
        try (var insertThread = db.prepareStatement("insert into forum_thread (id, room_id, title, author,"
                        + " created_at, last_post_at, post_count) values (?, ?, ?, ?, ?, ?, ?)");
                var insertPost = db.prepareStatement("insert into forum_post (id, thread_id, room_id, author,"
                        + " body, html, digest, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)");
                var subscribe = db.prepareStatement(
                        "insert into subscription (account_id, target, created_at) values (?, ?, ?)")) {
            var last = first.plus(Duration.ofMinutes(posts - 1L));
            insertThread.setString(1, thread);
            insertThread.setString(2, room);
            insertThread.setString(3, "A long thread: rolling firmware upgrade, site by site");
            insertThread.setString(4, members.ids.get(0));
            insertThread.setTimestamp(5, Timestamp.from(first));
            insertThread.setTimestamp(6, Timestamp.from(last));
            insertThread.setInt(7, posts);
            insertThread.executeUpdate();
            // authors watch what they open
            subscribe.setString(1, members.ids.get(0));
            subscribe.setString(2, "threads/" + thread);
            subscribe.setTimestamp(3, Timestamp.from(first));
            subscribe.executeUpdate();
            for (int i = 0; i < posts; i++) {
                int author = i == 0 ? 0 : random.nextInt(members.size());
                var body = PostBodies.body(random, members.othersThan(author));
                insertPost.setString(1, UUID.randomUUID().toString());
                insertPost.setString(2, thread);
                insertPost.setString(3, room);
                insertPost.setString(4, members.ids.get(author));
                insertPost.setString(5, body);
                insertPost.setString(6, markdown.render(body).html());
                insertPost.setString(7, Digests.sha256Hex(body));
                insertPost.setTimestamp(8, Timestamp.from(first.plus(Duration.ofMinutes(i))));
                insertPost.addBatch();
                if (i % 500 == 499) {
                    insertPost.executeBatch();
                }
            }
            insertPost.executeBatch();
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
        try (var statement = db.createStatement()) {
            statement.execute("analyze forum_post");
            statement.execute("analyze forum_thread");
        }
        return thread;
    }

    /** Reads the whole thread once, oldest first, checking the pages; answers the cursor of every page after the first. */
    private List<String> pageThrough(String thread) throws Exception {
        var token = site.members.tokens.get(0);
        var cursors = new ArrayList<String>();
        String cursor = null;
        long seen = 0;
        Instant previous = null;
        long start = System.nanoTime();
        do {
            var path = "api/threads/" + thread + "/posts?limit=" + PAGE
                    + (cursor == null ? "" : "&cursor=" + ForumApi.query(cursor));
            JsonObject page = ForumApi.expect(200, site.api.get(token, path));
            var items = page.getJsonArray("items");
            for (var item : items) {
                var created = Instant.parse(item.asJsonObject().getString("createdAt"));
                if (previous != null && created.isBefore(previous)) {
                    throw new IllegalStateException("posts out of order: " + created + " after " + previous);
                }
                previous = created;
            }
            seen += items.size();
            // the last page's next is null, which the server leaves out of the JSON
            cursor = page.containsKey("next") && !page.isNull("next") ? page.getString("next") : null;
            if (cursor != null) {
                cursors.add(cursor);
            }
        } while (cursor != null);
        System.out.printf(
                Locale.ROOT,
                "   paged through the thread once: %,d posts on %,d pages in %.1f s%n",
                seen,
                cursors.size() + 1,
                (System.nanoTime() - start) / 1e9);
        if (seen != posts) {
            throw new IllegalStateException("paging through answered " + seen + " posts, not " + posts);
        }
        return cursors;
    }

    /** Client {@code c}, as member c mod 8: the three kinds of page in turn. */
    private LoadRun.Step pages(String thread, List<String> cursors, int c) {
        var token = site.members.tokens.get(c % site.members.size());
        var random = new SplittableRandom(97L * c + System.nanoTime());
        var base = "api/threads/" + thread + "/posts?limit=" + PAGE;
        int[] turn = {random.nextInt(3)};
        return () -> {
            int kind = turn[0]++ % 3;
            String name;
            String path;
            switch (kind) {
                case 0 -> {
                    name = "first page, oldest first";
                    path = base;
                }
                case 1 -> {
                    name = "first page, newest first";
                    path = base + "&order=newest";
                }
                default -> {
                    name = "page in the middle (cursor)";
                    // the middle half of the thread: neither end's pages
                    int from = cursors.size() / 4;
                    var cursor = cursors.get(from + random.nextInt(Math.max(1, cursors.size() / 2)));
                    path = base + "&cursor=" + ForumApi.query(cursor);
                }
            }
            var exchange = site.api.get(token, path);
            boolean ok = exchange.status() == 200 && pageOf(exchange) == PAGE;
            return new LoadRun.Shot(name, exchange, ok);
        };
    }

    private static int pageOf(ForumApi.Exchange exchange) {
        try {
            var items = exchange.json().get("items");
            return items != null && items.getValueType() == JsonValue.ValueType.ARRAY
                    ? items.asJsonArray().size()
                    : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }
}

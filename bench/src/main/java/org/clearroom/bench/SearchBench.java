package org.clearroom.bench;

import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.clearroom.forums.control.Markdown;
import org.clearroom.platform.control.Digests;
import org.postgresql.PGConnection;

/**
 * Full-text search at size: {@code posts} posts in 5 FORUM rooms over {@code threads} threads,
 * bulk-loaded with COPY in the shape the server writes (the generated {@code search} columns fill
 * themselves; the indexes are the migration's, rebuilt after the load), then {@code GET /api/search?q=}
 * over HTTP by members of a REGULATOR organisation that may VIEW 3 of the 5 rooms, with a mix of
 * queries: a rare word, a common word, two words, a phrase, and a word with no hits.
 */
final class SearchBench {

    private static final String PART = "search";
    static final List<String> KINDS = List.of("rare word", "common word", "two words", "phrase", "no hits");

    private final ReadSite site;
    private final Results results;
    private final long posts;
    private final int threads;
    private final int clients;
    private final double seconds;

    SearchBench(ReadSite site, Results results, long posts, int threads, int clients, double seconds) {
        this.site = site;
        this.results = results;
        this.posts = posts;
        this.threads = threads;
        this.clients = clients;
        this.seconds = seconds;
    }

    void run() throws Exception {
        System.out.printf(
                Locale.ROOT,
                "%n== search: %,d posts in 5 rooms over %,d threads; GET /api/search?q= by %d clients who may"
                        + " VIEW 3 of the 5 rooms, %.0f s%n",
                posts,
                threads,
                clients,
                seconds);
        var api = site.api;
        var admin = site.members.adminToken;
        var regulator = api.createOrganisation(admin, "Bench Regulator reads", "REGULATOR");
        var rooms = new ArrayList<String>();
        for (int r = 1; r <= 5; r++) {
            var room = api.createRoom(admin, "Search room " + r, "FORUM");
            api.grantKind(admin, room, "CARRIER", "CONTRIBUTE");
            if (r <= 3) {
                api.grantTo(admin, room, "ORGANISATION", regulator, "VIEW");
            }
            rooms.add(room);
        }
        var searchers = new ArrayList<String>();
        for (int i = 1; i <= clients; i++) {
            var username = "reads.searcher" + i;
            api.createAccount(admin, username, regulator, ForumMembers.PASSWORD);
            searchers.add(api.signIn(username, ForumMembers.PASSWORD));
        }

        var corpus = new SearchCorpus(posts, 42);
        checkHtml(corpus);
        load(corpus, rooms);
        sizes();

        var random = new SplittableRandom(5);
        var queries = new LinkedHashMap<String, List<String>>();
        for (var kind : KINDS) {
            queries.put(kind, corpus.queries(kind, 40, random));
        }
        matches(queries, rooms.subList(0, 3));

        var warm = LoadRun.forSeconds(clients, Math.min(5, seconds / 3), c -> searches(searchers, queries, c));
        System.out.println("   warm-up: " + warm.describe());
        System.out.println("   before the measurement: " + LedgerBench.contention());
        int mark = PostingBench.problems(site.server, 0);
        var cpu = new CpuShares(site.server.pid(), site.db);
        cpu.start();
        var outcome = LoadRun.forSeconds(clients, seconds, c -> searches(searchers, queries, c));
        cpu.stop();
        System.out.println("   measured: " + outcome.describe());
        System.out.println("   " + cpu.per(Math.max(1, outcome.ok), "search"));
        PostingBench.problems(site.server, mark);
        for (var kind : KINDS) {
            var h = outcome.latencies.get(kind);
            if (h == null) {
                continue;
            }
            System.out.println("   " + kind + ": " + LoadRun.latencies(h));
            report(kind, h);
        }
        var all = outcome.all();
        System.out.println("   all queries: " + LoadRun.latencies(all));
        report("all queries", all);
        results.info(PART, "searches/s (" + clients + " clients)", Results.rate(outcome.rate()));
        if (outcome.failed > 0) {
            results.info(PART, "requests not answered 200", String.format(Locale.ROOT, "%,d", outcome.failed));
        }
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

    /** Client {@code c}: the kinds of query in turn, each time another query of that kind. */
    private LoadRun.Step searches(List<String> searchers, Map<String, List<String>> queries, int c) {
        var token = searchers.get(c % searchers.size());
        var random = new SplittableRandom(13L * c + System.nanoTime());
        int[] turn = {random.nextInt(KINDS.size())};
        return () -> {
            var kind = KINDS.get(turn[0]++ % KINDS.size());
            var list = queries.get(kind);
            var q = list.get(random.nextInt(list.size()));
            var exchange = site.api.get(token, "api/search?q=" + ForumApi.query(q));
            boolean ok = exchange.status() == 200 && hasItems(exchange);
            return new LoadRun.Shot(kind, exchange, ok);
        };
    }

    private static boolean hasItems(ForumApi.Exchange exchange) {
        try {
            var items = exchange.json().get("items");
            return items != null && items.getValueType() == JsonValue.ValueType.ARRAY;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The corpus's HTML shortcut must be exactly what the server's renderer makes of the same bodies. */
    private static void checkHtml(SearchCorpus corpus) {
        var markdown = new Markdown();
        var random = new SplittableRandom(1);
        for (int i = 0; i < 500; i++) {
            var body = corpus.body(random);
            var rendered = markdown.render(body).html();
            if (!rendered.equals(SearchCorpus.html(body))) {
                throw new IllegalStateException("the renderer's HTML differs from the corpus's:\n" + rendered
                        + "\nversus\n" + SearchCorpus.html(body));
            }
        }
    }

    /** COPY in the threads and posts; the migration's indexes on forum_post are dropped first and rebuilt after. */
    private void load(SearchCorpus corpus, List<String> rooms) throws Exception {
        var db = site.db;
        var members = site.members;
        long start = System.nanoTime();
        boolean replica;
        try (var statement = db.createStatement()) {
            statement.execute("set maintenance_work_mem = '512MB'");
            statement.execute("set synchronous_commit = off");
            try {
                // skips the foreign-key triggers: the generated rows refer only to rows made above
                statement.execute("set session_replication_role = replica");
                replica = true;
            } catch (SQLException notSuperuser) {
                replica = false;
            }
        }
        var indexes = new LinkedHashMap<String, String>();
        try (var statement = db.createStatement();
                var rs = statement.executeQuery("select indexname, indexdef from pg_indexes where tablename ="
                        + " 'forum_post' and indexname <> 'forum_post_pkey' order by indexname")) {
            while (rs.next()) {
                indexes.put(rs.getString(1), rs.getString(2));
            }
        }
        try (var statement = db.createStatement()) {
            for (var name : indexes.keySet()) {
                statement.execute("drop index " + name);
            }
        }
        var epoch = Instant.now().minus(Duration.ofDays(366)).truncatedTo(ChronoUnit.MICROS);
        var random = new SplittableRandom(11);
        var threadIds = new String[threads];
        var threadRooms = new String[threads];
        var copy = db.unwrap(PGConnection.class).getCopyAPI();
        var out = new StringBuilder(1 << 21);
        var in = copy.copyIn(
                "copy forum_thread (id, room_id, title, author, created_at, last_post_at, post_count)" + " from stdin");
        try {
            for (int t = 0; t < threads; t++) {
                threadIds[t] = UUID.randomUUID().toString();
                threadRooms[t] = rooms.get(t % rooms.size());
                var at = timestamp(epoch.plusSeconds(t));
                row(
                        out,
                        threadIds[t],
                        threadRooms[t],
                        corpus.title(random),
                        members.ids.get(random.nextInt(members.size())),
                        at,
                        at,
                        "0");
                flushIfFull(in, out);
            }
            flush(in, out);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        System.out.printf(Locale.ROOT, "   %,d threads copied in%n", threads);
        long span = Duration.ofDays(365).toNanos() / 1000;
        long postsStart = System.nanoTime();
        in = copy.copyIn("copy forum_post (id, thread_id, room_id, author, body, html, digest, created_at) from stdin");
        try {
            for (long i = 0; i < posts; i++) {
                int t = random.nextInt(threads);
                var body = corpus.body(random);
                row(
                        out,
                        UUID.randomUUID().toString(),
                        threadIds[t],
                        threadRooms[t],
                        members.ids.get(random.nextInt(members.size())),
                        body,
                        SearchCorpus.html(body),
                        Digests.sha256Hex(body),
                        timestamp(epoch.plus(Duration.ofDays(1)).plus(span * i / posts, ChronoUnit.MICROS)));
                flushIfFull(in, out);
                if ((i + 1) % Math.max(1, posts / 10) == 0) {
                    System.out.printf(
                            Locale.ROOT,
                            "   %,d posts copied in (%.0f s)%n",
                            i + 1,
                            (System.nanoTime() - postsStart) / 1e9);
                }
            }
            flush(in, out);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        System.out.printf(
                Locale.ROOT,
                "   posts copied in %.1f s (%,.0f/s; the search column's to_tsvector runs in the COPY)%n",
                (System.nanoTime() - postsStart) / 1e9,
                posts / ((System.nanoTime() - postsStart) / 1e9));
        try (var statement = db.createStatement()) {
            for (var index : indexes.entrySet()) {
                long t = System.nanoTime();
                statement.execute(index.getValue());
                System.out.printf(
                        Locale.ROOT,
                        "   %s rebuilt in %.1f s: %s%n",
                        index.getKey(),
                        (System.nanoTime() - t) / 1e9,
                        index.getValue());
            }
            long t = System.nanoTime();
            statement.execute("update forum_thread t set post_count = s.n, last_post_at = s.last from (select"
                    + " thread_id, count(*) as n, max(created_at) as last from forum_post group by thread_id) s"
                    + " where t.id = s.thread_id and t.post_count = 0");
            statement.execute("analyze forum_post");
            statement.execute("analyze forum_thread");
            if (replica) {
                statement.execute("set session_replication_role = origin");
            }
            statement.execute("reset maintenance_work_mem");
            System.out.printf(
                    Locale.ROOT,
                    "   thread counters and ANALYZE in %.1f s; whole load %.1f s%s%n",
                    (System.nanoTime() - t) / 1e9,
                    (System.nanoTime() - start) / 1e9,
                    replica ? " (foreign-key triggers skipped while loading)" : "");
        }
        results.info(
                PART,
                "bulk load: " + String.format(Locale.ROOT, "%,d", posts) + " posts, indexes, ANALYZE",
                String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - start) / 1e9));
    }

    private static String timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC).toString();
    }

    /** One row of COPY's text format: tab-separated, with backslash escapes. */
    private static void row(StringBuilder out, String... values) {
        for (int v = 0; v < values.length; v++) {
            if (v > 0) {
                out.append('\t');
            }
            var value = values[v];
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
        }
        out.append('\n');
    }

    private static void flushIfFull(org.postgresql.copy.CopyIn in, StringBuilder out) throws SQLException {
        if (out.length() > (1 << 20)) {
            flush(in, out);
        }
    }

    private static void flush(org.postgresql.copy.CopyIn in, StringBuilder out) throws SQLException {
        var bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        out.setLength(0);
    }

    private void sizes() throws SQLException {
        System.out.println("   table sizes:");
        var sizes = new ArrayList<String>();
        try (var statement = site.db.createStatement();
                var rs = statement.executeQuery("select c.relname, c.relkind, pg_relation_size(c.oid),"
                        + " pg_total_relation_size(c.oid), c.reltuples::bigint from pg_class c"
                        + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema()"
                        + " and (c.relname like 'forum_post%' or c.relname like 'forum_thread%')"
                        + " and c.relkind in ('r', 'i') order by c.relkind desc, c.relname")) {
            while (rs.next()) {
                var line = String.format(
                        Locale.ROOT,
                        "%s %s: %s%s",
                        rs.getString(2).equals("r") ? "table" : "index",
                        rs.getString(1),
                        mb(rs.getLong(3)),
                        rs.getString(2).equals("r")
                                ? String.format(
                                        Locale.ROOT,
                                        " (with TOAST and indexes %s; %,d rows)",
                                        mb(rs.getLong(4)),
                                        rs.getLong(5))
                                : "");
                System.out.println("      " + line);
                sizes.add(line);
            }
        }
        results.info(
                PART,
                "forum_post: table / with TOAST and indexes / search index",
                sizeOf("forum_post") + " / " + totalSizeOf("forum_post") + " / " + sizeOf("forum_post_search"));
    }

    private String sizeOf(String relation) throws SQLException {
        return mb(PostingBench.count(site.db, "select pg_relation_size('" + relation + "')"));
    }

    private String totalSizeOf(String relation) throws SQLException {
        return mb(PostingBench.count(site.db, "select pg_total_relation_size('" + relation + "')"));
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1e6);
    }

    /** How many posts and threads of the caller's rooms one query of each kind matches (not timed). */
    private void matches(Map<String, List<String>> queries, List<String> visible) throws SQLException {
        var rooms = String.join(",", visible);
        for (var entry : queries.entrySet()) {
            var q = entry.getValue().get(0);
            long hits;
            try (var statement = site.db.prepareStatement(
                    "select count(*) from forum_post where search @@ websearch_to_tsquery('english', ?)"
                            + " and room_id = any(string_to_array(?, ','))")) {
                statement.setString(1, q);
                statement.setString(2, rooms);
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    hits = rs.getLong(1);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "   %-12s e.g. q=%-28s matches %,9d posts in the caller's rooms (%.2f %% of all posts)%n",
                    entry.getKey(),
                    q,
                    hits,
                    100.0 * hits / posts);
        }
    }
}

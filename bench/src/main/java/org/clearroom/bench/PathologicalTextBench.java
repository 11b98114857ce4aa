package org.clearroom.bench;

import jakarta.json.Json;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text that PostgreSQL's text-search parser takes quadratic time over ({@code "_a"} repeated), stored
 * and searched through the server over HTTP, against a control of the same length made of ordinary
 * words, at growing sizes: storing and searching should cost about the same for both, and grow
 * linearly with the size. The same run also times the parser directly in PostgreSQL on the stored
 * HTML, the old way (the HTML as it is) and the current way (its normal form, {@code
 * clearroom_search_text}), so the baseline the fix was made against is measured beside it.
 */
final class PathologicalTextBench {

    private static final String PART = "pathological-text";

    /** Repeats of "_a": the 8,000 and 22,000, and the most a 50,000-character body holds. */
    static final List<Integer> SIZES = List.of(2_000, 8_000, 22_000, 24_900);

    private static final int REPEATS = 3;

    private final ReadSite site;
    private final Results results;

    PathologicalTextBench(ReadSite site, Results results) {
        this.site = site;
        this.results = results;
    }

    void run() throws Exception {
        System.out.printf("%n== %s: \"_a\" repeated, against ordinary words of the same length%n", PART);
        var api = site.api;
        var admin = site.members.adminToken;
        var room = api.createRoom(admin, "Pathological " + System.nanoTime(), "FORUM");
        api.grantTo(admin, room, "ORGANISATION", site.members.organisationId, "CONTRIBUTE");
        var author = site.members.tokens.get(0);
        System.out.printf(
                Locale.ROOT,
                "   %-8s %-12s %12s %12s %14s %14s%n",
                "repeats",
                "text",
                "store ms",
                "search ms",
                "parse old ms",
                "parse now ms");
        var costs = new ArrayList<Cost>();
        var lengths = new ArrayList<Integer>();
        var parserBefore = new ArrayList<Double>();
        for (int repeats : SIZES) {
            var marker = "marker" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
            var pathological = marker + " " + "_a".repeat(repeats);
            var control = marker + "x " + "lorem ipsum dolor sit amet ".repeat(repeats * 2 / 27 + 1);
            control = control.substring(0, pathological.length());
            var odd = measure(room, author, marker, pathological);
            var plain = measure(room, author, marker + "x", control);
            System.out.printf(
                    Locale.ROOT,
                    "   %,8d %-12s %12.1f %12.1f %14.1f %14.1f%n",
                    repeats,
                    "_a repeated",
                    odd.store,
                    odd.search,
                    odd.parseOld,
                    odd.parseNow);
            System.out.printf(
                    Locale.ROOT,
                    "   %,8d %-12s %12.1f %12.1f %14.1f %14.1f%n",
                    repeats,
                    "control",
                    plain.store,
                    plain.search,
                    plain.parseOld,
                    plain.parseNow);
            var size = String.format(Locale.ROOT, "%,d × \"_a\" (%,d characters)", repeats, pathological.length());
            results.info(
                    PART,
                    "store, " + size + " / control",
                    String.format(Locale.ROOT, "%.0f / %.0f ms", odd.store, plain.store));
            results.info(
                    PART,
                    "search hitting it / control",
                    String.format(Locale.ROOT, "%.0f / %.0f ms", odd.search, plain.search));
            results.info(
                    PART,
                    "parser on the stored HTML, as before / now",
                    String.format(Locale.ROOT, "%.0f / %.1f ms", odd.parseOld, odd.parseNow));
            costs.add(odd);
            lengths.add(pathological.length());
            parserBefore.add(odd.parseOld);
        }
        // linear: from the smallest size to the largest, time grows no faster than the size does
        double growth = (double) lengths.get(lengths.size() - 1) / lengths.get(0);
        double store = costs.get(costs.size() - 1).store / costs.get(0).store;
        double search = costs.get(costs.size() - 1).search / costs.get(0).search;
        double before = parserBefore.get(parserBefore.size() - 1) / parserBefore.get(0);
        results.info(
                PART,
                "the parser as before, largest ÷ smallest size (" + String.format(Locale.ROOT, "%.1f", growth)
                        + "× the characters)",
                String.format(Locale.ROOT, "%.0f× the time (quadratic: %.0f×)", before, growth * growth));
        results.add(
                PART,
                "store, largest ÷ smallest size (" + String.format(Locale.ROOT, "%.1f", growth) + "× the characters)",
                String.format(Locale.ROOT, "%.1f× the time", store),
                "at most linear",
                store <= growth);
        results.add(
                PART,
                "search hitting it, largest ÷ smallest size",
                String.format(Locale.ROOT, "%.1f× the time", search),
                "at most linear",
                search <= growth);
    }

    private record Cost(double store, double search, double parseOld, double parseNow) {}

    private Cost measure(String room, String author, String marker, String body) throws Exception {
        var api = site.api;
        var stores = new ArrayList<Double>();
        String post = null;
        for (int i = 0; i < REPEATS; i++) {
            var thread = Json.createObjectBuilder()
                    .add("title", "Pathological " + i)
                    .add("body", body)
                    .build();
            var exchange = api.post(author, "api/rooms/" + room + "/threads", thread);
            var opened = ForumApi.expect(201, exchange);
            post = opened.getJsonObject("firstPost").getString("id");
            stores.add(exchange.nanos() / 1e6);
        }
        var searches = new ArrayList<Double>();
        for (int i = 0; i < REPEATS; i++) {
            var exchange = api.get(author, "api/search?q=" + ForumApi.query(marker));
            ForumApi.expect(200, exchange);
            searches.add(exchange.nanos() / 1e6);
        }
        return new Cost(median(stores), median(searches), parse(post, false), parse(post, true));
    }

    /** The parser's time over one stored post, in PostgreSQL itself: the old expression or today's. */
    private double parse(String post, boolean normalised) throws SQLException {
        var document = normalised ? "clearroom_search_text(html)" : "html";
        try (var statement = site.db.prepareStatement(
                "select length(to_tsvector('english', " + document + ")::text) from forum_post where id = ?")) {
            statement.setString(1, post);
            var times = new ArrayList<Double>();
            for (int i = 0; i < REPEATS; i++) {
                long t = System.nanoTime();
                try (var rs = statement.executeQuery()) {
                    rs.next();
                }
                times.add((System.nanoTime() - t) / 1e6);
            }
            return median(times);
        }
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}

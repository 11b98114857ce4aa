package org.clearroom.forums.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.clearroom.access.Permission;
import org.clearroom.audit.Action;
import org.clearroom.audit.boundary.AuditTrail;
import org.clearroom.forums.SearchHit;
import org.clearroom.forums.control.Sql;
import org.clearroom.platform.Blank;
import org.clearroom.platform.Page;
import org.clearroom.platform.control.Actor;
import org.clearroom.platform.control.Cursors;
import org.clearroom.platform.control.Digests;
import org.clearroom.platform.control.InvalidInput;
import org.clearroom.platform.control.Keyset;
import org.clearroom.rooms.boundary.RoomGate;

/**
 * Full-text search over thread titles and post bodies (PostgreSQL text search, English stemming,
 * GIN-indexed). The rooms the caller may VIEW are decided by the access policy at the moment of the
 * query and bound into the query itself, so no hit, count or snippet of another room is ever computed.
 */
@ApplicationScoped
@Transactional
public class Search {

    public static final int MAX_QUERY = 200;

    /**
     * A query names at most this many words (counted after dropping very common ones, as PostgreSQL's
     * {@code websearch_to_tsquery} does): the highlighting of each hit costs time per word.
     */
    public static final int MAX_WORDS = 16;

    /**
     * Of the posts (and of the threads) that match, the newest this many are ranked: ranking every
     * match of a common word in a million posts took seconds (docs/PERFORMANCE.md).
     */
    public static final int CANDIDATES = 1000;

    /** Marks PostgreSQL puts around matches; control characters cannot occur in stored text that matters. */
    private static final String START = "\u0002";

    private static final String STOP = "\u0003";

    @Inject
    RoomGate gate;

    @Inject
    Forums forums;

    @Inject
    AuditTrail audit;

    @Inject
    Sql sql;

    @Inject
    Cursors cursors;

    @Inject
    Clock clock;

    public Page<SearchHit> search(Actor actor, String q, int limit, String cursor) {
        if (Blank.blank(q)) {
            throw new InvalidInput("q", "is required: the words to search for");
        }
        if (q.codePointCount(0, q.length()) > MAX_QUERY) {
            throw new InvalidInput("q", "must be at most " + MAX_QUERY + " characters");
        }
        if (q.indexOf('\0') >= 0) {
            throw new InvalidInput("q", "must not contain NUL characters");
        }
        // a cursor belongs to its caller and query: with another query it would start a page nowhere in
        // particular, and its window was cut for that caller's rooms
        var listing = "search:" + actor.accountId() + ":" + Digests.sha256Hex(q).substring(0, 16);
        var after = cursors.read(listing, cursor, 7);
        long nodes = sql.count("select numnode(websearch_to_tsquery('english', ?))", q);
        if (nodes == 0) {
            throw new InvalidInput("q", "has no searchable word (only punctuation or very common words such as 'the')");
        }
        if (nodes > 2 * MAX_WORDS - 1) {
            // each word is matched against every word of every candidate's snippet: more words cost time, not
            // precision
            throw new InvalidInput(
                    "q", "has more than " + MAX_WORDS + " words to search for; fewer, more telling ones");
        }
        var rooms = forums.visibleRoomIds(actor);
        var moderated = Sql.ids(gate.roomIdsAllowing(actor, Permission.MODERATE));
        audit.record(actor, Action.FORUM_SEARCHED, "search", q);
        if (rooms.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        // the window of candidates is fixed by the first page (no later post, and the same newest
        // CANDIDATES), so that a post arriving or hidden between pages neither repeats nor skips a hit
        var ceiling = after.map(p -> p.instant(0)).orElse(Instant.now(clock));
        var postFloor = after.map(p -> p.instant(1)).orElse(NO_FLOOR);
        var threadFloor = after.map(p -> p.instant(2)).orElse(NO_FLOOR);
        var options = "StartSel=\"" + START + "\", StopSel=\"" + STOP + "\", MaxWords=35, MinWords=12, MaxFragments=2,"
                + " FragmentDelimiter=\" … \"";
        // the query text goes into the SQL as a constant (dollar-quoted, see literal) so that PostgreSQL
        // plans each search knowing how common its words are: a rare word is found through the text
        // index, a common one by walking the newest posts, instead of ranking every match
        var tsquery = "websearch_to_tsquery('english', " + literal(q) + ")";
        var parameters = new ArrayList<Object>(List.of(
                rooms,
                moderated,
                Timestamp.from(ceiling),
                Timestamp.from(postFloor),
                rooms,
                Timestamp.from(ceiling),
                Timestamp.from(threadFloor)));
        var beyond = "";
        if (after.isPresent()) {
            var position = after.get();
            var condition = RANKED.afterSql(
                    position.real(3), Timestamp.from(position.instant(4)), position.text(5), position.text(6));
            beyond = " where " + condition.text();
            parameters.addAll(condition.parameters());
        }
        parameters.add(limit + 1);
        parameters.add(options);
        var hits = sql.queryWithin(
                "with post_candidates as ("
                        + "  select p.id, p.room_id, p.thread_id, p.search, p.created_at from forum_post p"
                        + "  where p.search @@ " + tsquery
                        + "  and p.room_id = any(string_to_array(?, ',')) and p.purged_at is null"
                        + "  and (p.hidden_at is null or p.room_id = any(string_to_array(?, ',')))"
                        + "  and p.created_at <= ? and p.created_at >= ?"
                        + "  order by p.created_at desc limit " + CANDIDATES + "),"
                        + " thread_candidates as ("
                        + "  select t.id, t.room_id, t.search, t.created_at from forum_thread t"
                        + "  where t.search @@ " + tsquery
                        + "  and t.room_id = any(string_to_array(?, ',')) and t.purged_at is null"
                        + "  and t.created_at <= ? and t.created_at >= ?"
                        + "  order by t.created_at desc limit " + CANDIDATES + "),"
                        + " ranked as ("
                        + "  select 'POST' as kind, room_id, thread_id, id as post_id, id as post_key,"
                        + "   ts_rank(search, " + tsquery + ") as rank, created_at from post_candidates"
                        + "  union all"
                        + "  select 'THREAD', room_id, id, null, '', ts_rank(search, " + tsquery + "), created_at"
                        + "   from thread_candidates),"
                        + " hits as (select * from ranked" + beyond + " order by " + RANKED.orderBy() + " limit ?)"
                        + " select h.kind, h.room_id, h.thread_id, t.title, h.post_id, h.post_key,"
                        + "  h.rank, h.created_at,"
                        // headlines from the normal form the index is made of (V9), over its first
                        // HEADLINE_WINDOW characters: a page of hits costs the same however long they are
                        + "  ts_headline('english', left(clearroom_search_text(coalesce(p.html, t.title)), "
                        + HEADLINE_WINDOW + "), " + tsquery + ", ?) as snippet,"
                        + "  (select min(created_at) from post_candidates) as post_floor,"
                        + "  (select min(created_at) from thread_candidates) as thread_floor"
                        + " from hits h join forum_thread t on t.id = h.thread_id left join forum_post p on p.id = h.post_id"
                        + " order by " + RANKED.on("h").orderBy(),
                rs -> new Hit(
                        new SearchHit(
                                SearchHit.Kind.valueOf(rs.getString("kind")),
                                rs.getString("room_id"),
                                null, // named below, by the rooms component
                                rs.getString("thread_id"),
                                rs.getString("title"),
                                rs.getString("post_id"),
                                snippet(rs.getString("snippet")),
                                rs.getFloat("rank"),
                                Sql.instant(rs, "created_at")),
                        rs.getFloat("rank"),
                        rs.getString("post_key"),
                        Optional.ofNullable(Sql.instant(rs, "post_floor")).orElse(NO_FLOOR),
                        Optional.ofNullable(Sql.instant(rs, "thread_floor")).orElse(NO_FLOOR)),
                SEARCH_LIMIT,
                "the search took longer than " + SEARCH_LIMIT.toSeconds()
                        + " s and was stopped; search for rarer words",
                parameters.toArray());
        var page = cursors.page(listing, hits, limit, last -> new Object[] {
            ceiling,
            after.isPresent() ? postFloor : last.postFloor(),
            after.isPresent() ? threadFloor : last.threadFloor(),
            last.rank(),
            last.hit().createdAt(),
            last.hit().threadId(),
            last.postKey()
        });
        var names = gate.names(page.items().stream().map(h -> h.hit().roomId()).collect(Collectors.toSet()));
        return new Page<>(
                page.items().stream()
                        .map(Hit::hit)
                        .map(h -> new SearchHit(
                                h.kind(),
                                h.roomId(),
                                names.get(h.roomId()),
                                h.threadId(),
                                h.threadTitle(),
                                h.postId(),
                                h.snippet(),
                                h.rank(),
                                h.createdAt()))
                        .toList(),
                page.next());
    }

    /** The ranked order: best first, then newest, then by thread and post (a thread's own hit first). */
    private static final Keyset RANKED = Keyset.of(
            Keyset.descending("rank"),
            Keyset.descending("created_at"),
            Keyset.ascending("thread_id"),
            Keyset.ascending("post_key"));

    /**
     * Characters of a post's text that its snippet is cut from: a match further in still finds the post,
     * and its snippet then shows the post's beginning.
     */
    static final int HEADLINE_WINDOW = 10_000;

    /** No lower bound on a window: older than anything stored. */
    private static final Instant NO_FLOOR = Instant.parse("0001-01-01T00:00:00Z");

    /** Longest a search may run before it is stopped (and answered 503). */
    static final Duration SEARCH_LIMIT = Duration.ofSeconds(5);

    private record Hit(SearchHit hit, float rank, String postKey, Instant postFloor, Instant threadFloor) {}

    /**
     * {@code text} as a dollar-quoted SQL constant: nothing inside a dollar-quoted string is an escape,
     * whatever the server's settings, and the tag is chosen so that it does not occur in the text.
     */
    static String literal(String text) {
        var random = new java.util.Random(text.hashCode());
        String tag;
        do {
            tag = "$q" + Long.toHexString(random.nextLong() & Long.MAX_VALUE) + "$";
        } while (text.contains(tag));
        return tag + text + tag;
    }

    /**
     * Escapes the matched text for HTML and turns PostgreSQL's marks into {@code <mark>}, nothing else.
     * Headlines of posts come from their sanitised HTML with the tags dropped, so character references
     * are decoded first and every character is escaped once, here.
     */
    static String snippet(String headline) {
        if (headline == null) {
            return null;
        }
        var html = new StringBuilder(headline.length() + 32);
        decodeReferences(headline).codePoints().forEach(c -> {
            switch (c) {
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                case 0x02 -> html.append("<mark>");
                case 0x03 -> html.append("</mark>");
                default -> html.appendCodePoint(c);
            }
        });
        return html.toString().strip();
    }

    private static final java.util.regex.Pattern REFERENCE =
            java.util.regex.Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");

    static String decodeReferences(String text) {
        return REFERENCE.matcher(text).replaceAll(match -> {
            var name = match.group(1);
            String decoded;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                decoded = codePoint(Integer.parseInt(name.substring(2), 16));
            } else if (name.startsWith("#")) {
                decoded = codePoint(Integer.parseInt(name.substring(1)));
            } else {
                decoded = switch (name) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    default -> " ";
                };
            }
            return java.util.regex.Matcher.quoteReplacement(decoded);
        });
    }

    private static String codePoint(int value) {
        // the control marks stay PostgreSQL's: a reference cannot forge a <mark>
        if (!Character.isValidCodePoint(value) || value == 0 || value == 2 || value == 3) {
            return "\uFFFD";
        }
        return new String(Character.toChars(value));
    }
}

package org.clearroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearroom.it.Forum.assertProblem;
import static org.clearroom.it.Forum.fields;
import static org.clearroom.it.Forum.items;

import jakarta.json.JsonObject;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.clearroom.audit.control.LedgerStore;
import org.clearroom.platform.control.Digests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Input an attacker would send, each answered as it should be: a clear problem+json 4xx naming what is
 * wrong, nothing stored, the server still ready. One test per fault found on the quick start
 * (issue 8), each keeping the right answer.
 */
class HostileInputIT extends ClearroomDeployment {

    private Forum forum;
    private String admin;
    private Forum.Member author;
    private Forum.Member moderator;
    private String room;

    @BeforeEach
    void forum() {
        forum = new Forum(api);
        admin = api.admin();
        var vendor = api.createOrganisation(admin, Api.unique("Vendor"), "VENDOR");
        author = forum.member(admin, "author", vendor);
        moderator = forum.member(admin, "mod", vendor);
        room = api.createRoom(admin, Api.unique("Hostile"), "FORUM");
        api.grant(admin, room, "ORGANISATION", vendor, "CONTRIBUTE");
        api.grant(admin, room, "ACCOUNT", moderator.id(), "MODERATE");
    }

    // ---- 1 and 2: bodies

    /** Every operation that reads a body, from the server's own contract, with made-up path ids. */
    private List<String[]> bodyOperations() {
        var document = api.request("GET", "openapi")
                .header("Accept", "application/json")
                .send();
        assertThat(document.status()).isEqualTo(200);
        var operations = new ArrayList<String[]>();
        var paths = document.json().getJsonObject("paths");
        for (var path : paths.keySet()) {
            for (var method : List.of("post", "put", "patch")) {
                var operation = paths.getJsonObject(path).getJsonObject(method);
                if (operation != null && operation.containsKey("requestBody")) {
                    operations.add(new String[] {method.toUpperCase(), path.replaceAll("\\{[^}]+}", "x")});
                }
            }
        }
        assertThat(operations).as("the contract lists the body operations").hasSizeGreaterThan(15);
        return operations;
    }

    @Test
    void jsonNestedThousandsDeepIs400SignedInAnd401WithoutCredentials() throws Exception {
        var deep = "{\"username\":\"x\",\"password\":\"y\",\"label\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        long entries = count("select count(*) from audit_entry");
        for (var operation : bodyOperations()) {
            var signedIn = api.request(operation[0], operation[1])
                    .bearer(admin)
                    .json(deep)
                    .send();
            var what = operation[0] + " " + operation[1];
            assertProblem(signedIn, 400);
            assertThat(fields(signedIn)).as(what).containsExactly("body");
            var anonymous = api.request(operation[0], operation[1]).json(deep).send();
            if (operation[1].startsWith("/api/auth/")) {
                assertProblem(anonymous, 400); // signing in is the one thing anyone may try
            } else {
                assertProblem(anonymous, 401);
            }
        }
        assertThat(count("select count(*) from audit_entry"))
                .as("nothing recorded")
                .isEqualTo(entries);
        assertThat(api.get("health/ready", null).status()).isEqualTo(200);
    }

    @Test
    void aProtectedOperationSays401BeforeReadingTheBody() {
        // larger than any body the server reads, and nested past every limit: still plainly 401
        var huge = "[".repeat(2 * 1024 * 1024);
        var reply = api.request("POST", "api/rooms").json(huge).send();
        assertProblem(reply, 401);
    }

    @Test
    void aBodyWithoutContentTypeIs415NamingTheHeader() {
        for (var operation : bodyOperations()) {
            var reply = api.request(operation[0], operation[1])
                    .bearer(admin)
                    .bodyWithoutType("{\"name\":\"x\"}")
                    .send();
            assertProblem(reply, 415);
            assertThat(fields(reply)).as(operation[0] + " " + operation[1]).containsExactly("Content-Type");
        }
        var typed = api.request("POST", "api/rooms")
                .bearer(admin)
                .body("text/plain", "{\"name\":\"x\"}")
                .send();
        assertProblem(typed, 415);
        assertThat(fields(typed)).containsExactly("Content-Type");
    }

    @Test
    void aMemberNamedTwiceOrAControlCharacterIs400() throws Exception {
        long rooms = count("select count(*) from room");
        var twice = api.post("api/rooms", admin, "{\"name\":\"A\",\"kind\":\"FORUM\",\"name\":\"B\"}");
        assertProblem(twice, 400);
        assertThat(fields(twice)).containsExactly("name");
        var bidi = api.post("api/rooms", admin, "{\"name\":\"abc\\u202Efdp.exe\",\"kind\":\"FORUM\"}");
        assertProblem(bidi, 400);
        assertThat(fields(bidi)).containsExactly("name");
        var surrogate = api.post("api/rooms", admin, "{\"name\":\"a\\ud800\",\"kind\":\"FORUM\"}");
        assertProblem(surrogate, 400);
        assertThat(count("select count(*) from room")).isEqualTo(rooms);
    }

    // ---- 3 and 4: cursors and search paging

    @Test
    void cursorsBuiltOrAlteredByHandAre400OnEveryListing() throws Exception {
        var thread = forum.openThread(author, room, "Cursor target");
        var compliance = api.complianceOfficer(admin);
        // what anyone could build under the old unkeyed check, with a time PostgreSQL cannot hold
        var payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("posts|+294277-01-01T00:00:00Z|x".getBytes(StandardCharsets.UTF_8));
        var forged = List.of(
                payload + "." + "A".repeat(22),
                Base64.getUrlEncoder().withoutPadding().encodeToString("search|1|-20|abc".getBytes()),
                "-1",
                "x".repeat(5_000));
        var listings = List.of(
                new String[] {"api/rooms/" + room + "/threads?cursor=", author.token()},
                new String[] {"api/threads/" + thread + "/posts?cursor=", author.token()},
                new String[] {"api/notifications?cursor=", author.token()},
                new String[] {"api/search?q=cursor&cursor=", author.token()},
                new String[] {"api/rooms/" + room + "/moderation-log?cursor=", author.token()},
                new String[] {"api/rooms/" + room + "/flags?cursor=", moderator.token()},
                new String[] {"api/audit/entries?cursor=", compliance});
        for (var listing : listings) {
            for (var cursor : forged) {
                var reply = api.get(listing[0] + Forum.enc(cursor), listing[1]);
                assertProblem(reply, 400);
                assertThat(fields(reply)).as(listing[0]).containsExactly("cursor");
            }
        }
        // a real cursor of one listing is no cursor of another
        for (int i = 0; i < 3; i++) {
            forum.reply(author, thread, "reply " + i);
        }
        var posts = api.get("api/threads/" + thread + "/posts?limit=1", author.token())
                .json()
                .getString("next");
        assertProblem(
                api.get("api/threads/" + thread + "/posts?limit=1&order=newest&cursor=" + posts, author.token()), 400);
        assertProblem(api.get("api/rooms/" + room + "/threads?cursor=" + posts, author.token()), 400);
        assertThat(api.get("api/threads/" + thread + "/posts?limit=1&cursor=" + posts, author.token())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void searchPagesNeitherRepeatNorSkipWhenPostsArriveOrAreHidden() {
        var word = "quokka" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        var thread = forum.openThread(author, room, "Unrelated title");
        var posted = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            posted.add(
                    forum.reply(author, thread, word + " sighting number " + i).getString("id"));
        }
        var first = api.get("api/search?limit=2&q=" + word, author.token());
        var page = items(first);
        assertThat(page).hasSize(2);
        var seen = new ArrayList<String>();
        page.forEach(hit -> seen.add(hit.getString("postId")));
        // meanwhile: a new matching post arrives, and a moderator hides one the reader has seen
        forum.reply(author, thread, word + " arriving late");
        var hide = api.post(
                "api/posts/" + seen.get(0) + "/moderation",
                moderator.token(),
                Forum.json("action", "HIDE", "reason", "test"));
        assertThat(hide.status()).isEqualTo(200);
        var next = Forum.text(first.json(), "next");
        while (next != null) {
            var reply = api.get("api/search?limit=2&q=" + word + "&cursor=" + next, author.token());
            items(reply).forEach(hit -> seen.add(hit.getString("postId")));
            next = Forum.text(reply.json(), "next");
        }
        assertThat(seen).as("no hit twice").doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen))
                .as("no hit skipped, nothing newer than the first page")
                .isEqualTo(new HashSet<>(posted));
        assertProblem(
                api.get("api/search?limit=2&q=other&cursor=" + first.json().getString("next"), author.token()), 400);
    }

    // ---- 5, 10: date-times, and the evidence export that failed after it was recorded

    @Test
    void dateTimesAreRfc3339OnlyInBodiesAndQueries() throws Exception {
        var compliance = api.complianceOfficer(admin);
        for (var time : List.of(
                "+10000-01-01T00:00:00Z",
                "+294277-01-01T00:00:00Z",
                "-999999999-01-01T00:00:00Z",
                "2027-02-30T00:00:00Z",
                "2027-01-01",
                "2027-01-01T00:00:00")) {
            var rule = api.post(
                    "api/rooms/" + room + "/rules",
                    admin,
                    "{\"principal\":{\"type\":\"ORG_KIND\",\"kind\":\"REGULATOR\"},\"permission\":\"VIEW\","
                            + "\"expiresAt\":\"" + time + "\"}");
            assertProblem(rule, 400);
            assertThat(fields(rule)).as(time).containsExactly("expiresAt");
            for (var parameter : List.of("from", "to")) {
                var search = api.get("api/audit/entries?" + parameter + "=" + Forum.enc(time), compliance);
                assertProblem(search, 400);
                assertThat(fields(search)).as(time).containsExactly(parameter);
                long exported = count("select count(*) from audit_entry where action = 'EVIDENCE_EXPORTED'");
                var evidence = api.get(
                        "api/audit/evidence?organisation=" + api.operators(admin) + "&" + parameter + "="
                                + Forum.enc(time),
                        compliance);
                assertProblem(evidence, 400);
                assertThat(fields(evidence)).as(time).containsExactly(parameter);
                assertThat(count("select count(*) from audit_entry where action = 'EVIDENCE_EXPORTED'"))
                        .as("a refused export records nothing")
                        .isEqualTo(exported);
            }
        }
        var withOffset = api.get("api/audit/entries?from=" + Forum.enc("2026-01-01T12:00:00.5+02:00"), compliance);
        assertThat(withOffset.status()).isEqualTo(200);
    }

    // ---- 6, 7, 11: bodies whose cost grows with their shape, and limits in characters

    @Test
    void aTableThatWouldRenderQuadraticallyIs400OnBodyAndNothingIsStored() throws Exception {
        long posts = count("select count(*) from forum_post");
        var table = "|a".repeat(300) + "|\n" + "|-".repeat(300) + "|\n" + "a|\n".repeat(300);
        var reply = forum.tryOpen(author, room, "Wide", table);
        assertProblem(reply, 400);
        assertThat(fields(reply)).containsExactly("body");
        assertThat(count("select count(*) from forum_post")).isEqualTo(posts);
    }

    @Test
    void textThatTheSearchParserFoundQuadraticIsStoredAndFound() {
        var word = "wombat" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        var body = word + " " + "_a".repeat(8_000) + " " + "foo_bar_".repeat(2_000);
        var opened = forum.open(author, room, "Underscores", body);
        var hits = items(api.get("api/search?q=" + word, author.token()));
        assertThat(hits)
                .extracting(hit -> hit.getString("postId", null))
                .contains(opened.getJsonObject("firstPost").getString("id"));
    }

    @Test
    void limitsAreInCharactersAsDocumented() throws Exception {
        var cyrillic = "ж".repeat(40_000);
        var accepted = forum.tryOpen(author, room, "Кириллица", cyrillic);
        assertThat(accepted.status()).as("%s", accepted.status()).isEqualTo(201);
        var tooLong = forum.tryOpen(author, room, "Too long", "x".repeat(50_001));
        assertProblem(tooLong, 400);
        assertThat(fields(tooLong)).containsExactly("body");
        var tooLarge = forum.tryOpen(author, room, "Too large", "x".repeat(1_100_000));
        assertProblem(tooLarge, 413);
        assertThat(fields(tooLarge)).containsExactly("body");
    }

    // ---- 8: what is recorded is what changed

    @Test
    void parallelTogglesOfOneReactionRecordOnlyWhatChanged() throws Exception {
        var post = forum.open(author, room, "Toggled", "react to me")
                .getJsonObject("firstPost")
                .getString("id");
        var pool = Executors.newFixedThreadPool(10);
        try {
            var toggles = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 10; i++) {
                toggles.add(() -> api.post(
                                "api/posts/" + post + "/reactions", author.token(), "{\"reaction\":\"THUMBS_UP\"}")
                        .status());
            }
            for (var done : pool.invokeAll(toggles)) {
                assertThat(done.get()).as("every toggle is taken, in turn").isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        var actions = new ArrayList<String>();
        try (var connection = database();
                var query = connection.prepareStatement("select action from audit_entry where resource = ?"
                        + " and action in ('REACTION_ADDED', 'REACTION_REMOVED') order by position")) {
            query.setString(1, "posts/" + post);
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
        }
        assertThat(actions)
                .as("each of the 10 toggles changed something and recorded it")
                .hasSize(10);
        for (int i = 0; i < actions.size(); i++) {
            assertThat(actions.get(i))
                    .as("entry %d of %s", i, actions)
                    .isEqualTo(i % 2 == 0 ? "REACTION_ADDED" : "REACTION_REMOVED");
        }
        long present = count("select count(*) from post_reaction where post_id = ?", post);
        assertThat(present).as("10 toggles leave it as it was: absent").isZero();
    }

    // ---- 9: an index only once numbered

    @Test
    void anEntryTheSequencerHasNotNumberedHasNoIndex() throws Exception {
        var compliance = api.complianceOfficer(admin);
        String organisation;
        try (var holder = database();
                var statement = holder.createStatement()) {
            // hold the sequencer's lock: nothing recorded from now on is numbered until it is let go
            statement.execute("select pg_advisory_lock(" + LedgerStore.SEQUENCER_LOCK + ")");
            organisation = api.createOrganisation(admin, Api.unique("Unnumbered"), "OBSERVER");
            var entries = api.get("api/audit/entries?resource=organisations/" + organisation, compliance)
                    .json()
                    .getJsonArray("entries")
                    .getValuesAs(JsonObject.class);
            assertThat(entries).singleElement().satisfies(entry -> assertThat(entry.containsKey("index"))
                    .as("%s", entry)
                    .isFalse());
            statement.execute("select pg_advisory_unlock(" + LedgerStore.SEQUENCER_LOCK + ")");
        }
        var deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        JsonObject entry;
        do {
            entry = api.get("api/audit/entries?resource=organisations/" + organisation, compliance)
                    .json()
                    .getJsonArray("entries")
                    .getJsonObject(0);
            assertThat(System.nanoTime()).as("numbered within 30 s").isLessThan(deadline);
        } while (!entry.containsKey("index"));
        long index = entry.getJsonNumber("index").longValue();
        assertThat(count(
                        "select count(*) from ledger_leaf l join audit_entry e on e.id = l.entry_id"
                                + " where l.idx = ? and e.resource = ?",
                        index,
                        "organisations/" + organisation))
                .as("the index is this entry's")
                .isOne();
    }

    // ---- 13, 14: what anonymous callers learn, and requests the container refuses itself

    @Test
    void noAnswerNamesTheRuntime() throws Exception {
        for (var path : List.of("", "api/me", "api/no-such", "health/ready", "openapi", "metrics", "app.js")) {
            var reply = api.get(path, null);
            assertThat(reply.header("Server")).as(path).isNull();
            assertThat(reply.header("X-Powered-By")).as(path).isNull();
        }
        assertProblem(api.get("api/application.wadl", null), 404);
        assertProblem(api.get("openapi/application.wadl", null), 404);
        var options = api.request("OPTIONS", "openapi").send();
        assertThat(options.status()).isEqualTo(204);
        assertThat(options.body()).isEmpty();
        var apiOptions = api.request("OPTIONS", "api/rooms").bearer(admin).send();
        assertThat(apiOptions.contentType()).doesNotContain("wadl");
        assertThat(apiOptions.body()).doesNotContain("<application");
        // what the container itself refuses, before any application code: no Server header there either
        for (var raw : List.of("/%00", "/%FF", "/api/%C0%AE%C0%AE/", "/api/search?q=" + "a".repeat(100_000))) {
            var head = rawRequest("GET " + raw + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(head).as(raw.substring(0, Math.min(raw.length(), 40))).startsWith("HTTP/1.1 400");
            assertThat(head.toLowerCase()).doesNotContain("server:");
        }
        assertThat(api.get("health/ready", null).status()).as("still ready").isEqualTo(200);
    }

    @Test
    void malformedPercentEncodingThatReachesTheApplicationIsAProblem() throws Exception {
        // no HTTP client library sends this: written by hand
        var answer = rawAnswer("GET /api/search?q=%zz HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + author.token() + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400").contains("Content-Type: application/problem+json");
        assertThat(answer.substring(answer.indexOf("\r\n\r\n")))
                .contains("\"field\":\"query\"")
                .contains("percent-encoding");
        var nul = api.get("api/search?q=a%00b", author.token());
        assertProblem(nul, 400);
        assertThat(fields(nul)).containsExactly("q");
    }

    // ---- 15: found by a newcomer who then tried to break it

    @Test
    void anIdenticalRuleIsGrantedOnceEvenInParallelSoOneRevocationEndsTheAccess() throws Exception {
        var carrier = api.createOrganisation(admin, Api.unique("Carrier"), "CARRIER");
        var reader = forum.member(admin, "reader", carrier);
        var body = "{\"principal\":{\"type\":\"ACCOUNT\",\"id\":\"" + reader.id() + "\"},\"permission\":\"VIEW\"}";
        var pool = Executors.newFixedThreadPool(6);
        var replies = new ArrayList<Reply>();
        try {
            var grants = new ArrayList<Callable<Reply>>();
            for (int i = 0; i < 6; i++) {
                grants.add(() -> api.post("api/rooms/" + room + "/rules", admin, body));
            }
            for (var done : pool.invokeAll(grants)) {
                replies.add(done.get());
            }
        } finally {
            pool.shutdownNow();
        }
        var granted = replies.stream().filter(r -> r.status() == 201).toList();
        assertThat(granted).as("%s", replies).hasSize(1);
        var ruleId = granted.get(0).json().getString("id");
        for (var refused : replies.stream().filter(r -> r.status() != 201).toList()) {
            assertProblem(refused, 409);
            assertThat(fields(refused)).containsExactly("principal");
            assertThat(refused.json().getString("detail")).contains(ruleId);
        }
        assertThat(api.get("api/rooms/" + room, reader.token()).status()).isEqualTo(200);
        assertThat(api.delete("api/rooms/" + room + "/rules/" + ruleId, admin).status())
                .isEqualTo(204);
        assertProblem(api.get("api/rooms/" + room, reader.token()), 404);
        assertThat(api.post("api/rooms/" + room + "/rules", admin, body).status())
                .as("granted again once revoked")
                .isEqualTo(201);
    }

    @Test
    void aSearchOfMoreThanSixteenWordsIs400() {
        var sixteen = String.join(
                " ",
                java.util.stream.IntStream.range(0, 16)
                        .mapToObj(i -> "word" + (char) ('a' + i))
                        .toList());
        assertThat(api.get("api/search?q=" + Forum.enc(sixteen), author.token()).status())
                .isEqualTo(200);
        var ordered = api.get("api/search?q=word&order=newest", author.token());
        assertProblem(ordered, 400);
        assertThat(fields(ordered))
                .as("search is ranked: order would change nothing")
                .containsExactly("order");
        for (var tooMany : List.of(sixteen + " wordq", "x ".repeat(100).strip())) {
            var reply = api.get("api/search?q=" + Forum.enc(tooMany), author.token());
            assertProblem(reply, 400);
            assertThat(fields(reply)).containsExactly("q");
        }
    }

    @Test
    void aBodyThatIsNotUtf8Is400AndAnotherCharsetIs415AndNothingIsStored() throws Exception {
        long threads = count("select count(*) from forum_thread");
        var path = "api/rooms/" + room + "/threads";
        for (var bad : List.of(
                new byte[] {(byte) 0xFF, (byte) 0xFE},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xC0, (byte) 0xAE})) {
            var out = new java.io.ByteArrayOutputStream();
            out.writeBytes("{\"title\":\"bad ".getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bad);
            out.writeBytes(" utf8\",\"body\":\"x\"}".getBytes(StandardCharsets.UTF_8));
            var reply = api.request("POST", path)
                    .bearer(author.token())
                    .bytes("application/json", out.toByteArray())
                    .send();
            assertProblem(reply, 400);
            assertThat(fields(reply)).containsExactly("body");
            assertThat(reply.json().getString("detail")).contains("UTF-8").contains("byte 14");
        }
        var latin = api.request("POST", path)
                .bearer(author.token())
                .bytes(
                        "application/json; charset=ISO-8859-1",
                        "{\"title\":\"caf\u00e9\",\"body\":\"x\"}".getBytes(StandardCharsets.ISO_8859_1))
                .send();
        assertProblem(latin, 415);
        assertThat(fields(latin)).containsExactly("Content-Type");
        var garbage = api.request("POST", path)
                .bearer(author.token())
                .body("garbage", "{\"title\":\"t\",\"body\":\"x\"}")
                .send();
        assertProblem(garbage, 415);
        assertThat(fields(garbage)).containsExactly("Content-Type");
        assertThat(count("select count(*) from forum_thread")).isEqualTo(threads);
    }

    @Test
    void aQueryThatIsNotUtf8OrNamesAParameterTwiceIs400() {
        for (var query : List.of("q=quokka%FF", "q=%ED%A0%80", "q=%C0%AE")) {
            var reply = api.get("api/search?" + query, author.token());
            assertProblem(reply, 400);
            assertThat(fields(reply)).as(query).containsExactly("query");
        }
        var twice = api.get("api/rooms/" + room + "/threads?limit=1&limit=2", author.token());
        assertProblem(twice, 400);
        assertThat(fields(twice)).containsExactly("limit");
        var spelledApart = api.get("api/search?q=a&%71=b", author.token());
        assertProblem(spelledApart, 400);
        assertThat(fields(spelledApart)).containsExactly("q");
    }

    @Test
    void controlCharactersAreRefusedInEveryTextAndLineSeparatorsInEveryLine() throws Exception {
        long posts = count("select count(*) from forum_post");
        for (var control : List.of("\\u007f", "\\u0085", "\\u009b")) {
            var reply = api.post(
                    "api/rooms/" + room + "/threads",
                    author.token(),
                    "{\"title\":\"ctl\",\"body\":\"a" + control + "b\"}");
            assertProblem(reply, 400);
            assertThat(fields(reply)).as(control).containsExactly("body");
        }
        for (var separator : List.of("\\u2028", "\\u2029")) {
            var reply = api.post(
                    "api/rooms/" + room + "/threads",
                    author.token(),
                    "{\"title\":\"t" + separator + "x\",\"body\":\"b\"}");
            assertProblem(reply, 400);
            assertThat(fields(reply)).as(separator).containsExactly("title");
        }
        assertThat(count("select count(*) from forum_post")).isEqualTo(posts);
    }

    @Test
    void aCursorBelongsToItsRoomAndThread() throws Exception {
        var other = api.createRoom(admin, Api.unique("Other"), "FORUM");
        api.grant(admin, other, "ACCOUNT", author.id(), "CONTRIBUTE");
        var first = forum.openThread(author, room, "One");
        forum.openThread(author, room, "Two");
        var second = forum.openThread(author, other, "Three");
        forum.openThread(author, other, "Four");
        forum.reply(author, first, "a");
        forum.reply(author, second, "b");
        var threads = api.get("api/rooms/" + room + "/threads?limit=1", author.token())
                .json()
                .getString("next");
        var elsewhere = api.get("api/rooms/" + other + "/threads?cursor=" + threads, author.token());
        assertProblem(elsewhere, 400);
        assertThat(fields(elsewhere)).containsExactly("cursor");
        var posts = api.get("api/threads/" + first + "/posts?limit=1", author.token())
                .json()
                .getString("next");
        assertProblem(api.get("api/threads/" + second + "/posts?cursor=" + posts, author.token()), 400);
        var log = api.get("api/rooms/" + room + "/moderation-log?limit=1", author.token())
                .json();
        if (log.containsKey("next") && !log.isNull("next")) {
            assertProblem(
                    api.get("api/rooms/" + other + "/moderation-log?cursor=" + log.getString("next"), author.token()),
                    400);
        }
        assertThat(api.get("api/rooms/" + room + "/threads?limit=1&cursor=" + threads, author.token())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aRequestAnnouncingTooMuchOrABodyWhereNoneIsReadIsRefusedAtOnce() throws Exception {
        var request = "POST /api/rooms/" + room + "/threads HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + author.token() + "\r\nContent-Type: application/json\r\nContent-Length: 2000000000\r\n"
                + "Connection: close\r\n\r\n{";
        try (var socket = new Socket(base.getHost(), base.getPort())) {
            // answered while the body is still owed: within seconds, not when a timeout gives up on it
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            var in = socket.getInputStream();
            var answer = new StringBuilder();
            while (!answer.toString().contains("}]}")) {
                int b = in.read();
                assertThat(b).as("answer so far: %s", answer).isNotNegative();
                answer.append((char) b);
            }
            assertThat(answer.toString())
                    .startsWith("HTTP/1.1 413")
                    .contains("application/problem+json")
                    .contains("\"field\":\"body\"");
        }
        for (var method : List.of("GET", "DELETE")) {
            // Grizzly refuses a payload on GET and DELETE itself, with a bare 400, before any filter
            var reply = api.request(method, "api/me")
                    .bearer(author.token())
                    .body("application/x-www-form-urlencoded", "x=1")
                    .send();
            assertThat(reply.status()).as(method).isEqualTo(400);
        }
        var watch = api.request("PUT", "api/threads/" + forum.openThread(author, room, "Watched") + "/subscription")
                .bearer(author.token())
                .body("application/json", "{\"level\":\"ALL\"}")
                .send();
        assertProblem(watch, 400);
        assertThat(fields(watch)).containsExactly("body");
        assertThat(watch.header("X-Request-Id")).isNotNull();
        var subscription = api.request("PUT", "api/rooms/" + room + "/subscription")
                .bearer(author.token())
                .bodyWithoutType("garbage")
                .send();
        assertProblem(subscription, 400);
        assertThat(fields(subscription)).containsExactly("body");
    }

    @Test
    void aProblemNeverGrowsWithTheRequestNorShowsItsControls() {
        var many = new StringBuilder("{\"name\":\"x\",\"kind\":\"FORUM\"");
        for (int i = 0; i < 20_000; i++) {
            many.append(",\"f").append(i).append("\":1");
        }
        var reply = api.post("api/rooms", admin, many.append('}').toString());
        assertProblem(reply, 400);
        assertThat(reply.body().length()).as("answer size").isLessThan(16_384);
        var errors = reply.json().getJsonArray("errors");
        assertThat(errors).hasSize(51);
        assertThat(errors.getJsonObject(50).getString("message")).contains("19950 more");
        var longKey = api.post("api/rooms", admin, "{\"" + "k".repeat(100_000) + "\":1}");
        assertProblem(longKey, 400);
        assertThat(longKey.body().length()).isLessThan(4_096);
        var bidi = api.get("api/rooms/%E2%80%AE", author.token());
        assertProblem(bidi, 404);
        assertThat(bidi.body()).doesNotContain("\u202E").contains("\\\\u202E");
    }

    @Test
    void theModerationLogNamesAnotherRoomOnlyToWhoMaySeeIt() {
        var steward = forum.member(admin, "steward", api.createOrganisation(admin, Api.unique("Vendor"), "VENDOR"));
        var elsewhere = api.createRoom(admin, Api.unique("Elsewhere"), "FORUM");
        api.grant(admin, elsewhere, "ACCOUNT", moderator.id(), "MODERATE");
        api.grant(admin, room, "ACCOUNT", steward.id(), "VIEW");
        var thread = forum.openThread(author, room, "Moved away");
        var moved = api.post(
                "api/threads/" + thread + "/moderation",
                moderator.token(),
                Forum.json("action", "MOVE", "roomId", elsewhere, "reason", "Belongs elsewhere"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        var seen = items(api.get("api/rooms/" + room + "/moderation-log", moderator.token()))
                .get(0);
        assertThat(seen.getString("otherRoomId")).isEqualTo(elsewhere);
        var unseen = items(api.get("api/rooms/" + room + "/moderation-log", steward.token()))
                .get(0);
        assertThat(unseen.getString("action")).isEqualTo("MOVE_OUT");
        assertThat(!unseen.containsKey("otherRoomId") || unseen.isNull("otherRoomId"))
                .isTrue();
        assertThat(unseen.toString()).doesNotContain(elsewhere);
    }

    @Test
    void aWitnessKeyOfSmallOrderIsRefused() throws Exception {
        var carrier = api.createOrganisation(admin, Api.unique("Carrier"), "CARRIER");
        var witness = forum.member(admin, "witness", carrier);
        long witnesses = count("select count(*) from witness");
        for (var key : List.of(
                new byte[32],
                java.util.HexFormat.of()
                        .parseHex("0100000000000000000000000000000000000000000000000000000000000000"))) {
            var reply = api.post(
                    "api/audit/witnesses",
                    witness.token(),
                    Api.object(
                            "name",
                            "w.example/" + Api.unique("w"),
                            "publicKey",
                            Base64.getEncoder().encodeToString(key)));
            assertProblem(reply, 400);
            assertThat(fields(reply)).containsExactly("publicKey");
        }
        assertThat(count("select count(*) from witness")).isEqualTo(witnesses);
    }

    @Test
    void metricsSayNotAuthenticatedLikeTheApi() {
        var reply = api.get("metrics", null);
        assertProblem(reply, 401);
        assertThat(reply.json().getString("type")).endsWith("/not-authenticated");
    }

    // ---- 16: what the second attacker's review found

    @Test
    void textThatShowsNothingIsBlankAndInvisibleCharactersAreNoPartOfAName() throws Exception {
        long threads = count("select count(*) from forum_thread where room_id = ?", room);
        for (var title : List.of("\u200b", "\ufeff", "\u00a0", "\u3164", "a\u200eb", "wit\u00adness")) {
            var reply = forum.tryOpen(author, room, title, "a body");
            assertProblem(reply, 400);
            assertThat(fields(reply))
                    .as("%s", title.codePoints().mapToObj(Integer::toHexString).toList())
                    .containsExactly("title");
        }
        var invisibleBody = forum.tryOpen(author, room, "Invisible body", "\u200b\u2060");
        assertProblem(invisibleBody, 400);
        assertThat(fields(invisibleBody)).containsExactly("body");
        assertThat(count("select count(*) from forum_thread where room_id = ?", room))
                .isEqualTo(threads);
        var name = Api.unique("Lookalike");
        api.createOrganisation(admin, name, "CARRIER");
        var twin = api.post("api/organisations", admin, Api.object("name", name + "\u200b", "kind", "CARRIER"));
        assertProblem(twin, 400);
        assertThat(fields(twin)).containsExactly("name");
        var persian = forum.tryOpen(author, room, "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "joiners stay");
        assertThat(persian.status()).as(persian.toString()).isEqualTo(201);
    }

    @Test
    void aHiddenPostShowsNoDigestToWhoMayNotSeeIt() {
        var reader = forum.member(admin, "reader", api.createOrganisation(admin, Api.unique("Regulator"), "REGULATOR"));
        api.grant(admin, room, "ACCOUNT", reader.id(), "VIEW");
        var post = forum.open(author, room, "Priced", "I would pay 4000 EUR")
                .getJsonObject("firstPost")
                .getString("id");
        var hidden = api.post(
                "api/posts/" + post + "/moderation",
                moderator.token(),
                Forum.json("action", "HIDE", "reason", "price"));
        assertThat(hidden.status()).as(hidden.toString()).isEqualTo(200);
        var seen = api.get("api/posts/" + post, reader.token()).json();
        assertThat(seen.getBoolean("hidden")).isTrue();
        assertThat(!seen.containsKey("digest") || seen.isNull("digest")).isTrue();
        assertThat(seen.toString()).doesNotContain(Digests.sha256Hex("I would pay 4000 EUR"));
        assertThat(api.get("api/posts/" + post, moderator.token()).json().getString("digest"))
                .isEqualTo(Digests.sha256Hex("I would pay 4000 EUR"));
    }

    @Test
    void queryIdsAreIdsAndNoCallersTextReachesTheLedgerAsAResource() throws Exception {
        var compliance = api.complianceOfficer(admin);
        long explained = count("select count(*) from audit_entry where action = 'ACCESS_EXPLAINED'");
        for (var resource : List.of(
                "rooms/%E2%80%AEfake%20room",
                "rooms/" + room + "/x", "rooms/../rooms/" + room, "threads/" + room, "rooms/" + room.toUpperCase())) {
            var reply = api.get(
                    "api/access/explain?account=" + author.id() + "&permission=VIEW&resource=" + resource,
                    author.token());
            assertProblem(reply, 400);
            assertThat(fields(reply)).as(resource).containsExactly("resource");
        }
        assertThat(count("select count(*) from audit_entry where action = 'ACCESS_EXPLAINED'"))
                .isEqualTo(explained);
        for (var query : List.of("account=xyz", "organisation=xyz")) {
            var reply = api.get("api/audit/entries?" + query, compliance);
            assertProblem(reply, 400);
            assertThat(fields(reply)).containsExactly(query.substring(0, query.indexOf('=')));
        }
        var backwards = api.get("api/audit/entries?from=2027-01-02T00:00:00Z&to=2027-01-01T00:00:00Z", compliance);
        assertProblem(backwards, 400);
        assertThat(fields(backwards)).containsExactly("to");
        for (var username : List.of("rooms/../ADMIN", "evil name with spaces", "my password!")) {
            var reply = api.post("api/auth/tokens", null, Api.object("username", username, "password", "x"));
            assertProblem(reply, 400);
            assertThat(fields(reply)).containsExactly("username");
        }
        assertThat(count("select count(*) from audit_entry where resource like 'sign-in/rooms%'"
                        + " or resource like 'sign-in/evil%' or resource like 'sign-in/my password%'"))
                .isZero();
    }

    @Test
    void aHeaderThatSaysWhoIsCallingComesOnce() {
        var other = forum.member(admin, "other", api.createOrganisation(admin, Api.unique("Carrier"), "CARRIER"));
        var reply = api.request("GET", "api/me")
                .bearer(author.token())
                .header("Authorization", "Bearer " + other.token())
                .send();
        assertProblem(reply, 400);
        assertThat(fields(reply)).containsExactly("Authorization");
        var twoIds = api.request("GET", "api/me")
                .bearer(author.token())
                .header("X-Request-Id", "one")
                .header("X-Request-Id", "two")
                .send();
        assertProblem(twoIds, 400);
        assertThat(fields(twoIds)).containsExactly("X-Request-Id");
    }

    @Test
    void aCursorIsSealedAndBelongsToItsCallerAndFilters() {
        var word = "zebrafish" + Api.unique("w").substring(2).replace("-", "");
        forum.open(author, room, "First " + word, "about " + word);
        forum.open(author, room, "Second " + word, "more about " + word);
        var first = api.get("api/search?limit=1&q=" + word, author.token());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        var next = first.json().getString("next");
        var decoded = new String(Base64.getUrlDecoder().decode(next), StandardCharsets.ISO_8859_1);
        assertThat(decoded).doesNotContain("search", room.substring(0, 8));
        assertThat(api.get("api/search?limit=1&q=" + word + "&cursor=" + next, author.token())
                        .status())
                .isEqualTo(200);
        var borrowed = api.get("api/search?limit=1&q=" + word + "&cursor=" + next, moderator.token());
        assertProblem(borrowed, 400);
        assertThat(fields(borrowed)).containsExactly("cursor");

        var compliance = api.complianceOfficer(admin);
        var entries = api.get("api/audit/entries?limit=1&action=THREAD_OPENED", compliance);
        var auditNext = entries.json().getString("next");
        assertThat(api.get("api/audit/entries?limit=1&action=THREAD_OPENED&cursor=" + auditNext, compliance)
                        .status())
                .isEqualTo(200);
        var otherFilters = api.get("api/audit/entries?limit=1&action=SIGN_IN&cursor=" + auditNext, compliance);
        assertProblem(otherFilters, 400);
        assertThat(fields(otherFilters)).containsExactly("cursor");
    }

    @Test
    void anOrganisationsEvidenceHoldsItsAccountsAndTheRulesNamingIt() {
        var compliance = api.complianceOfficer(admin);
        var carrier = api.createOrganisation(admin, Api.unique("Carrier"), "CARRIER");
        var planted = forum.member(admin, "planted", carrier);
        var rule = api.grant(admin, room, "ORGANISATION", carrier, "VIEW");
        var about = api
                .get("api/audit/entries?limit=500&organisation=" + carrier, compliance)
                .json()
                .getJsonArray("entries")
                .stream()
                .map(e -> e.asJsonObject().getJsonObject("entry"))
                .map(e -> e.getString("action") + " " + e.getString("resource"))
                .toList();
        assertThat(about).contains("ACCOUNT_CREATED accounts/" + planted.id(), "RULE_GRANTED rules/" + rule);
    }

    @Test
    void aQueryParameterTheOperationDoesNotReadIsRefusedNotIgnored() {
        for (var query : List.of(
                new String[] {"api/rooms?limit=5", "limit"},
                new String[] {"api/rooms/" + room + "/threads?LIMIT=5", "LIMIT"},
                new String[] {"api/me?foo=bar", "foo"},
                new String[] {"api/search?q=x&page=2", "page"})) {
            var reply = api.get(query[0], author.token());
            assertProblem(reply, 400);
            assertThat(fields(reply)).as(query[0]).containsExactly(query[1]);
        }
        assertThat(api.get("api/rooms?limit=5", null).status())
                .as("who is calling comes first")
                .isEqualTo(401);
        assertThat(api.get("api/rooms?scope=view", author.token()).status()).isEqualTo(200);
        assertThat(api.get("api/rooms/" + room + "/threads?limit=5&order=oldest", author.token())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void nothingLeavesARoomUnderALegalHold() throws Exception {
        var compliance = api.complianceOfficer(admin);
        var purging = api.createRoom(admin, Api.unique("Purging"), "FORUM");
        api.grant(admin, purging, "ACCOUNT", moderator.id(), "MODERATE");
        assertThat(api.request("PUT", "api/rooms/" + purging + "/retention")
                        .bearer(admin)
                        .body("application/json", "{\"days\":1}")
                        .send()
                        .status())
                .isEqualTo(200);
        var thread = forum.openThread(author, room, "Evidence for the court");
        var hold = api.request("PUT", "api/rooms/" + room + "/legal-hold")
                .bearer(compliance)
                .body("application/json", "{\"reason\":\"Case 7\"}")
                .send();
        assertThat(hold.status()).as(hold.toString()).isEqualTo(200);
        try {
            var moved = api.post(
                    "api/threads/" + thread + "/moderation",
                    moderator.token(),
                    Forum.json("action", "MOVE", "roomId", purging, "reason", "out of the hold"));
            assertProblem(moved, 409);
            assertThat(fields(moved)).containsExactly("roomId");
            assertThat(forum.thread(author, thread).getString("roomId")).isEqualTo(room);
            var purge = api.request("POST", "api/rooms/" + room + "/purge")
                    .bearer(admin)
                    .send();
            assertProblem(purge, 409);
        } finally {
            assertThat(api.delete("api/rooms/" + room + "/legal-hold", compliance)
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aBodyOfNoOneMediaTypeIs415() throws Exception {
        long threads = count("select count(*) from forum_thread where room_id = ?", room);
        for (var type : List.of("*/*", "application/*")) {
            var reply = api.request("POST", "api/rooms/" + room + "/threads")
                    .bearer(author.token())
                    .body(type, Forum.json("title", "Typed", "body", "no type"))
                    .send();
            assertProblem(reply, 415);
        }
        assertThat(count("select count(*) from forum_thread where room_id = ?", room))
                .isEqualTo(threads);
    }

    @Test
    void whatAnOperationWouldIgnoreOrFoldIsRefused() throws Exception {
        var thread = forum.openThread(author, room, "Pinned where?");
        var pin = api.post(
                "api/threads/" + thread + "/moderation",
                moderator.token(),
                Forum.json("action", "PIN", "roomId", room, "reason", "keep on top"));
        assertProblem(pin, 400);
        assertThat(fields(pin)).containsExactly("roomId");
        assertThat(forum.thread(author, thread).getBoolean("pinned")).isFalse();

        long accounts = count("select count(*) from account");
        var twice = api.post(
                "api/accounts",
                admin,
                "{\"username\":\"" + Api.unique("twice").toLowerCase() + "\",\"displayName\":\"Twice\","
                        + "\"organisationId\":\"" + api.operators(admin) + "\",\"password\":\"" + Api.PASSWORD
                        + "\",\"roles\":[\"ADMIN\",\"ADMIN\"]}");
        assertProblem(twice, 400);
        assertThat(fields(twice)).containsExactly("roles");
        assertThat(count("select count(*) from account")).isEqualTo(accounts);

        var repeated = api.get("api/search?q=a&q=b", author.token());
        assertProblem(repeated, 400);
        assertThat(repeated.json().getString("type")).endsWith("/invalid-input");
    }

    /** The status line and headers of a request sent byte for byte, as no HTTP client would send it. */
    private String rawRequest(String request) throws Exception {
        var answer = rawAnswer(request);
        int end = answer.indexOf("\r\n\r\n");
        return end < 0 ? answer : answer.substring(0, end);
    }

    /** The whole answer to a request sent byte for byte. */
    private String rawAnswer(String request) throws Exception {
        try (var socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}

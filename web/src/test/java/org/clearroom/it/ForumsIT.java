package org.clearroom.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clearroom.it.Forum.assertProblem;
import static org.clearroom.it.Forum.audits;
import static org.clearroom.it.Forum.auditsBy;
import static org.clearroom.it.Forum.enc;
import static org.clearroom.it.Forum.fields;
import static org.clearroom.it.Forum.ids;
import static org.clearroom.it.Forum.instant;
import static org.clearroom.it.Forum.items;
import static org.clearroom.it.Forum.json;
import static org.clearroom.it.Forum.sha256;
import static org.clearroom.it.Forum.text;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearroom.it.Forum.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forums as carriers, regulators and outsiders meet them (docs/forums.md): threads and replies, Markdown
 * that cannot carry script, limits, revisions, reactions, mentions, subscriptions, read state, paging and
 * the audit of reads.
 */
class ForumsIT extends ClearroomDeployment {

    private Forum forum;
    private String admin;
    private String carrierOrg;
    private String regulatorOrg;
    private Member carrier;
    private Member colleague;
    private Member regulator;
    private Member outsider;
    private Member moderator;

    @BeforeEach
    void members() {
        forum = new Forum(api);
        admin = api.admin();
        carrierOrg = api.createOrganisation(admin, Api.unique("Fjordtel"), "CARRIER");
        regulatorOrg = api.createOrganisation(admin, Api.unique("Authority"), "REGULATOR");
        var outsiderOrg = api.createOrganisation(admin, Api.unique("Outsider"), "VENDOR");
        var moderatorOrg = api.createOrganisation(admin, Api.unique("Stewards"), "OBSERVER");
        carrier = forum.member(admin, "carla", carrierOrg);
        colleague = forum.member(admin, "colin", carrierOrg);
        regulator = forum.member(admin, "rita", regulatorOrg);
        outsider = forum.member(admin, "otto", outsiderOrg);
        moderator = forum.member(admin, "mona", moderatorOrg);
    }

    // --- 1. who may do what -------------------------------------------------------------------------

    @Test
    void concurrentRepliesToOneThreadAreAllKeptAndCounted() throws Exception {
        var room = forum();
        var threadId = forum.openThread(carrier, room, "Busy thread");
        int replies = 24;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var answers = new ArrayList<java.util.concurrent.Future<Reply>>();
            for (int i = 0; i < replies; i++) {
                var who = i % 2 == 0 ? carrier : colleague;
                var body = "reply " + i;
                answers.add(pool.submit(() -> forum.tryReply(who, threadId, body)));
            }
            for (var answer : answers) {
                var reply = answer.get();
                assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(forum.thread(carrier, threadId).getJsonNumber("posts").longValue())
                .isEqualTo(replies + 1);
        assertThat(count("select count(*) from forum_post where thread_id = ?", threadId))
                .isEqualTo(replies + 1);
    }

    @Test
    void roomsSayWhatTheCallerMayDoThereAndWhetherItWatchesThem() {
        var room = forum();
        assertThat(permissions(carrier, room)).containsExactly("VIEW", "CONTRIBUTE");
        assertThat(permissions(regulator, room)).containsExactly("VIEW");
        assertThat(permissions(moderator, room)).containsExactly("VIEW", "MODERATE");
        var listed = api.get("api/rooms", regulator.token()).array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("id").equals(room))
                .findFirst()
                .orElseThrow();
        assertThat(listed.getJsonArray("permissions").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString))
                .containsExactly("VIEW");

        assertThat(watching(regulator, room)).isFalse();
        assertThat(api.request("PUT", "api/rooms/" + room + "/subscription")
                        .bearer(regulator.token())
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(watching(regulator, room)).isTrue();
        assertThat(api.get("api/rooms/" + room + "/subscription", outsider.token())
                        .status())
                .isEqualTo(404);

        var thread = forum.openThread(carrier, room, "Watched by its author");
        var pinned = api.post("api/threads/" + thread + "/moderation", moderator.token(), json("action", "PIN"));
        assertThat(pinned.status()).as(pinned.toString()).isEqualTo(200);
        assertThat(pinned.json().getBoolean("subscribed"))
                .as("the moderator does not watch it")
                .isFalse();
        var own = api.get("api/threads/" + thread, carrier.token());
        assertThat(own.json().getBoolean("subscribed")).as("its author does").isTrue();
    }

    private List<String> permissions(Member who, String room) {
        var reply = api.get("api/rooms/" + room, who.token());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonArray("permissions").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private boolean watching(Member who, String room) {
        var reply = api.get("api/rooms/" + room + "/subscription", who.token());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getBoolean("watching");
    }

    @Test
    void contributorOpensAndRepliesWhileViewOnlyRegulatorReadsButMayNotWrite() throws Exception {
        var room = forum();
        var opened = forum.open(carrier, room, "Outage on the northern ring", "Fibre cut near **Narvik**.");
        var thread = opened.getJsonObject("thread");
        var first = opened.getJsonObject("firstPost");
        var threadId = thread.getString("id");
        assertThat(thread.getString("roomId")).isEqualTo(room);
        assertThat(thread.getString("title")).isEqualTo("Outage on the northern ring");
        assertThat(thread.getJsonObject("author").getString("username")).isEqualTo(carrier.username());
        assertThat(thread.getBoolean("pinned")).isFalse();
        assertThat(thread.getBoolean("locked")).isFalse();
        assertThat(first.getString("threadId")).isEqualTo(threadId);
        assertThat(first.getString("roomId")).isEqualTo(room);
        assertThat(first.getString("body")).isEqualTo("Fibre cut near **Narvik**.");
        assertThat(first.getString("html")).contains("<strong>Narvik</strong>");
        assertThat(first.getInt("revision")).isEqualTo(1);
        assertThat(first.getBoolean("hidden")).isFalse();

        var answer = forum.reply(colleague, threadId, "Confirmed from our side.");
        assertThat(answer.getString("threadId")).isEqualTo(threadId);
        assertThat(answer.getJsonObject("author").getString("username")).isEqualTo(colleague.username());

        var read = api.get("api/threads/" + threadId, regulator.token());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().getString("title")).isEqualTo("Outage on the northern ring");
        assertThat(read.json().getJsonNumber("posts").longValue()).isEqualTo(2);
        var posts = api.get("api/threads/" + threadId + "/posts", regulator.token());
        assertThat(posts.status()).as(posts.toString()).isEqualTo(200);
        assertThat(ids(items(posts))).containsExactly(first.getString("id"), answer.getString("id"));
        var post = api.get("api/posts/" + answer.getString("id"), regulator.token());
        assertThat(post.status()).as(post.toString()).isEqualTo(200);
        assertThat(post.json().getString("body")).isEqualTo("Confirmed from our side.");

        assertProblem(forum.tryReply(regulator, threadId, "I may not say this"), 403);
        assertProblem(forum.tryOpen(regulator, room, "Nor this", "body"), 403);
        assertThat(count("select count(*) from forum_post where thread_id = ?", threadId))
                .isEqualTo(2);
        assertThat(count("select count(*) from forum_thread where room_id = ?", room))
                .isEqualTo(1);

        assertThat(audits("THREAD_OPENED", "threads/" + threadId)).isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_entry where action = 'POST_CREATED' and resource = ? and content_digest = ?",
                        "posts/" + answer.getString("id"),
                        sha256("Confirmed from our side.")))
                .isEqualTo(1);
    }

    @Test
    void organisationWithoutARuleGets404ForEverythingInTheRoomLikeForNothingAtAll() throws Exception {
        var room = forum();
        var threadId = forum.openThread(carrier, room, "Carriers and regulators only");
        var postId = forum.reply(carrier, threadId, "Not for vendors").getString("id");
        var nowhere = UUID.randomUUID().toString();

        assertSameNotFound(
                api.get("api/rooms/" + room + "/threads", outsider.token()),
                api.get("api/rooms/" + nowhere + "/threads", outsider.token()));
        assertSameNotFound(
                api.get("api/threads/" + threadId, outsider.token()),
                api.get("api/threads/" + nowhere, outsider.token()));
        assertSameNotFound(
                api.get("api/threads/" + threadId + "/posts", outsider.token()),
                api.get("api/threads/" + nowhere + "/posts", outsider.token()));
        assertSameNotFound(
                api.get("api/posts/" + postId, outsider.token()), api.get("api/posts/" + nowhere, outsider.token()));
        assertSameNotFound(
                forum.tryReply(outsider, threadId, "let me in"), forum.tryReply(outsider, nowhere, "let me in"));
        assertThat(count("select count(*) from forum_post where thread_id = ?", threadId))
                .isEqualTo(2);
    }

    @Test
    void aDocumentsRoomTakesNoThreads() throws Exception {
        var locker = api.createRoom(admin, Api.unique("Evidence"), "DOCUMENTS");
        api.grant(admin, locker, "ORGANISATION", carrierOrg, "CONTRIBUTE");

        var reply = forum.tryOpen(carrier, locker, "Not here", "A forum post in a document room");

        assertThat(reply.status()).as(reply.toString()).isBetween(400, 499);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        assertThat(count("select count(*) from forum_thread where room_id = ?", locker))
                .isZero();
        assertThat(count("select count(*) from forum_post where room_id = ?", locker))
                .isZero();
    }

    // --- 2. Markdown ---------------------------------------------------------------------------------

    @Test
    void markdownIsReturnedWithItsSanitisedHtmlAndLinksAreNofollowNoopener() {
        var room = forum();
        var threadId = forum.openThread(carrier, room, "Markdown");
        var body = "Intro with **bold** and a [status page](https://example.org/status).\n\n"
                + "| Carrier | Outage |\n| --- | --- |\n| Fjordtel | 3 h |\n\n"
                + "Autolinked: https://example.com/incidents";

        var post = forum.reply(carrier, threadId, body);

        assertThat(post.getString("body")).isEqualTo(body);
        var html = post.getString("html");
        assertThat(html).contains("<table").contains("<td").contains("Fjordtel").contains("<strong>bold</strong>");
        var anchors = tags(html).stream()
                .filter(t -> t.name().equals("a") && t.value("href") != null)
                .toList();
        assertThat(anchors)
                .extracting(t -> t.value("href"))
                .as(html)
                .contains("https://example.org/status", "https://example.com/incidents");
        for (var anchor : anchors) {
            var rel = anchor.value("rel");
            assertThat(rel).as("rel of %s in %s", anchor, html).isNotNull();
            assertThat(List.of(rel.toLowerCase(Locale.ROOT).split("\\s+")))
                    .as("rel of %s", anchor)
                    .contains("nofollow", "noopener");
        }
        assertThat(dangers(html)).as(html).isEmpty();
    }

    @Test
    void noPayloadOfTheXssCorpusSurvivesInTheHtmlOnWriteOrOnRead() throws Exception {
        var payloads = corpus();
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(60).doesNotHaveDuplicates();
        var room = forum();
        var threadId = forum.openThread(carrier, room, "XSS corpus");

        var posted = new LinkedHashMap<String, String>();
        var offences = new ArrayList<String>();
        for (var payload : payloads) {
            var reply = forum.tryReply(carrier, threadId, payload);
            assertThat(reply.status()).as("payload %s: %s", payload, reply).isEqualTo(201);
            var post = reply.json();
            assertThat(text(post, "body"))
                    .as("the Markdown comes back as written")
                    .isEqualTo(payload);
            var html = text(post, "html");
            assertThat(html).as("html of %s", payload).isNotNull();
            for (var danger : dangers(html)) {
                offences.add("on write: " + payload + " -> " + danger + " in " + html);
            }
            posted.put(post.getString("id"), payload);
        }

        var listed = pages(carrier, "api/threads/" + threadId + "/posts?order=oldest", 100).stream()
                .flatMap(List::stream)
                .toList();
        assertThat(ids(listed)).containsAll(posted.keySet());
        for (var post : listed) {
            var payload = posted.get(post.getString("id"));
            if (payload == null) {
                continue; // the first post
            }
            var html = text(post, "html");
            assertThat(html).as("html of %s on read", payload).isNotNull();
            for (var danger : dangers(html)) {
                offences.add("on read: " + payload + " -> " + danger + " in " + html);
            }
        }
        assertThat(offences).as("dangerous HTML in %d posts", posted.size()).isEmpty();
    }

    // --- 3. limits and bad input -----------------------------------------------------------------

    @Test
    void titlesAndBodiesAtTheirLimitsAreAccepted() {
        var room = forum();
        var opened = forum.open(carrier, room, "t".repeat(200), "b".repeat(50_000));
        assertThat(opened.getJsonObject("thread").getString("title")).hasSize(200);
        assertThat(opened.getJsonObject("firstPost").getString("body")).hasSize(50_000);
    }

    @Test
    void emptyBlankOrOverlongTitlesAndBodiesAreRefusedAndNothingIsStored() throws Exception {
        var room = forum();

        var emptyTitle = forum.tryOpen(carrier, room, "", "A body");
        assertProblem(emptyTitle, 400);
        assertThat(fields(emptyTitle)).contains("title");

        var blankTitle = forum.tryOpen(carrier, room, "   \t ", "A body");
        assertProblem(blankTitle, 400);
        assertThat(fields(blankTitle)).contains("title");

        var longTitle = forum.tryOpen(carrier, room, "t".repeat(201), "A body");
        assertProblem(longTitle, 400);
        assertThat(fields(longTitle)).contains("title");

        var blankFirstBody = forum.tryOpen(carrier, room, "A title", " \n\t  \n");
        assertProblem(blankFirstBody, 400);
        assertThat(fields(blankFirstBody)).contains("body");

        var longFirstBody = forum.tryOpen(carrier, room, "A title", "b".repeat(50_001));
        assertProblem(longFirstBody, 400);
        assertThat(fields(longFirstBody)).contains("body");

        assertThat(count("select count(*) from forum_thread where room_id = ?", room))
                .as("no thread stored")
                .isZero();
        assertThat(count("select count(*) from forum_post where room_id = ?", room))
                .as("no post stored")
                .isZero();

        var threadId = forum.openThread(carrier, room, "Limits");
        var blankBody = forum.tryReply(carrier, threadId, "   \n\t ");
        assertProblem(blankBody, 400);
        assertThat(fields(blankBody)).contains("body");
        var emptyBody = forum.tryReply(carrier, threadId, "");
        assertProblem(emptyBody, 400);
        assertThat(fields(emptyBody)).contains("body");
        var longBody = forum.tryReply(carrier, threadId, "b".repeat(50_001));
        assertProblem(longBody, 400);
        assertThat(fields(longBody)).contains("body");
        var missingBody = api.post("api/threads/" + threadId + "/posts", carrier.token(), "{}");
        assertProblem(missingBody, 400);
        assertThat(fields(missingBody)).contains("body");

        assertThat(count("select count(*) from forum_post where thread_id = ?", threadId))
                .as("only the first post")
                .isEqualTo(1);
    }

    @Test
    void markdownNestedDeeperThan32LevelsIsRefusedNamingTheBody() throws Exception {
        var room = forum();
        var threadId = forum.openThread(carrier, room, "Nesting");

        var quotes = forum.tryReply(carrier, threadId, "> ".repeat(40) + "deep");
        assertProblem(quotes, 400);
        assertThat(fields(quotes)).containsExactly("body");

        var opened = forum.tryOpen(carrier, room, "Deep", "> ".repeat(40) + "deep");
        assertProblem(opened, 400);
        assertThat(fields(opened)).contains("body");

        assertThat(count("select count(*) from forum_post where thread_id = ?", threadId))
                .isEqualTo(1);
        assertThat(count("select count(*) from forum_thread where room_id = ?", room))
                .isEqualTo(1);
    }

    @Test
    void unknownFieldsAreRefusedAndNothingIsStored() throws Exception {
        var room = forum();
        var thread = api.post(
                "api/rooms/" + room + "/threads",
                carrier.token(),
                "{\"title\":\"Colourful\",\"body\":\"text\",\"colour\":\"blue\"}");
        assertProblem(thread, 400);
        assertThat(fields(thread)).containsExactly("colour");
        assertThat(count("select count(*) from forum_thread where room_id = ?", room))
                .isZero();

        var threadId = forum.openThread(carrier, room, "Strict");
        var post =
                api.post("api/threads/" + threadId + "/posts", carrier.token(), "{\"body\":\"text\",\"sticky\":true}");
        assertProblem(post, 400);
        assertThat(fields(post)).containsExactly("sticky");
        assertThat(count("select count(*) from forum_post where thread_id = ?", threadId))
                .isEqualTo(1);
    }

    @Test
    void replyingToALockedThreadIsAConflict() throws Exception {
        var room = forum();
        var threadId = forum.openThread(carrier, room, "Settled");
        var locked = api.post(
                "api/threads/" + threadId + "/moderation",
                moderator.token(),
                json("action", "LOCK", "reason", "Settled by the board"));
        assertThat(locked.status()).as(locked.toString()).isEqualTo(200);

        var reply = forum.tryReply(colleague, threadId, "One more thing");

        assertProblem(reply, 409);
        assertThat(count("select count(*) from forum_post where thread_id = ?", threadId))
                .isEqualTo(1);
    }

    @Test
    void revisingSomeoneElsesPostIsForbiddenAndChangesNothing() throws Exception {
        var room = forum();
        var opened = forum.open(carrier, room, "Mine", "My words");
        var postId = opened.getJsonObject("firstPost").getString("id");

        assertProblem(api.patch("api/posts/" + postId, colleague.token(), json("body", "Your words")), 403);
        assertProblem(api.patch("api/posts/" + postId, regulator.token(), json("body", "Regulated words")), 403);
        assertThat(api.patch("api/posts/" + postId, outsider.token(), json("body", "Outside words"))
                        .status())
                .isEqualTo(404);

        assertThat(forum.getPost(carrier, postId).getString("body")).isEqualTo("My words");
        assertThat(forum.getPost(carrier, postId).getInt("revision")).isEqualTo(1);
        // post_revision keeps replaced versions only: none was replaced
        assertThat(count("select count(*) from post_revision where post_id = ?", postId))
                .isZero();
    }

    @Test
    void unknownReactionIsRefused() throws Exception {
        var room = forum();
        var postId = forum.open(carrier, room, "Reactions", "React to me")
                .getJsonObject("firstPost")
                .getString("id");

        var reply = api.post("api/posts/" + postId + "/reactions", colleague.token(), json("reaction", "SHRUG"));

        assertProblem(reply, 400);
        assertThat(fields(reply)).containsExactly("reaction");
        assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("message"))
                .contains("THUMBS_UP")
                .contains("ROCKET");
        assertThat(count("select count(*) from post_reaction where post_id = ?", postId))
                .isZero();
    }

    @Test
    void flagsNeedAReasonAndOtherNeedsText() throws Exception {
        var room = forum();
        var postId = forum.open(carrier, room, "Flags", "Flag me")
                .getJsonObject("firstPost")
                .getString("id");

        var noReason = api.post("api/posts/" + postId + "/flags", regulator.token(), "{}");
        assertProblem(noReason, 400);
        assertThat(fields(noReason)).containsExactly("reason");

        var otherWithoutText = api.post("api/posts/" + postId + "/flags", regulator.token(), json("reason", "OTHER"));
        assertProblem(otherWithoutText, 400);
        assertThat(fields(otherWithoutText)).containsExactly("text");

        var unknownReason = api.post("api/posts/" + postId + "/flags", regulator.token(), json("reason", "BORING"));
        assertProblem(unknownReason, 400);
        assertThat(fields(unknownReason)).containsExactly("reason");

        var longText = api.post(
                "api/posts/" + postId + "/flags", regulator.token(), json("reason", "OTHER", "text", "x".repeat(1001)));
        assertProblem(longText, 400);
        assertThat(fields(longText)).containsExactly("text");

        assertThat(count("select count(*) from post_flag where post_id = ?", postId))
                .isZero();
    }

    @Test
    void searchNeedsOneTo200CharactersWithASearchableWord() throws Exception {
        for (var q : List.of("", "q".repeat(201), "   ")) {
            var reply = api.get("api/search?q=" + enc(q), regulator.token());
            assertProblem(reply, 400);
            assertThat(fields(reply)).as(reply.toString()).containsExactly("q");
        }
        var missing = api.get("api/search", regulator.token());
        assertProblem(missing, 400);
        assertThat(fields(missing)).containsExactly("q");
        var stopWordsOnly = api.get("api/search?q=" + enc("the of and"), regulator.token());
        assertProblem(stopWordsOnly, 400);
        assertThat(fields(stopWordsOnly)).containsExactly("q");

        assertThat(count(
                        "select count(*) from audit_entry where action = 'FORUM_SEARCHED' and actor_account = ?",
                        regulator.id()))
                .as("a refused search is not recorded")
                .isZero();
    }

    @Test
    void tamperedOrForeignCursorsAndOutOfRangeLimitsAreRefused() {
        var room = forum();
        var threadId = forum.openThread(carrier, room, "Paged");
        forum.openThread(carrier, room, "Paged too");
        forum.reply(carrier, threadId, "second");
        forum.reply(carrier, threadId, "third");

        var page = api.get("api/threads/" + threadId + "/posts?limit=1", carrier.token());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        var cursor = text(page.json(), "next");
        assertThat(cursor).as(page.toString()).isNotBlank();
        var middle = cursor.length() / 2;
        var tampered =
                cursor.substring(0, middle) + (cursor.charAt(middle) == 'A' ? 'B' : 'A') + cursor.substring(middle + 1);

        var altered = api.get("api/threads/" + threadId + "/posts?limit=1&cursor=" + enc(tampered), carrier.token());
        assertProblem(altered, 400);
        assertThat(fields(altered)).containsExactly("cursor");
        var garbage = api.get("api/threads/" + threadId + "/posts?cursor=" + enc("not-a-cursor"), carrier.token());
        assertProblem(garbage, 400);
        assertThat(fields(garbage)).containsExactly("cursor");

        var threads = api.get("api/rooms/" + room + "/threads?limit=1", carrier.token());
        assertThat(threads.status()).as(threads.toString()).isEqualTo(200);
        var threadCursor = text(threads.json(), "next");
        assertThat(threadCursor).as(threads.toString()).isNotBlank();
        var foreign = api.get("api/threads/" + threadId + "/posts?cursor=" + enc(threadCursor), carrier.token());
        assertProblem(foreign, 400);
        assertThat(fields(foreign)).containsExactly("cursor");

        for (var limit : List.of("0", "101", "-1", "ten")) {
            var reply = api.get("api/threads/" + threadId + "/posts?limit=" + limit, carrier.token());
            assertProblem(reply, 400);
            assertThat(fields(reply)).as(reply.toString()).containsExactly("limit");
        }
        var threadLimit = api.get("api/rooms/" + room + "/threads?limit=101", carrier.token());
        assertProblem(threadLimit, 400);
        assertThat(fields(threadLimit)).containsExactly("limit");
        var order = api.get("api/threads/" + threadId + "/posts?order=sideways", carrier.token());
        assertProblem(order, 400);
        assertThat(fields(order)).containsExactly("order");
    }

    @Test
    void markdownBombsWithinTheLimitsAnswerPromptlyAndTheServerStaysReady() {
        var room = forum();
        var threadId = forum.openThread(carrier, room, "Bombs");
        var bombs = List.of(
                "*".repeat(49_000),
                "[".repeat(20_000),
                "_a".repeat(24_000),
                "[a](".repeat(12_000),
                "<".repeat(49_000),
                "- ".repeat(24_000) + "x",
                "`".repeat(49_000),
                "|".repeat(49_000));
        for (var bomb : bombs) {
            var started = Instant.now();
            var reply = forum.tryReply(carrier, threadId, bomb);
            var took = Duration.between(started, Instant.now());
            assertThat(reply.status())
                    .as(
                            "%s… (%d chars) answered %s after %s",
                            bomb.substring(0, 8), bomb.length(), reply.status(), took)
                    .isIn(201, 400);
            assertThat(took).as("answer time for %s…", bomb.substring(0, 8)).isLessThan(Duration.ofSeconds(30));
        }
        var ready = api.get("health/ready", null);
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
    }

    // --- 4. revisions --------------------------------------------------------------------------------

    @Test
    void everyRevisionIsKeptWithAuthorTimeAndDigestAndAudited() throws Exception {
        var room = forum();
        var postId = forum.open(carrier, room, "Revised", "Version one")
                .getJsonObject("firstPost")
                .getString("id");
        var second = "Version two";
        var third = "Version *three*, naïve café ✓";

        var revised = api.patch("api/posts/" + postId, carrier.token(), json("body", second));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.json().getInt("revision")).isEqualTo(2);
        revised = api.patch("api/posts/" + postId, carrier.token(), json("body", third));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.json().getInt("revision")).isEqualTo(3);

        var reply = api.get("api/posts/" + postId + "/revisions", regulator.token());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        var revisions = list(reply);
        assertThat(revisions).as(reply.toString()).hasSize(3);
        assertThat(revisions).extracting(r -> r.getInt("number")).containsExactly(1, 2, 3);
        assertThat(revisions).extracting(r -> r.getString("body")).containsExactly("Version one", second, third);
        assertThat(revisions)
                .extracting(r -> r.getJsonObject("author").getString("username"))
                .containsOnly(carrier.username());
        var times = revisions.stream().map(r -> instant(r, "createdAt")).toList();
        assertThat(times.get(1)).isAfter(times.get(0));
        assertThat(times.get(2)).isAfter(times.get(1));
        for (var revision : revisions) {
            assertThat(revision.getString("digest"))
                    .as("digest of revision %d", revision.getInt("number"))
                    .endsWith(sha256(revision.getString("body")));
        }

        var post = forum.getPost(regulator, postId);
        assertThat(post.getInt("revision")).isEqualTo(3);
        assertThat(post.getString("body")).isEqualTo(third);
        assertThat(post.getString("html")).contains("<em>three</em>");
        assertThat(instant(post, "revisedAt")).isAfterOrEqualTo(times.get(2).minusMillis(1));
        assertThat(post.getString("digest")).endsWith(sha256(third));

        var resource = "posts/" + postId;
        assertThat(audits("POST_REVISED", resource)).isEqualTo(2);
        assertThat(count(
                        "select count(*) from audit_entry where action = 'POST_REVISED' and resource = ?"
                                + " and content_digest ~ '^[0-9a-f]{64}$'",
                        resource))
                .as("64 lowercase hex digits")
                .isEqualTo(2);
        for (var body : List.of(second, third)) {
            assertThat(count(
                            "select count(*) from audit_entry where action = 'POST_REVISED' and resource = ?"
                                    + " and content_digest = ? and actor_account = ?",
                            resource,
                            sha256(body),
                            carrier.id()))
                    .as("POST_REVISED with the SHA-256 of %s", body)
                    .isEqualTo(1);
        }
    }

    // --- 5. reactions --------------------------------------------------------------------------------

    @Test
    void reactionsToggleAndCountPerAccount() throws Exception {
        var room = forum();
        var postId = forum.open(carrier, room, "Reactions", "React to me")
                .getJsonObject("firstPost")
                .getString("id");
        var third = forum.member(admin, "theo", carrierOrg);

        var on = react(colleague, postId, "THUMBS_UP");
        assertThat(on.getJsonNumber("count").longValue()).isEqualTo(1);
        assertThat(on.getBoolean("mine")).isTrue();
        assertThat(on.getString("emoji")).isEqualTo("\uD83D\uDC4D");

        var second = react(third, postId, "THUMBS_UP");
        assertThat(second.getJsonNumber("count").longValue()).isEqualTo(2);
        assertThat(second.getBoolean("mine")).isTrue();

        var off = react(colleague, postId, "THUMBS_UP");
        assertThat(off.getJsonNumber("count").longValue()).isEqualTo(1);
        assertThat(off.getBoolean("mine")).isFalse();

        var seenByThird = reaction(
                forum.getPost(third, postId).getJsonArray("reactions").getValuesAs(JsonObject.class), "THUMBS_UP");
        assertThat(seenByThird.getJsonNumber("count").longValue()).isEqualTo(1);
        assertThat(seenByThird.getBoolean("mine")).isTrue();
        var seenByColleague = reaction(
                forum.getPost(colleague, postId).getJsonArray("reactions").getValuesAs(JsonObject.class), "THUMBS_UP");
        assertThat(seenByColleague.getBoolean("mine")).isFalse();

        assertProblem(
                api.post("api/posts/" + postId + "/reactions", regulator.token(), json("reaction", "HEART")), 403);
        assertThat(count("select count(*) from post_reaction where post_id = ?", postId))
                .isEqualTo(1);

        assertThat(count(
                        "select count(*) from audit_entry where action = 'REACTION_ADDED' and resource like ?",
                        "posts/" + postId + "%"))
                .isEqualTo(2);
        assertThat(count(
                        "select count(*) from audit_entry where action = 'REACTION_REMOVED' and resource like ?"
                                + " and actor_account = ?",
                        "posts/" + postId + "%",
                        colleague.id()))
                .isEqualTo(1);
    }

    // --- 6. mentions ---------------------------------------------------------------------------------

    @Test
    void mentionsNotifyOnlyAccountsThatMayViewTheRoomAndRevealNothingToTheAuthor() {
        var room = forum();
        var threadId = forum.openThread(carrier, room, "Mentions");
        var viewer = forum.member(admin, "vera", regulatorOrg);
        var coder = forum.member(admin, "cody", regulatorOrg);

        var mentioning = forum.tryReply(
                carrier,
                threadId,
                "Hello @" + viewer.username() + ", and @" + outsider.username() + " too. Not `@" + coder.username()
                        + "` in code.");
        assertThat(mentioning.status()).as(mentioning.toString()).isEqualTo(201);
        var postId = mentioning.json().getString("id");

        var page = awaitNotifications(viewer, "a MENTION for " + postId, p -> hasNotification(p, "MENTION", postId));
        var mention = notification(page, "MENTION", postId);
        assertThat(mention.getString("threadId")).isEqualTo(threadId);
        assertThat(mention.getString("roomId")).isEqualTo(room);
        assertThat(mention.getJsonObject("actor").getString("username")).isEqualTo(carrier.username());
        assertThat(page.getJsonNumber("unread").longValue()).isGreaterThanOrEqualTo(1);

        var onlyOutsider = forum.tryReply(carrier, threadId, "Only @" + outsider.username() + ", please look.");
        assertThat(onlyOutsider.status()).as(onlyOutsider.toString()).isEqualTo(201);
        assertThat(onlyOutsider.json().keySet())
                .as("the author learns nothing from whom they mention")
                .isEqualTo(mentioning.json().keySet());
        assertThat(onlyOutsider.body()).doesNotContain(outsider.id());

        var marker = forum.reply(carrier, threadId, "And @" + viewer.username() + " once more")
                .getString("id");
        awaitNotifications(viewer, "a MENTION for " + marker, p -> hasNotification(p, "MENTION", marker));

        var outsiders = notifications(outsider);
        assertThat(outsiders.getJsonArray("items")).as(outsiders.toString()).isEmpty();
        assertThat(outsiders.getJsonNumber("unread").longValue()).isZero();
        var coders = notifications(coder);
        assertThat(coders.getJsonArray("items"))
                .as("a mention in code is no mention: %s", coders)
                .isEmpty();
    }

    // --- 7. subscriptions and notifications ----------------------------------------------------------

    @Test
    void subscribersAreNotifiedOfRepliesAndNewThreadsUntilTheyUnsubscribe() throws Exception {
        var room = forum();
        var threadId = forum.openThread(carrier, room, "Watched");
        var control = forum.member(admin, "cleo", regulatorOrg);

        assertThat(put("api/threads/" + threadId + "/subscription", regulator).status())
                .isEqualTo(204);
        assertThat(put("api/threads/" + threadId + "/subscription", control).status())
                .isEqualTo(204);
        var first = forum.reply(colleague, threadId, "First answer").getString("id");
        var page = awaitNotifications(regulator, "a REPLY for " + first, p -> hasNotification(p, "REPLY", first));
        var notified = notification(page, "REPLY", first);
        assertThat(notified.getString("threadId")).isEqualTo(threadId);
        assertThat(notified.getString("roomId")).isEqualTo(room);
        assertThat(notified.getJsonObject("actor").getString("username")).isEqualTo(colleague.username());
        awaitNotifications(carrier, "the thread's author is subscribed", p -> hasNotification(p, "REPLY", first));

        assertThat(api.delete("api/threads/" + threadId + "/subscription", regulator.token())
                        .status())
                .isEqualTo(204);
        var second =
                forum.reply(carrier, threadId, "Second answer, by the author").getString("id");
        awaitNotifications(control, "a REPLY for " + second, p -> hasNotification(p, "REPLY", second));
        assertThat(hasNotification(notifications(regulator), "REPLY", second))
                .as("unsubscribed")
                .isFalse();
        assertThat(hasNotification(notifications(carrier), "REPLY", second))
                .as("a subscriber is not notified of their own post")
                .isFalse();

        assertThat(put("api/rooms/" + room + "/subscription", regulator).status())
                .isEqualTo(204);
        var newThread = forum.openThread(colleague, room, "Brand new");
        page = awaitNotifications(regulator, "a NEW_THREAD for " + newThread, p -> items(p).stream()
                .anyMatch(n -> n.getString("kind").equals("NEW_THREAD") && newThread.equals(text(n, "threadId"))));

        var unread = page.getJsonNumber("unread").longValue();
        assertThat(unread).isGreaterThanOrEqualTo(2);
        var firstNotification = notification(page, "REPLY", first).getString("id");
        var marked = api.post(
                "api/notifications/read",
                regulator.token(),
                Json.createObjectBuilder()
                        .add("ids", Json.createArrayBuilder().add(firstNotification))
                        .build()
                        .toString());
        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        assertThat(marked.json().getJsonNumber("unread").longValue()).isEqualTo(unread - 1);
        var all = api.post("api/notifications/read", regulator.token(), "{}");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.json().getJsonNumber("unread").longValue()).isZero();
        var unreadOnly = api.get("api/notifications?unread=true", regulator.token());
        assertThat(unreadOnly.status()).as(unreadOnly.toString()).isEqualTo(200);
        assertThat(unreadOnly.json().getJsonNumber("unread").longValue()).isZero();
        assertThat(unreadOnly.json().getJsonArray("items")).isEmpty();
        assertThat(notifications(regulator).getJsonArray("items"))
                .as("read ones are still listed")
                .isNotEmpty();

        assertThat(auditsLike("SUBSCRIBED", "threads/" + threadId, regulator)).isEqualTo(1);
        assertThat(auditsLike("UNSUBSCRIBED", "threads/" + threadId, regulator)).isEqualTo(1);
        assertThat(auditsLike("SUBSCRIBED", "rooms/" + room, regulator)).isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_entry where action = 'NOTIFICATIONS_READ' and actor_account = ?",
                        regulator.id()))
                .isEqualTo(2);
    }

    @Test
    void notificationsOfARoomNoLongerViewableAreNoLongerListed() {
        var room = api.createRoom(admin, Api.unique("Revocable"), "FORUM");
        api.grant(admin, room, "ORGANISATION", carrierOrg, "CONTRIBUTE");
        var rule = api.grant(admin, room, "ORGANISATION", regulatorOrg, "VIEW");
        assertThat(put("api/rooms/" + room + "/subscription", regulator).status())
                .isEqualTo(204);
        var threadId = forum.openThread(carrier, room, "Soon out of sight");
        awaitNotifications(
                regulator, "a NEW_THREAD", p -> items(p).stream().anyMatch(n -> threadId.equals(text(n, "threadId"))));

        assertThat(api.delete("api/rooms/" + room + "/rules/" + rule, admin).status())
                .isEqualTo(204);

        var page = notifications(regulator);
        assertThat(items(page)).as(page.toString()).noneMatch(n -> room.equals(text(n, "roomId")));
        assertThat(page.toString()).doesNotContain(threadId).doesNotContain("Soon out of sight");
        assertThat(page.getJsonNumber("unread").longValue()).as("nor counted").isZero();
    }

    // --- 8. read state -------------------------------------------------------------------------------

    @Test
    void unreadCountsPostsByOthersSinceTheCallerLastReadTheThread() {
        var room = forum();
        var threadId = forum.openThread(carrier, room, "Unread");
        assertThat(unread(colleague, room, threadId))
                .as("never read: the first post")
                .isEqualTo(1);
        assertThat(unread(carrier, room, threadId))
                .as("one's own posts are never unread")
                .isZero();

        forum.reply(carrier, threadId, "two");
        forum.reply(carrier, threadId, "three");
        assertThat(unread(colleague, room, threadId)).isEqualTo(3);

        assertThat(api.get("api/threads/" + threadId + "/posts", colleague.token())
                        .status())
                .isEqualTo(200);
        assertThat(unread(colleague, room, threadId)).isZero();

        forum.reply(carrier, threadId, "four");
        assertThat(unread(colleague, room, threadId)).isEqualTo(1);
        forum.reply(colleague, threadId, "my own");
        assertThat(unread(colleague, room, threadId))
                .as("replying means having read the thread")
                .isZero();
        assertThat(unread(carrier, room, threadId)).isEqualTo(1);
    }

    // --- 9. paging -----------------------------------------------------------------------------------

    @Test
    void postsPageOldestFirstByDefaultAndNewestFirstOnRequest() {
        var room = forum();
        var opened = forum.open(carrier, room, "Paging", "post 0");
        var threadId = opened.getJsonObject("thread").getString("id");
        var expected = new ArrayList<String>();
        expected.add(opened.getJsonObject("firstPost").getString("id"));
        for (int i = 1; i <= 7; i++) {
            expected.add(forum.reply(i % 2 == 0 ? carrier : colleague, threadId, "post " + i)
                    .getString("id"));
        }

        var oldest = pages(regulator, "api/threads/" + threadId + "/posts?order=oldest", 3);
        assertThat(oldest).extracting(List::size).containsExactly(3, 3, 2);
        assertThat(ids(oldest.stream().flatMap(List::stream).toList())).containsExactlyElementsOf(expected);

        var newest = pages(regulator, "api/threads/" + threadId + "/posts?order=newest", 3);
        assertThat(newest).extracting(List::size).containsExactly(3, 3, 2);
        assertThat(ids(newest.stream().flatMap(List::stream).toList())).containsExactlyElementsOf(reversed(expected));

        var byDefault = api.get("api/threads/" + threadId + "/posts?limit=3", regulator.token());
        assertThat(ids(items(byDefault))).containsExactlyElementsOf(expected.subList(0, 3));
    }

    @Test
    void threadsPageByLatestPostWithoutDuplicates() {
        var room = forum();
        var created = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            created.add(forum.openThread(carrier, room, "Thread " + i));
        }

        var newest = pages(regulator, "api/rooms/" + room + "/threads?order=newest", 2);
        assertThat(newest).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(ids(newest.stream().flatMap(List::stream).toList())).containsExactlyElementsOf(reversed(created));

        var oldest = pages(regulator, "api/rooms/" + room + "/threads?order=oldest", 2);
        assertThat(oldest).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(ids(oldest.stream().flatMap(List::stream).toList())).containsExactlyElementsOf(created);

        forum.reply(colleague, created.get(0), "bump");
        var bumped = pages(regulator, "api/rooms/" + room + "/threads?order=newest", 2);
        assertThat(ids(bumped.get(0))).as("latest post first").startsWith(created.get(0));
    }

    // --- 10. audit of reads --------------------------------------------------------------------------

    @Test
    void readsAreAuditedOncePerAccountAndResource() throws Exception {
        var room = forum();
        var opened = forum.open(carrier, room, "Read me", "Once is enough");
        var threadId = opened.getJsonObject("thread").getString("id");
        var postId = opened.getJsonObject("firstPost").getString("id");
        var resource = "threads/" + threadId;

        assertThat(api.get("api/threads/" + threadId + "/posts", colleague.token())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("api/threads/" + threadId + "/posts", colleague.token())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("api/threads/" + threadId, colleague.token()).status())
                .isEqualTo(200);
        assertThat(auditsBy("THREAD_READ", resource, colleague)).isEqualTo(1);

        assertThat(api.get("api/threads/" + threadId + "/posts", regulator.token())
                        .status())
                .isEqualTo(200);
        assertThat(auditsBy("THREAD_READ", resource, regulator)).isEqualTo(1);
        assertThat(auditsBy("THREAD_READ", resource, colleague)).isEqualTo(1);

        assertThat(api.get("api/rooms/" + room + "/threads", colleague.token()).status())
                .isEqualTo(200);
        assertThat(api.get("api/rooms/" + room + "/threads", colleague.token()).status())
                .isEqualTo(200);
        assertThat(auditsBy("ROOM_READ", "rooms/" + room, colleague)).isEqualTo(1);

        forum.getPost(colleague, postId);
        forum.getPost(colleague, postId);
        assertThat(auditsBy("POST_READ", "posts/" + postId, colleague)).isEqualTo(1);
    }

    // --- fixtures ------------------------------------------------------------------------------------

    /** A forum where the carrier contributes, the regulator views and the moderator moderates. */
    private String forum() {
        var room = api.createRoom(admin, Api.unique("Forum"), "FORUM");
        api.grant(admin, room, "ORGANISATION", carrierOrg, "CONTRIBUTE");
        api.grant(admin, room, "ORGANISATION", regulatorOrg, "VIEW");
        api.grant(admin, room, "ACCOUNT", moderator.id(), "MODERATE");
        return room;
    }

    /** Toggles a reaction and answers its count as the reacting account sees it. */
    private JsonObject react(Member who, String post, String reaction) {
        var reply = api.post("api/posts/" + post + "/reactions", who.token(), json("reaction", reaction));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        var body = reply.body().strip();
        List<JsonObject> counts = body.startsWith("[")
                ? reply.array().getValuesAs(JsonObject.class)
                : reply.json().getJsonArray("reactions").getValuesAs(JsonObject.class);
        return reaction(counts, reaction);
    }

    /** The count for one reaction, or a zero count when the list leaves it out. */
    private static JsonObject reaction(List<JsonObject> counts, String reaction) {
        return counts.stream()
                .filter(c -> c.getString("reaction").equals(reaction))
                .findFirst()
                .orElse(Json.createObjectBuilder()
                        .add("reaction", reaction)
                        .add("count", 0)
                        .add("mine", false)
                        .build());
    }

    private Reply put(String path, Member who) {
        return api.request("PUT", path).bearer(who.token()).send();
    }

    private long unread(Member who, String room, String thread) {
        var reply = api.get("api/rooms/" + room + "/threads?limit=100", who.token());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return items(reply).stream()
                .filter(t -> t.getString("id").equals(thread))
                .findFirst()
                .orElseThrow(() -> new AssertionError(thread + " not listed: " + reply))
                .getJsonNumber("unread")
                .longValue();
    }

    private JsonObject notifications(Member who) {
        var reply = api.get("api/notifications?limit=100", who.token());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** Notifications follow the commit; waits, within a bound, until the condition holds. */
    private JsonObject awaitNotifications(Member who, String what, Predicate<JsonObject> condition) {
        var deadline = Instant.now().plusSeconds(15);
        var page = notifications(who);
        while (!condition.test(page) && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // poll gently until the bound
            page = notifications(who);
        }
        assertThat(condition.test(page))
                .as("%s for %s within 15 s: %s", what, who.username(), page)
                .isTrue();
        return page;
    }

    private static boolean hasNotification(JsonObject page, String kind, String post) {
        return items(page).stream().anyMatch(n -> n.getString("kind").equals(kind) && post.equals(text(n, "postId")));
    }

    private static JsonObject notification(JsonObject page, String kind, String post) {
        return items(page).stream()
                .filter(n -> n.getString("kind").equals(kind) && post.equals(text(n, "postId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " for " + post + " in " + page));
    }

    /** Every page of a listing, following {@code next} until it is null. */
    private List<List<JsonObject>> pages(Member who, String path, int limit) {
        var pages = new ArrayList<List<JsonObject>>();
        var seen = new HashSet<String>();
        String cursor = null;
        do {
            var url = path + (path.contains("?") ? "&" : "?") + "limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + enc(cursor));
            var reply = api.get(url, who.token());
            assertThat(reply.status()).as("%s: %s", url, reply).isEqualTo(200);
            var page = items(reply);
            assertThat(page).as("page size of %s", url).hasSizeLessThanOrEqualTo(limit);
            for (var id : ids(page)) {
                assertThat(seen.add(id)).as("%s listed twice", id).isTrue();
            }
            pages.add(page);
            cursor = text(reply.json(), "next");
            assertThat(pages).as("paging ends").hasSizeLessThan(1_000);
        } while (cursor != null);
        return pages;
    }

    // --- listings, problems and audit --------------------------------------------------------------

    /** A listing that is either a bare array or a page of {@code items}. */
    private static List<JsonObject> list(Reply reply) {
        return reply.body().strip().startsWith("[") ? reply.array().getValuesAs(JsonObject.class) : items(reply.json());
    }

    private static List<String> reversed(List<String> list) {
        var copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static void assertSameNotFound(Reply hidden, Reply missing) {
        assertProblem(hidden, 404);
        assertProblem(missing, 404);
        assertThat(hidden.json().getString("title"))
                .as("%s versus %s", hidden, missing)
                .isEqualTo(missing.json().getString("title"));
        assertThat(text(hidden.json(), "type")).isEqualTo(text(missing.json(), "type"));
    }

    /** Entries on the resource or anything under it ({@code threads/{id}/subscription}, say). */
    private static long auditsLike(String action, String resource, Member actor) throws SQLException {
        return count(
                "select count(*) from audit_entry where action = ? and (resource = ? or resource like ?)"
                        + " and actor_account = ?",
                action,
                resource,
                resource + "/%",
                actor.id());
    }

    // --- what sanitised HTML must never contain ----------------------------------------------------

    private static List<String> corpus() throws IOException {
        try (var in = ForumsIT.class.getResourceAsStream("/xss-corpus.txt")) {
            assertThat(in).as("xss-corpus.txt on the test class path").isNotNull();
            return new String(in.readAllBytes(), UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.replace("\\n", "\n").replace("\\t", "\t"))
                    .toList();
        }
    }

    private static final Pattern FORBIDDEN_ELEMENT = Pattern.compile(
            "<\\s*/?\\s*(script|style|iframe|frame|frameset|object|embed|applet|svg|math|form|meta|base|link)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href",
            "src",
            "action",
            "formaction",
            "xlink:href",
            "srcset",
            "background",
            "poster",
            "dynsrc",
            "lowsrc",
            "data",
            "cite",
            "longdesc",
            "codebase");

    private static final List<String> BAD_SCHEMES = List.of("javascript:", "vbscript:", "data:");

    private record Attribute(String name, String value) {}

    private record Tag(String name, List<Attribute> attributes) {

        String value(String attribute) {
            return attributes.stream()
                    .filter(a -> a.name().equals(attribute))
                    .map(Attribute::value)
                    .findFirst()
                    .orElse(null);
        }
    }

    /** What in {@code html} could run script, load content or restyle the page; empty when it is safe. */
    private static List<String> dangers(String html) {
        var found = new ArrayList<String>();
        var element = FORBIDDEN_ELEMENT.matcher(html);
        while (element.find()) {
            found.add("element " + element.group());
        }
        for (var tag : tags(html)) {
            for (var attribute : tag.attributes()) {
                var name = attribute.name();
                if (name.startsWith("on")) {
                    found.add("handler " + name + " on <" + tag.name() + ">");
                }
                if (name.equals("style") || name.equals("srcdoc")) {
                    found.add("attribute " + name + " on <" + tag.name() + ">");
                }
                if (URL_ATTRIBUTES.contains(name) && attribute.value() != null) {
                    var url = normalisedUrl(attribute.value());
                    for (var scheme : BAD_SCHEMES) {
                        if (url.startsWith(scheme)) {
                            found.add(scheme + " URL in " + name + " on <" + tag.name() + ">");
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The start tags of {@code html} with their attributes, quotes respected, as a browser reads them. */
    private static List<Tag> tags(String html) {
        var tags = new ArrayList<Tag>();
        int n = html.length();
        int i = 0;
        while ((i = html.indexOf('<', i)) >= 0) {
            int j = i + 1;
            if (j >= n || !Character.isLetter(html.charAt(j))) {
                i = j;
                continue;
            }
            int nameStart = j;
            while (j < n && !Character.isWhitespace(html.charAt(j)) && html.charAt(j) != '>' && html.charAt(j) != '/') {
                j++;
            }
            var name = html.substring(nameStart, j).toLowerCase(Locale.ROOT);
            var attributes = new ArrayList<Attribute>();
            while (j < n && html.charAt(j) != '>') {
                char c = html.charAt(j);
                if (Character.isWhitespace(c) || c == '/') {
                    j++;
                    continue;
                }
                int attributeStart = j;
                while (j < n
                        && !Character.isWhitespace(html.charAt(j))
                        && html.charAt(j) != '='
                        && html.charAt(j) != '>'
                        && html.charAt(j) != '/') {
                    j++;
                }
                if (j == attributeStart) {
                    j++; // a stray '=': skip it
                    continue;
                }
                var attribute = html.substring(attributeStart, j).toLowerCase(Locale.ROOT);
                while (j < n && Character.isWhitespace(html.charAt(j))) {
                    j++;
                }
                String value = null;
                if (j < n && html.charAt(j) == '=') {
                    j++;
                    while (j < n && Character.isWhitespace(html.charAt(j))) {
                        j++;
                    }
                    if (j < n && (html.charAt(j) == '"' || html.charAt(j) == '\'')) {
                        int end = html.indexOf(html.charAt(j), j + 1);
                        end = end < 0 ? n : end;
                        value = html.substring(j + 1, end);
                        j = Math.min(end + 1, n);
                    } else {
                        int valueStart = j;
                        while (j < n && !Character.isWhitespace(html.charAt(j)) && html.charAt(j) != '>') {
                            j++;
                        }
                        value = html.substring(valueStart, j);
                    }
                }
                attributes.add(new Attribute(attribute, value));
            }
            tags.add(new Tag(name, attributes));
            i = j;
        }
        return tags;
    }

    private static final Pattern ENTITY = Pattern.compile("&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);?");

    private static final Map<String, String> NAMED_ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"),
            Map.entry("lt", "<"),
            Map.entry("gt", ">"),
            Map.entry("quot", "\""),
            Map.entry("apos", "'"),
            Map.entry("colon", ":"),
            Map.entry("tab", "\t"),
            Map.entry("newline", "\n"),
            Map.entry("nbsp", "\u00a0"),
            Map.entry("lpar", "("),
            Map.entry("rpar", ")"),
            Map.entry("sol", "/"),
            Map.entry("period", "."),
            Map.entry("num", "#"));

    /**
     * A URL as a browser would resolve its scheme: entities decoded once (as the HTML parser does; a
     * value of {@code &amp;#106;avascript:} is the text {@code &#106;avascript:}, a harmless relative
     * URL), whitespace and controls gone.
     */
    private static String normalisedUrl(String value) {
        var decoded = decodeEntities(value);
        var kept = new StringBuilder();
        decoded.codePoints()
                .filter(c -> c > 0x20
                        && !Character.isWhitespace(c)
                        && !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT
                        && Character.getType(c) != Character.SPACE_SEPARATOR)
                .forEach(kept::appendCodePoint);
        return kept.toString().toLowerCase(Locale.ROOT);
    }

    private static String decodeEntities(String text) {
        Matcher matcher = ENTITY.matcher(text);
        var out = new StringBuilder();
        while (matcher.find()) {
            var entity = matcher.group(1);
            String replacement = matcher.group();
            try {
                if (entity.startsWith("#x") || entity.startsWith("#X")) {
                    replacement = codePoint(Long.parseLong(entity.substring(2), 16), replacement);
                } else if (entity.startsWith("#")) {
                    replacement = codePoint(Long.parseLong(entity.substring(1)), replacement);
                } else {
                    replacement = NAMED_ENTITIES.getOrDefault(entity.toLowerCase(Locale.ROOT), replacement);
                }
            } catch (NumberFormatException tooLong) {
                // not a character a browser would decode either
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String codePoint(long value, String otherwise) {
        return value > 0 && value <= Character.MAX_CODE_POINT ? Character.toString((int) value) : otherwise;
    }
}

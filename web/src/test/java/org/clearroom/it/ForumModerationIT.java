package org.clearroom.it;

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

import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.clearroom.it.Forum.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Moderation as docs/forums.md describes it: pinning, locking, hiding and moving, the flag queue, the
 * public moderation log, search that never reaches past what the caller may view, and retention.
 */
class ForumModerationIT extends ClearroomDeployment {

    private Forum forum;
    private String admin;
    private String carrierOrg;
    private String regulatorOrg;
    private String stewardOrg;
    private Member author;
    private Member contributor;
    private Member reader;
    private Member secondReader;
    /** Moderates through a rule for its organisation. */
    private Member steward;
    /** Moderates through a rule for its own account. */
    private Member deputy;

    private Member outsider;

    @BeforeEach
    void members() {
        forum = new Forum(api);
        admin = api.admin();
        carrierOrg = api.createOrganisation(admin, Api.unique("Fjordtel"), "CARRIER");
        regulatorOrg = api.createOrganisation(admin, Api.unique("Authority"), "REGULATOR");
        stewardOrg = api.createOrganisation(admin, Api.unique("Stewards"), "OBSERVER");
        var deputyOrg = api.createOrganisation(admin, Api.unique("Deputies"), "OBSERVER");
        var outsiderOrg = api.createOrganisation(admin, Api.unique("Outsider"), "VENDOR");
        author = forum.member(admin, "anna", carrierOrg);
        contributor = forum.member(admin, "carl", carrierOrg);
        reader = forum.member(admin, "rita", regulatorOrg);
        secondReader = forum.member(admin, "rolf", regulatorOrg);
        steward = forum.member(admin, "stew", stewardOrg);
        deputy = forum.member(admin, "dora", deputyOrg);
        outsider = forum.member(admin, "otto", outsiderOrg);
    }

    // --- 1. pin, lock, hide --------------------------------------------------------------------------

    @Test
    void moderatorsPinLockAndUnlockThreads() throws Exception {
        var room = room();
        var older = forum.openThread(author, room, "Older");
        var newer = forum.openThread(author, room, "Newer");
        assertThat(threadIds(reader, room)).containsExactly(newer, older);

        var pinned = moderateThread(steward, older, "PIN", null, "House rules");
        assertThat(pinned.status()).as(pinned.toString()).isEqualTo(200);
        var listed = threads(reader, room);
        assertThat(ids(listed)).as("pinned first").containsExactly(older, newer);
        assertThat(listed.get(0).getBoolean("pinned")).isTrue();
        assertThat(listed.get(1).getBoolean("pinned")).isFalse();
        assertThat(forum.thread(reader, older).getBoolean("pinned")).isTrue();

        var locked = moderateThread(deputy, older, "LOCK", null, "Cooling off");
        assertThat(locked.status()).as(locked.toString()).isEqualTo(200);
        assertThat(forum.thread(reader, older).getBoolean("locked")).isTrue();
        var refused = forum.tryReply(contributor, older, "But wait");
        assertProblem(refused, 409);
        assertThat(count("select count(*) from forum_post where thread_id = ?", older))
                .isEqualTo(1);

        var unlocked = moderateThread(steward, older, "UNLOCK", null, "Calm again");
        assertThat(unlocked.status()).as(unlocked.toString()).isEqualTo(200);
        assertThat(forum.thread(reader, older).getBoolean("locked")).isFalse();
        forum.reply(contributor, older, "Thanks for reopening");
        assertThat(count("select count(*) from forum_post where thread_id = ?", older))
                .isEqualTo(2);

        var unpinned = moderateThread(deputy, older, "UNPIN", null, null);
        assertThat(unpinned.status()).as(unpinned.toString()).isEqualTo(200);
        assertThat(forum.thread(reader, older).getBoolean("pinned")).isFalse();

        assertThat(audits("THREAD_UNLOCKED", "threads/" + older)).isEqualTo(1);
        assertThat(audits("THREAD_UNPINNED", "threads/" + older)).isEqualTo(1);
    }

    @Test
    void aHiddenPostShowsItsContentOnlyToItsAuthorAndTheModerators() throws Exception {
        var room = room();
        var threadId = forum.openThread(author, room, "Hiding");
        var marker = "5550199" + letters(6);
        var secret = "Call me on " + marker + " about the shipment";
        var postId = forum.reply(author, threadId, secret).getString("id");

        var hidden = moderatePost(deputy, postId, "HIDE", "Personal data");
        assertThat(hidden.status()).as(hidden.toString()).isEqualTo(200);

        var asReader = api.get("api/posts/" + postId, reader.token());
        assertThat(asReader.status()).as(asReader.toString()).isEqualTo(200);
        var seen = asReader.json();
        assertThat(text(seen, "body")).as(asReader.toString()).isNull();
        assertThat(seen.getBoolean("hidden")).isTrue();
        assertThat(text(seen, "hiddenReason")).isEqualTo("Personal data");
        assertThat(text(seen, "html")).as("a placeholder").isNotBlank().doesNotContain(marker);
        assertThat(asReader.body()).doesNotContain(marker);
        var listing = api.get("api/threads/" + threadId + "/posts", contributor.token());
        assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
        assertThat(listing.body()).doesNotContain(marker);
        var listed = byId(items(listing.json()), postId);
        assertThat(text(listed, "body")).isNull();
        assertThat(listed.getBoolean("hidden")).isTrue();
        assertThat(text(listed, "hiddenReason")).isEqualTo("Personal data");

        for (var privileged : List.of(author, steward, deputy)) {
            var post = forum.getPost(privileged, postId);
            assertThat(text(post, "body"))
                    .as("%s sees the content", privileged.username())
                    .isEqualTo(secret);
            assertThat(post.getBoolean("hidden")).isTrue();
            var revisions = api.get("api/posts/" + postId + "/revisions", privileged.token());
            assertThat(revisions.status()).as(revisions.toString()).isEqualTo(200);
            assertThat(revisions.body()).contains(marker);
        }
        for (var other : List.of(reader, contributor)) {
            var revisions = api.get("api/posts/" + postId + "/revisions", other.token());
            assertProblem(revisions, 403);
            assertThat(revisions.body()).doesNotContain(marker);
        }

        var shown = moderatePost(steward, postId, "UNHIDE", null);
        assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
        var again = forum.getPost(reader, postId);
        assertThat(text(again, "body")).isEqualTo(secret);
        assertThat(again.getBoolean("hidden")).isFalse();
        assertThat(text(again, "hiddenReason")).isNull();
        assertThat(api.get("api/posts/" + postId + "/revisions", reader.token()).status())
                .isEqualTo(200);

        assertThat(audits("POST_HIDDEN", "posts/" + postId)).isEqualTo(1);
        assertThat(audits("POST_UNHIDDEN", "posts/" + postId)).isEqualTo(1);
    }

    @Test
    void onlyModeratorsModerateAndHidingNeedsAReason() throws Exception {
        var room = room();
        var opened = forum.open(author, room, "Unmoderated", "Leave me be");
        var threadId = opened.getJsonObject("thread").getString("id");
        var postId = opened.getJsonObject("firstPost").getString("id");

        assertProblem(moderateThread(contributor, threadId, "PIN", null, "mine"), 403);
        assertProblem(moderateThread(author, threadId, "LOCK", null, "mine"), 403);
        assertProblem(moderateThread(reader, threadId, "LOCK", null, "regulated"), 403);
        assertProblem(moderatePost(contributor, postId, "HIDE", "dislike"), 403);
        assertProblem(moderatePost(reader, postId, "HIDE", "dislike"), 403);
        assertProblem(moderateThread(outsider, threadId, "PIN", null, "who?"), 404);
        assertProblem(moderatePost(outsider, postId, "HIDE", "who?"), 404);

        var noReason = moderatePost(steward, postId, "HIDE", null);
        assertProblem(noReason, 400);
        assertThat(fields(noReason)).containsExactly("reason");
        var blankReason = moderatePost(steward, postId, "HIDE", "   ");
        assertProblem(blankReason, 400);
        assertThat(fields(blankReason)).containsExactly("reason");
        var longReason = moderatePost(steward, postId, "HIDE", "r".repeat(501));
        assertProblem(longReason, 400);
        assertThat(fields(longReason)).containsExactly("reason");
        var unknownAction = api.post(
                "api/threads/" + threadId + "/moderation", steward.token(), json("action", "DELETE", "reason", "x"));
        assertProblem(unknownAction, 400);
        assertThat(fields(unknownAction)).containsExactly("action");

        var thread = forum.thread(reader, threadId);
        assertThat(thread.getBoolean("pinned")).isFalse();
        assertThat(thread.getBoolean("locked")).isFalse();
        var post = forum.getPost(reader, postId);
        assertThat(post.getBoolean("hidden")).isFalse();
        assertThat(text(post, "body")).isEqualTo("Leave me be");
        assertThat(count(
                        "select count(*) from audit_entry where resource in (?, ?) and action in"
                                + " ('THREAD_PINNED', 'THREAD_LOCKED', 'POST_HIDDEN')",
                        "threads/" + threadId,
                        "posts/" + postId))
                .isZero();
    }

    // --- 2. move -------------------------------------------------------------------------------------

    @Test
    void aModeratorOfBothRoomsMovesAThreadWithItsPosts() throws Exception {
        var from = room();
        var to = room();
        var threadId = forum.openThread(author, from, "Wrong room");
        var replyId = forum.reply(contributor, threadId, "Indeed").getString("id");
        var flagged = flag(reader, replyId, "OTHER", "Words for this room's moderators only");
        assertThat(flagged.status()).as(flagged.toString()).isEqualTo(201);
        var flagId = flagged.json().getString("id");

        var moved = moderateThread(deputy, threadId, "MOVE", to, "Belongs with the other room");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        // the report stays with the room it was made to, closed; the other room's moderators never see it
        assertThat(ids(flags(deputy, "api/rooms/" + from + "/flags?state=resolved")))
                .contains(flagId);
        for (var state : List.of("open", "resolved")) {
            assertThat(ids(flags(deputy, "api/rooms/" + to + "/flags?state=" + state)))
                    .doesNotContain(flagId);
        }
        assertThat(audits("FLAG_RESOLVED", "flags/" + flagId)).isEqualTo(1);

        assertThat(forum.thread(reader, threadId).getString("roomId")).isEqualTo(to);
        var posts = api.get("api/threads/" + threadId + "/posts", reader.token());
        assertThat(items(posts)).hasSize(2).allSatisfy(p -> assertThat(p.getString("roomId"))
                .isEqualTo(to));
        assertThat(threadIds(reader, to)).contains(threadId);
        assertThat(threadIds(reader, from)).doesNotContain(threadId);
        assertThat(count("select count(*) from forum_post where thread_id = ? and room_id = ?", threadId, to))
                .isEqualTo(2);
        assertThat(audits("THREAD_MOVED", "threads/" + threadId)).isEqualTo(1);
    }

    @Test
    void threadsMoveOnlyToForumRoomsTheModeratorModerates() throws Exception {
        var from = room();
        var viewOnly = api.createRoom(admin, Api.unique("Viewed"), "FORUM");
        api.grant(admin, viewOnly, "ACCOUNT", deputy.id(), "VIEW");
        var unseen = api.createRoom(admin, Api.unique("Unseen"), "FORUM");
        var documents = api.createRoom(admin, Api.unique("Locker"), "DOCUMENTS");
        api.grant(admin, documents, "ACCOUNT", deputy.id(), "MODERATE");
        var threadId = forum.openThread(author, from, "Staying put");

        assertProblem(moderateThread(deputy, threadId, "MOVE", viewOnly, "try"), 403);
        assertProblem(moderateThread(deputy, threadId, "MOVE", unseen, "try"), 404);
        var toDocuments = moderateThread(deputy, threadId, "MOVE", documents, "try");
        assertThat(toDocuments.status()).as(toDocuments.toString()).isBetween(400, 499);
        assertThat(toDocuments.contentType()).startsWith("application/problem+json");
        var nowhere = moderateThread(deputy, threadId, "MOVE", null, "try");
        assertProblem(nowhere, 400);
        assertThat(fields(nowhere)).containsExactly("roomId");

        assertThat(forum.thread(reader, threadId).getString("roomId")).isEqualTo(from);
        assertThat(threadIds(reader, from)).contains(threadId);
        assertThat(count("select count(*) from forum_thread where id = ? and room_id = ?", threadId, from))
                .isEqualTo(1);
        assertThat(count("select count(*) from forum_post where thread_id = ? and room_id = ?", threadId, from))
                .isEqualTo(1);
        assertThat(audits("THREAD_MOVED", "threads/" + threadId)).isZero();
        assertThat(count(
                        "select count(*) from moderation_event where thread_id = ? and action in ('MOVE_IN', 'MOVE_OUT')",
                        threadId))
                .isZero();
    }

    // --- 3. flags ------------------------------------------------------------------------------------

    @Test
    void readersFlagAPostOnceAndModeratorsWorkTheQueue() throws Exception {
        var room = room();
        var opened = forum.open(author, room, "Flagged", "Buy my stuff");
        var threadId = opened.getJsonObject("thread").getString("id");
        var postId = opened.getJsonObject("firstPost").getString("id");

        var flagged = flag(reader, postId, "SPAM", null);
        assertThat(flagged.status()).as(flagged.toString()).isEqualTo(201);
        var flagId = flagged.json().getString("id");
        assertThat(flagged.json().getString("reason")).isEqualTo("SPAM");
        assertProblem(flag(reader, postId, "OFF_TOPIC", null), 409);
        assertThat(count("select count(*) from post_flag where post_id = ?", postId))
                .isEqualTo(1);
        assertProblem(flag(outsider, postId, "SPAM", null), 404);

        for (var queue : List.of("api/rooms/" + room + "/flags", "api/rooms/" + room + "/flags?state=open")) {
            var open = byId(flags(steward, queue), flagId);
            assertThat(open.getString("postId")).isEqualTo(postId);
            assertThat(open.getString("threadId")).isEqualTo(threadId);
            assertThat(open.getString("roomId")).isEqualTo(room);
            assertThat(open.getJsonObject("reporter").getString("username")).isEqualTo(reader.username());
            assertThat(open.getString("reason")).isEqualTo("SPAM");
            assertThat(text(open, "outcome")).isNull();
        }
        assertProblem(api.get("api/rooms/" + room + "/flags", reader.token()), 403);
        assertProblem(api.get("api/rooms/" + room + "/flags", contributor.token()), 403);
        assertProblem(api.get("api/rooms/" + room + "/flags", outsider.token()), 404);
        assertProblem(resolve(reader, flagId, "DISMISS", "I changed my mind"), 403);

        var dismissed = resolve(steward, flagId, "DISMISS", "Not spam");
        assertThat(dismissed.status()).as(dismissed.toString()).isEqualTo(200);
        assertThat(dismissed.json().getString("outcome")).isEqualTo("DISMISS");

        assertThat(ids(flags(steward, "api/rooms/" + room + "/flags"))).doesNotContain(flagId);
        var resolved = byId(flags(steward, "api/rooms/" + room + "/flags?state=resolved"), flagId);
        assertThat(resolved.getString("outcome")).isEqualTo("DISMISS");
        assertThat(resolved.getJsonObject("resolvedBy").getString("username")).isEqualTo(steward.username());
        assertThat(resolved.getString("note")).isEqualTo("Not spam");
        assertThat(instant(resolved, "resolvedAt")).isAfterOrEqualTo(instant(resolved, "createdAt"));
        assertThat(forum.getPost(reader, postId).getBoolean("hidden")).isFalse();

        var flaggedAgain = flag(reader, postId, "OTHER", "Still advertising");
        assertThat(flaggedAgain.status())
                .as("the earlier flag is resolved: %s", flaggedAgain)
                .isEqualTo(201);

        assertThat(count(
                        "select count(*) from audit_entry where action = 'POST_FLAGGED' and actor_account = ?"
                                + " and resource in (?, ?)",
                        reader.id(),
                        "posts/" + postId,
                        "flags/" + flagId))
                .isEqualTo(1);
        assertThat(audits("FLAG_RESOLVED", "flags/" + flagId)).isEqualTo(1);
    }

    @Test
    void resolvingAFlagWithHideHidesThePostAndResolvesItsOtherFlags() {
        var room = room();
        var threadId = forum.openThread(author, room, "Advertising");
        var postId = forum.reply(contributor, threadId, "Cheap pills at example dot com")
                .getString("id");
        var first = flag(reader, postId, "OTHER", "Advertising");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        var second = flag(secondReader, postId, "ILLEGAL", null);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        var firstId = first.json().getString("id");
        var secondId = second.json().getString("id");

        var hidden = resolve(deputy, secondId, "HIDE", "Removed: advertising");
        assertThat(hidden.status()).as(hidden.toString()).isEqualTo(200);
        assertThat(hidden.json().getString("outcome")).isEqualTo("HIDE");

        var post = forum.getPost(reader, postId);
        assertThat(post.getBoolean("hidden")).isTrue();
        assertThat(text(post, "hiddenReason")).isEqualTo("Removed: advertising");
        assertThat(text(post, "body")).isNull();
        assertThat(ids(flags(deputy, "api/rooms/" + room + "/flags?state=open")))
                .doesNotContain(firstId, secondId);
        var resolved = flags(deputy, "api/rooms/" + room + "/flags?state=resolved");
        assertThat(ids(resolved)).contains(firstId, secondId);
        assertThat(text(byId(resolved, firstId), "outcome")).isNotNull();
    }

    // --- 4 and 5. the moderation log and the audit of moderation -------------------------------------

    @Test
    void theModerationLogShowsWhoDidWhatWhenAndWhyButNeverTheContent() throws Exception {
        var done = moderateEverything();

        var log = api.get("api/rooms/" + done.from() + "/moderation-log", reader.token());
        assertThat(log.status()).as(log.toString()).isEqualTo(200);
        var events = items(log.json());
        assertThat(events)
                .extracting(e -> e.getString("action"))
                .as(log.toString())
                .containsExactly("MOVE_OUT", "DISMISS_FLAG", "HIDE", "LOCK", "PIN");
        assertThat(events)
                .extracting(e -> e.getJsonObject("moderator").getString("username"))
                .containsExactly(
                        deputy.username(),
                        steward.username(),
                        deputy.username(),
                        deputy.username(),
                        steward.username());
        assertThat(events)
                .extracting(e -> text(e, "reason"))
                .containsExactly("Belongs elsewhere", "Not spam", "Personal data", "Settled", "Keep on top");
        for (int i = 1; i < events.size(); i++) {
            assertThat(instant(events.get(i), "at"))
                    .as("newest first")
                    .isBeforeOrEqualTo(instant(events.get(i - 1), "at"));
        }
        assertThat(events.get(0).getString("threadId")).isEqualTo(done.thread());
        assertThat(events.get(0).getString("otherRoomId")).isEqualTo(done.to());
        assertThat(events.get(2).getString("postId")).isEqualTo(done.hiddenPost());
        assertThat(log.body()).doesNotContain(done.marker());

        var other = api.get("api/rooms/" + done.to() + "/moderation-log", reader.token());
        assertThat(other.status()).as(other.toString()).isEqualTo(200);
        var moveIn = items(other.json()).get(0);
        assertThat(moveIn.getString("action")).isEqualTo("MOVE_IN");
        assertThat(moveIn.getString("threadId")).isEqualTo(done.thread());
        assertThat(moveIn.getString("otherRoomId")).isEqualTo(done.from());

        var hidden = api.get("api/rooms/" + done.from() + "/moderation-log", outsider.token());
        var missing = api.get("api/rooms/" + UUID.randomUUID() + "/moderation-log", outsider.token());
        assertProblem(hidden, 404);
        assertProblem(missing, 404);
        assertThat(hidden.json().getString("title")).isEqualTo(missing.json().getString("title"));
    }

    @Test
    void everyModerationStepIsAuditedOnItsResource() throws Exception {
        var done = moderateEverything();
        var thread = "threads/" + done.thread();

        assertThat(auditsBy("THREAD_PINNED", thread, steward)).isEqualTo(1);
        assertThat(auditsBy("THREAD_LOCKED", thread, deputy)).isEqualTo(1);
        assertThat(auditsBy("POST_HIDDEN", "posts/" + done.hiddenPost(), deputy))
                .isEqualTo(1);
        assertThat(auditsBy("THREAD_MOVED", thread, deputy)).isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_entry where action = 'POST_FLAGGED' and actor_account = ?"
                                + " and resource in (?, ?)",
                        reader.id(),
                        "posts/" + done.flaggedPost(),
                        "flags/" + done.flag()))
                .isEqualTo(1);
        assertThat(auditsBy("FLAG_RESOLVED", "flags/" + done.flag(), steward)).isEqualTo(1);
    }

    // --- 6. search -----------------------------------------------------------------------------------

    @Test
    void regulatorSearchFindsNothingFromTheCarrierOnlyRoom() throws Exception {
        var rooms = searchableRooms();
        var word = rooms.word();

        var carrierHits = search(author, word);
        assertThat(carrierHits).extracting(h -> h.getString("roomId")).contains(rooms.carrierOnly(), rooms.shared());
        assertThat(carrierHits).extracting(h -> text(h, "postId")).contains(rooms.secretPost(), rooms.sharedPost());
        assertWellFormed(carrierHits);

        var regulatorReply = searchReply(reader, word);
        var regulatorHits = items(regulatorReply.json());
        assertThat(regulatorHits).as(regulatorReply.toString()).isNotEmpty();
        assertThat(regulatorHits).extracting(h -> h.getString("roomId")).containsOnly(rooms.shared());
        assertThat(regulatorHits).extracting(h -> text(h, "postId")).contains(rooms.sharedPost());
        assertThat(regulatorHits).extracting(h -> h.getString("kind")).contains("THREAD", "POST");
        assertThat(regulatorReply.body())
                .as("nothing of the carrier-only room")
                .doesNotContain(rooms.carrierOnly())
                .doesNotContain(rooms.secretThread())
                .doesNotContain(rooms.secretPost())
                .doesNotContain("Confidential")
                .doesNotContain("between carriers")
                .doesNotContain("classified");
        assertWellFormed(regulatorHits);

        assertThat(count(
                        "select count(*) from audit_entry where action = 'FORUM_SEARCHED' and actor_account = ?"
                                + " and content_digest = ?",
                        author.id(),
                        sha256(word)))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_entry where action = 'FORUM_SEARCHED' and actor_account = ?"
                                + " and content_digest = ?",
                        reader.id(),
                        sha256(word)))
                .isEqualTo(1);
    }

    @Test
    void revokingTheRuleTakesTheRoomOutOfTheCarriersSearchAtOnce() {
        var rooms = searchableRooms();
        assertThat(search(author, rooms.word()))
                .extracting(h -> h.getString("roomId"))
                .contains(rooms.carrierOnly());

        for (var rule : rooms.carrierOnlyRules()) {
            assertThat(api.delete("api/rooms/" + rooms.carrierOnly() + "/rules/" + rule, admin)
                            .status())
                    .isEqualTo(204);
        }

        var after = searchReply(author, rooms.word());
        assertThat(items(after.json())).extracting(h -> h.getString("roomId")).containsOnly(rooms.shared());
        assertThat(after.body()).doesNotContain(rooms.carrierOnly()).doesNotContain("Confidential");
    }

    @Test
    void aHiddenPostIsFoundOnlyByTheRoomsModerators() {
        var room = room();
        var threadId = forum.openThread(author, room, "Ordinary title");
        var word = "quixotrane" + letters(6);
        var postId = forum.reply(contributor, threadId, "Leaked " + word + " figures")
                .getString("id");
        assertThat(search(reader, word)).extracting(h -> text(h, "postId")).contains(postId);

        assertThat(moderatePost(deputy, postId, "HIDE", "Leak").status()).isEqualTo(200);

        assertThat(search(deputy, word)).extracting(h -> text(h, "postId")).contains(postId);
        assertThat(search(steward, word)).extracting(h -> text(h, "postId")).contains(postId);
        for (var plain : List.of(reader, author, contributor)) {
            var reply = searchReply(plain, word);
            assertThat(items(reply.json()))
                    .as("%s: %s", plain.username(), reply)
                    .isEmpty();
            assertThat(reply.body()).doesNotContain(postId);
        }

        assertThat(moderatePost(steward, postId, "UNHIDE", null).status()).isEqualTo(200);
        assertThat(search(reader, word)).extracting(h -> text(h, "postId")).contains(postId);
    }

    // --- 7. retention --------------------------------------------------------------------------------

    @Test
    void retentionPurgesOldContentButKeepsItsDigest() throws Exception {
        var room = retainedRoom();
        var word = "obsoletum" + letters(6);
        var opened = forum.open(author, room, "Old news", "Old " + word + " report");
        var threadId = opened.getJsonObject("thread").getString("id");
        var old = opened.getJsonObject("firstPost");
        var fresh = forum.reply(contributor, threadId, "Fresh report").getString("id");
        assertThat(search(author, word)).extracting(h -> text(h, "postId")).contains(old.getString("id"));

        var nothing = purge(admin, room);
        assertThat(nothing.status()).as(nothing.toString()).isEqualTo(200);
        assertThat(nothing.json().getInt("posts")).isZero();
        assertThat(nothing.json().getInt("threads")).isZero();
        assertThat(forum.getPost(reader, old.getString("id")).getBoolean("purged"))
                .isFalse();
        assertThat(audits("CONTENT_PURGED", "rooms/" + room)).isZero();

        backdate(threadId, old.getString("id"));
        var purged = purge(admin, room);
        assertThat(purged.status()).as(purged.toString()).isEqualTo(200);
        assertThat(purged.json().getString("roomId")).isEqualTo(room);
        assertThat(purged.json().getInt("posts")).isEqualTo(1);
        assertThat(purged.json().getInt("threads")).isEqualTo(1);

        for (var who : List.of(reader, author)) {
            var post = forum.getPost(who, old.getString("id"));
            assertThat(post.getBoolean("purged")).isTrue();
            assertThat(text(post, "body")).isNull();
            assertThat(String.valueOf(text(post, "html"))).doesNotContain(word);
            assertThat(post.getString("digest")).isEqualTo(old.getString("digest"));
        }
        var revisions = api.get("api/posts/" + old.getString("id") + "/revisions", author.token());
        assertThat(revisions.status()).as(revisions.toString()).isEqualTo(200);
        assertThat(revisions.body()).doesNotContain(word);
        var kept = forum.getPost(reader, fresh);
        assertThat(kept.getBoolean("purged")).isFalse();
        assertThat(kept.getString("body")).isEqualTo("Fresh report");
        var thread = forum.thread(reader, threadId);
        assertThat(thread.getBoolean("purged")).isTrue();
        assertThat(text(thread, "title")).isNull();
        assertThat(search(author, word)).as("purged content is found by nobody").isEmpty();

        assertThat(audits("CONTENT_PURGED", "rooms/" + room)).isEqualTo(1);
        var log = api.get("api/rooms/" + room + "/moderation-log", reader.token());
        assertThat(items(log.json())).extracting(e -> e.getString("action")).contains("PURGE");

        var again = purge(admin, room);
        assertThat(again.json().getInt("posts")).isZero();
        assertThat(audits("CONTENT_PURGED", "rooms/" + room))
                .as("a run that removes nothing records nothing")
                .isEqualTo(1);
    }

    @Test
    void aLegalHoldStopsThePurgeUntilItIsReleased() throws Exception {
        var room = retainedRoom();
        var officer = forum.member(admin, "hold", api.operators(admin), "COMPLIANCE");
        var opened = forum.open(author, room, "Evidence", "Keep this for the court");
        var threadId = opened.getJsonObject("thread").getString("id");
        var postId = opened.getJsonObject("firstPost").getString("id");
        var held = api.request("PUT", "api/rooms/" + room + "/legal-hold")
                .bearer(officer.token())
                .json(json("reason", "Case 2026-42"))
                .send();
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        backdate(threadId, postId);

        var refused = purge(admin, room);
        assertProblem(refused, 409);
        var post = forum.getPost(reader, postId);
        assertThat(post.getBoolean("purged")).isFalse();
        assertThat(post.getString("body")).isEqualTo("Keep this for the court");
        assertThat(forum.thread(reader, threadId).getString("title")).isEqualTo("Evidence");
        assertThat(audits("CONTENT_PURGED", "rooms/" + room)).isZero();

        assertThat(api.delete("api/rooms/" + room + "/legal-hold", officer.token())
                        .status())
                .isEqualTo(200);
        var purged = purge(admin, room);
        assertThat(purged.status()).as(purged.toString()).isEqualTo(200);
        assertThat(purged.json().getInt("posts")).isEqualTo(1);
        assertThat(forum.getPost(reader, postId).getBoolean("purged")).isTrue();
        assertThat(audits("CONTENT_PURGED", "rooms/" + room)).isEqualTo(1);
    }

    @Test
    void onlyOperatorsPurge() throws Exception {
        var room = retainedRoom();
        var opened = forum.open(author, room, "Old", "Old words");
        backdate(
                opened.getJsonObject("thread").getString("id"),
                opened.getJsonObject("firstPost").getString("id"));

        for (var who : List.of(steward, author, reader)) {
            assertProblem(purge(who.token(), room), 403);
        }
        assertThat(forum.getPost(reader, opened.getJsonObject("firstPost").getString("id"))
                        .getBoolean("purged"))
                .isFalse();
        assertThat(audits("CONTENT_PURGED", "rooms/" + room)).isZero();
    }

    // --- fixtures ------------------------------------------------------------------------------------

    /** Carriers contribute, regulators view, the stewards' organisation and the deputy moderate. */
    private String room() {
        var room = api.createRoom(admin, Api.unique("Forum"), "FORUM");
        api.grant(admin, room, "ORGANISATION", carrierOrg, "CONTRIBUTE");
        api.grant(admin, room, "ORGANISATION", regulatorOrg, "VIEW");
        api.grant(admin, room, "ORGANISATION", stewardOrg, "MODERATE");
        api.grant(admin, room, "ACCOUNT", deputy.id(), "MODERATE");
        return room;
    }

    /** A {@link #room()} that keeps content for one day. */
    private String retainedRoom() {
        var room = room();
        var retained = api.request("PUT", "api/rooms/" + room + "/retention")
                .bearer(admin)
                .json("{\"days\":1}")
                .send();
        assertThat(retained.status()).as(retained.toString()).isEqualTo(200);
        return room;
    }

    private record Moderated(
            String from, String to, String thread, String flaggedPost, String hiddenPost, String flag, String marker) {}

    /** Pins, locks, hides, dismisses a flag and moves, in that order, by two moderators. */
    private Moderated moderateEverything() {
        var from = room();
        var to = room();
        var opened = forum.open(author, from, "Everything happens here", "Opening words");
        var threadId = opened.getJsonObject("thread").getString("id");
        var firstPost = opened.getJsonObject("firstPost").getString("id");
        var marker = "launchcode" + letters(8);
        var hiddenPost =
                forum.reply(contributor, threadId, "The " + marker + " is 1234").getString("id");

        var flagged = flag(reader, firstPost, "SPAM", null);
        assertThat(flagged.status()).as(flagged.toString()).isEqualTo(201);
        var flagId = flagged.json().getString("id");

        assertOk(moderateThread(steward, threadId, "PIN", null, "Keep on top"));
        assertOk(moderateThread(deputy, threadId, "LOCK", null, "Settled"));
        assertOk(moderatePost(deputy, hiddenPost, "HIDE", "Personal data"));
        assertOk(resolve(steward, flagId, "DISMISS", "Not spam"));
        assertOk(moderateThread(deputy, threadId, "MOVE", to, "Belongs elsewhere"));
        return new Moderated(from, to, threadId, firstPost, hiddenPost, flagId, marker);
    }

    private record SearchableRooms(
            String carrierOnly,
            List<String> carrierOnlyRules,
            String shared,
            String word,
            String secretThread,
            String secretPost,
            String sharedPost) {}

    /** A carrier-only room and a room carriers share with regulators, both talking about one made-up word. */
    private SearchableRooms searchableRooms() {
        var carrierOnly = api.createRoom(admin, Api.unique("Carriers only"), "FORUM");
        var rules = List.of(
                api.grant(admin, carrierOnly, "ORGANISATION", carrierOrg, "VIEW"),
                api.grant(admin, carrierOnly, "ORGANISATION", carrierOrg, "CONTRIBUTE"));
        var shared = api.createRoom(admin, Api.unique("Shared"), "FORUM");
        api.grant(admin, shared, "ORG_KIND", "CARRIER", "CONTRIBUTE");
        api.grant(admin, shared, "ORG_KIND", "REGULATOR", "VIEW");
        var word = "zorbulate" + letters(6);

        var secret = forum.open(
                author,
                carrierOnly,
                "Confidential " + word + " plan",
                "The " + word + " numbers <script>alert(1)</script> stay between carriers.");
        var secretThread = secret.getJsonObject("thread").getString("id");
        var secretPost = forum.reply(author, secretThread, "More " + word + " detail, classified")
                .getString("id");
        var open = forum.open(
                author,
                shared,
                "Shared " + word + " notes",
                "Everyone may read about " + word + " <script>alert(2)</script> & <b>friends</b> here.");
        var sharedThread = open.getJsonObject("thread").getString("id");
        var sharedPost = forum.reply(contributor, sharedThread, "Agreed on the " + word + " approach")
                .getString("id");
        return new SearchableRooms(carrierOnly, rules, shared, word, secretThread, secretPost, sharedPost);
    }

    private List<JsonObject> threads(Member who, String room) {
        var reply = api.get("api/rooms/" + room + "/threads?limit=100", who.token());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return items(reply.json());
    }

    private List<String> threadIds(Member who, String room) {
        return ids(threads(who, room));
    }

    private Reply moderateThread(Member who, String thread, String action, String roomId, String reason) {
        return api.post(
                "api/threads/" + thread + "/moderation",
                who.token(),
                json("action", action, "roomId", roomId, "reason", reason));
    }

    private Reply moderatePost(Member who, String post, String action, String reason) {
        return api.post("api/posts/" + post + "/moderation", who.token(), json("action", action, "reason", reason));
    }

    private Reply flag(Member who, String post, String reason, String text) {
        return api.post("api/posts/" + post + "/flags", who.token(), json("reason", reason, "text", text));
    }

    private Reply resolve(Member who, String flag, String outcome, String note) {
        return api.post("api/flags/" + flag + "/resolution", who.token(), json("outcome", outcome, "note", note));
    }

    private List<JsonObject> flags(Member who, String path) {
        var reply = api.get(path, who.token());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return items(reply.json());
    }

    private Reply purge(String token, String room) {
        return api.request("POST", "api/rooms/" + room + "/purge").bearer(token).send();
    }

    private Reply searchReply(Member who, String q) {
        var reply = api.get("api/search?q=" + enc(q) + "&limit=100", who.token());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply;
    }

    private List<JsonObject> search(Member who, String q) {
        return items(searchReply(who, q).json());
    }

    /** Snippets are escaped text with only {@code <mark>} in them; hits come best first. */
    private static void assertWellFormed(List<JsonObject> hits) {
        for (var hit : hits) {
            var snippet = hit.getString("snippet");
            assertThat(snippet).as("snippet of %s", hit).contains("<mark>");
            assertThat(snippet.toLowerCase(Locale.ROOT))
                    .as("snippet of %s", hit)
                    .doesNotContain("<script");
            assertThat(snippet.replace("<mark>", "").replace("</mark>", ""))
                    .as("nothing but <mark> unescaped in %s", hit)
                    .doesNotContain("<");
            assertThat(hit.containsKey("rank")).as("rank of %s", hit).isTrue();
        }
        for (int i = 1; i < hits.size(); i++) {
            assertThat(hits.get(i).getJsonNumber("rank").doubleValue())
                    .as("ranked: %s", hits)
                    .isLessThanOrEqualTo(hits.get(i - 1).getJsonNumber("rank").doubleValue());
        }
    }

    /** Makes a post and its thread look three days old, as if written before the retention period. */
    private static void backdate(String thread, String post) throws SQLException {
        try (var connection = database()) {
            for (var sql : List.of(
                    "update forum_thread set created_at = now() - interval '3 days' where id = ?",
                    "update forum_post set created_at = now() - interval '3 days' where id = ?",
                    "update post_revision set created_at = now() - interval '3 days' where post_id = ?")) {
                try (var statement = connection.prepareStatement(sql)) {
                    statement.setString(1, sql.startsWith("update forum_thread") ? thread : post);
                    int updated = statement.executeUpdate();
                    // post_revision holds replaced versions only, so an unrevised post has none
                    if (!sql.contains("post_revision")) {
                        assertThat(updated).as(sql).isPositive();
                    }
                }
            }
        }
    }

    // --- made-up words, lookups and checks ---------------------------------------------------------

    private static String letters(int n) {
        var random = ThreadLocalRandom.current();
        var text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static JsonObject byId(List<JsonObject> objects, String id) {
        return objects.stream()
                .filter(o -> o.getString("id").equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + objects));
    }

    private static void assertOk(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }
}

package org.clearroom.forums.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import org.clearroom.access.Permission;
import org.clearroom.audit.Action;
import org.clearroom.audit.boundary.AuditTrail;
import org.clearroom.forums.Flag;
import org.clearroom.forums.FlagOutcome;
import org.clearroom.forums.FlagResolution;
import org.clearroom.forums.ForumThread;
import org.clearroom.forums.ModerationEvent;
import org.clearroom.forums.Post;
import org.clearroom.forums.PostModeration;
import org.clearroom.forums.ThreadModeration;
import org.clearroom.forums.control.Authors;
import org.clearroom.forums.control.Reads;
import org.clearroom.forums.control.Sql;
import org.clearroom.forums.entity.FlagEntity;
import org.clearroom.forums.entity.PostEntity;
import org.clearroom.forums.entity.ThreadEntity;
import org.clearroom.platform.Blank;
import org.clearroom.platform.Page;
import org.clearroom.platform.control.Actor;
import org.clearroom.platform.control.Conflict;
import org.clearroom.platform.control.Cursors;
import org.clearroom.platform.control.InvalidInput;
import org.clearroom.platform.control.Keyset;
import org.clearroom.platform.control.NotFound;
import org.clearroom.rooms.boundary.RoomGate;

/**
 * What moderators do: pin, lock, move, hide, work the flag queue; the room's public moderation log;
 * and retention purges. Each action is an audit entry and, where members should see it, a line in the
 * log, which says who, what, when and why but never repeats hidden content.
 */
@ApplicationScoped
@Transactional
public class Moderation {

    @PersistenceContext(unitName = "clearroom")
    EntityManager em;

    @Inject
    Forums forums;

    @Inject
    RoomGate gate;

    @Inject
    AuditTrail audit;

    @Inject
    Reads reads;

    @Inject
    Authors authors;

    @Inject
    Sql sql;

    @Inject
    Cursors cursors;

    @Inject
    Clock clock;

    public ForumThread thread(Actor actor, String threadId, ThreadModeration request) {
        var thread = forums.visibleThread(actor, threadId, Permission.MODERATE);
        if (request.action() != ThreadModeration.Action.MOVE && request.roomId() != null) {
            // a room named where none is read would be ignored: the caller likely meant to MOVE
            throw new InvalidInput("roomId", "is only for MOVE; leave it out to " + request.action());
        }
        var reason = blankToNull(request.reason());
        var now = Instant.now(clock);
        switch (request.action()) {
            case PIN, UNPIN -> {
                boolean pin = request.action() == ThreadModeration.Action.PIN;
                if (thread.pin(pin)) {
                    audit.record(
                            actor,
                            pin ? Action.THREAD_PINNED : Action.THREAD_UNPINNED,
                            thread.resource(),
                            text(reason));
                    log(
                            actor,
                            thread.roomId(),
                            pin ? ModerationEvent.Kind.PIN : ModerationEvent.Kind.UNPIN,
                            thread.id(),
                            null,
                            null,
                            reason,
                            now);
                }
            }
            case LOCK, UNLOCK -> {
                boolean lock = request.action() == ThreadModeration.Action.LOCK;
                if (thread.lock(lock)) {
                    audit.record(
                            actor,
                            lock ? Action.THREAD_LOCKED : Action.THREAD_UNLOCKED,
                            thread.resource(),
                            text(reason));
                    log(
                            actor,
                            thread.roomId(),
                            lock ? ModerationEvent.Kind.LOCK : ModerationEvent.Kind.UNLOCK,
                            thread.id(),
                            null,
                            null,
                            reason,
                            now);
                }
            }
            case MOVE -> move(actor, thread, request.roomId(), reason, now);
        }
        em.flush();
        return forums.threadRecord(actor, thread, authors.of(List.of(thread.author())));
    }

    private void move(Actor actor, ThreadEntity thread, String roomId, String reason, Instant now) {
        if (roomId == null || roomId.isBlank()) {
            throw new InvalidInput("roomId", "is required to MOVE: name the FORUM room the thread goes to");
        }
        var target = forums.forumRoom(actor, roomId, Permission.MODERATE);
        var from = thread.roomId();
        if (from.equals(target.id())) {
            throw new Conflict("roomId", "the thread is in that room already");
        }
        gate.requireReleasable(from, "roomId");
        // flags were reports to this room's moderators and stay with them: the open ones are closed, so
        // that a reporter's words never reach the moderators of a room the reporter may not even see
        var note = "the thread moved to another room; flag the post again there if it still needs a look";
        em.createQuery(
                        "select f from FlagEntity f where f.outcome is null and f.postId in"
                                + " (select p.id from PostEntity p where p.threadId = :thread)",
                        FlagEntity.class)
                .setParameter("thread", thread.id())
                .getResultList()
                .forEach(flag -> {
                    flag.resolve(FlagOutcome.DISMISS, actor.accountId(), note, now);
                    audit.record(actor, Action.FLAG_RESOLVED, flag.resource(), FlagOutcome.DISMISS + "\n" + note);
                });
        thread.moveTo(target.id());
        em.flush();
        // posts and notifications carry the room so that search and listings filter cheaply
        for (var update : List.of(
                "update forum_post set room_id = ?1 where thread_id = ?2",
                "update notification set room_id = ?1 where thread_id = ?2")) {
            em.createNativeQuery(update)
                    .setParameter(1, target.id())
                    .setParameter(2, thread.id())
                    .executeUpdate();
        }
        audit.record(actor, Action.THREAD_MOVED, thread.resource(), from + "\n" + target.id() + "\n" + text(reason));
        log(actor, from, ModerationEvent.Kind.MOVE_OUT, thread.id(), null, target.id(), reason, now);
        log(actor, target.id(), ModerationEvent.Kind.MOVE_IN, thread.id(), null, from, reason, now);
    }

    public Post post(Actor actor, String postId, PostModeration request) {
        var post = forums.visiblePost(actor, postId);
        gate.requireFor(actor, post.roomId(), Permission.MODERATE, "post " + postId);
        var reason = blankToNull(request.reason());
        var now = Instant.now(clock);
        if (request.action() == PostModeration.Action.HIDE) {
            if (reason == null) {
                throw new InvalidInput("reason", "is required to HIDE: members see it in place of the post");
            }
            hide(actor, post, reason, now);
        } else if (post.unhide()) {
            audit.record(actor, Action.POST_UNHIDDEN, post.resource(), text(reason));
            log(actor, post.roomId(), ModerationEvent.Kind.UNHIDE, post.threadId(), post.id(), null, reason, now);
        }
        em.flush();
        return forums.postRecords(actor, post.roomId(), List.of(post)).get(0);
    }

    /** Hides the post and resolves every open flag on it as HIDE. */
    private void hide(Actor actor, PostEntity post, String reason, Instant now) {
        if (!post.hide(actor.accountId(), reason, now)) {
            return;
        }
        audit.record(actor, Action.POST_HIDDEN, post.resource(), reason);
        log(actor, post.roomId(), ModerationEvent.Kind.HIDE, post.threadId(), post.id(), null, reason, now);
        em.createQuery("select f from FlagEntity f where f.postId = :post and f.outcome is null", FlagEntity.class)
                .setParameter("post", post.id())
                .getResultList()
                .forEach(flag -> {
                    flag.resolve(FlagOutcome.HIDE, actor.accountId(), reason, now);
                    audit.record(actor, Action.FLAG_RESOLVED, flag.resource(), FlagOutcome.HIDE + "\n" + reason);
                });
    }

    public Page<Flag> flags(Actor actor, String roomId, boolean open, boolean newestFirst, int limit, String cursor) {
        var room = forums.forumRoom(actor, roomId, Permission.MODERATE);
        var listing = (open ? "open-flags:" : "resolved-flags:") + room.id() + ":" + Forums.order(newestFirst);
        var after = cursors.read(listing, cursor, 2);
        var order = Keyset.of(Keyset.by("f.createdAt", newestFirst), Keyset.by("f.id", newestFirst));
        var jpql = new StringBuilder("select f from FlagEntity f where f.roomId = :room and f.outcome is ")
                .append(open ? "null" : "not null");
        if (after.isPresent()) {
            jpql.append(" and ").append(order.afterJpql());
        }
        jpql.append(" order by ").append(order.orderBy());
        var query = em.createQuery(jpql.toString(), FlagEntity.class)
                .setParameter("room", room.id())
                .setMaxResults(limit + 1);
        after.ifPresent(
                position -> query.setParameter("key0", position.instant(0)).setParameter("key1", position.text(1)));
        var page =
                cursors.page(listing, query.getResultList(), limit, last -> new Object[] {last.createdAt(), last.id()});
        var found = page.items();
        reads.record(actor, Action.FLAGS_READ, room.resource() + "/flags");
        var people = authors.of(found.stream()
                .flatMap(f -> java.util.stream.Stream.of(f.reporter(), f.resolvedBy()))
                .toList());
        var threads = new HashMap<String, String>();
        for (var flag : found) {
            threads.computeIfAbsent(
                    flag.postId(), id -> em.find(PostEntity.class, id).threadId());
        }
        return new Page<>(
                found.stream()
                        .map(f -> Forums.flagRecord(f, threads.get(f.postId()), people))
                        .toList(),
                page.next());
    }

    public Flag resolve(Actor actor, String flagId, FlagResolution request) {
        var flag = java.util.Optional.ofNullable(flagId)
                .map(id -> em.find(FlagEntity.class, id))
                .orElseThrow(() -> new NotFound("flag " + flagId));
        gate.requireFor(actor, flag.roomId(), Permission.MODERATE, "flag " + flagId);
        if (!flag.open()) {
            throw new Conflict(null, "the flag was resolved already");
        }
        var post = em.find(PostEntity.class, flag.postId());
        var note = blankToNull(request.note());
        var now = Instant.now(clock);
        if (request.outcome() == FlagOutcome.HIDE) {
            var reason = note != null ? note : flag.reason() + (flag.text() == null ? "" : ": " + flag.text());
            if (!post.hidden()) {
                hide(actor, post, reason, now);
            }
            if (flag.open()) {
                flag.resolve(FlagOutcome.HIDE, actor.accountId(), reason, now);
                audit.record(actor, Action.FLAG_RESOLVED, flag.resource(), FlagOutcome.HIDE + "\n" + reason);
            }
        } else {
            flag.resolve(FlagOutcome.DISMISS, actor.accountId(), note, now);
            audit.record(actor, Action.FLAG_RESOLVED, flag.resource(), FlagOutcome.DISMISS + "\n" + text(note));
            log(actor, flag.roomId(), ModerationEvent.Kind.DISMISS_FLAG, post.threadId(), post.id(), null, note, now);
        }
        em.flush();
        return Forums.flagRecord(flag, post.threadId(), authors.of(List.of(flag.reporter(), actor.accountId())));
    }

    public Page<ModerationEvent> log(Actor actor, String roomId, boolean newestFirst, int limit, String cursor) {
        var room = forums.forumRoom(actor, roomId, Permission.VIEW);
        var listing = "moderation-log:" + room.id() + ":" + Forums.order(newestFirst);
        var after = cursors.read(listing, cursor, 2);
        var order = Keyset.of(Keyset.by("created_at", newestFirst), Keyset.by("id", newestFirst));
        var text = new StringBuilder("select id, room_id, moderator, action, thread_id, post_id, other_room_id, reason,"
                + " created_at from moderation_event where room_id = ?");
        var parameters = new ArrayList<Object>(List.of(room.id()));
        order.page(
                text,
                parameters,
                after.map(p -> new Object[] {Timestamp.from(p.instant(0)), p.text(1)})
                        .orElse(null),
                limit + 1);
        record Row(
                String id,
                String room,
                String moderator,
                String action,
                String thread,
                String post,
                String other,
                String reason,
                Instant at) {}
        var page = cursors.page(
                listing,
                sql.query(
                        text.toString(),
                        rs -> new Row(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                Sql.instant(rs, "created_at")),
                        parameters.toArray()),
                limit,
                last -> new Object[] {last.at(), last.id()});
        var rows = page.items();
        reads.record(actor, Action.MODERATION_LOG_READ, room.resource() + "/moderation-log");
        var people = authors.of(rows.stream().map(Row::moderator).toList());
        // where a thread went or came from is named only to who may see that room too
        var seen = new HashMap<String, Boolean>();
        Function<String, String> shown =
                other -> other != null && seen.computeIfAbsent(other, id -> gate.allows(actor, id, Permission.VIEW))
                        ? other
                        : null;
        return new Page<>(
                rows.stream()
                        .map(r -> new ModerationEvent(
                                r.id(),
                                r.room(),
                                people.get(r.moderator()),
                                ModerationEvent.Kind.valueOf(r.action()),
                                r.thread(),
                                r.post(),
                                shown.apply(r.other()),
                                r.reason(),
                                r.at()))
                        .toList(),
                page.next());
    }

    /** One line of the room's moderation log, in the caller's transaction. */
    void log(
            Actor actor,
            String roomId,
            ModerationEvent.Kind kind,
            String threadId,
            String postId,
            String otherRoomId,
            String reason,
            Instant at) {
        em.createNativeQuery("insert into moderation_event (id, room_id, moderator, action, thread_id, post_id,"
                        + " other_room_id, reason, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, Forums.newId())
                .setParameter(2, roomId)
                .setParameter(3, actor.accountId())
                .setParameter(4, kind.name())
                .setParameter(5, threadId)
                .setParameter(6, postId)
                .setParameter(7, otherRoomId)
                .setParameter(8, reason)
                .setParameter(9, Timestamp.from(at))
                .executeUpdate();
    }

    private static String blankToNull(String text) {
        return Blank.blank(text) ? null : text.strip();
    }

    private static String text(String reason) {
        return reason == null ? "" : reason;
    }
}

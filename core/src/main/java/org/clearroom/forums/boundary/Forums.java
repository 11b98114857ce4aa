package org.clearroom.forums.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clearroom.access.Permission;
import org.clearroom.audit.Action;
import org.clearroom.audit.boundary.AuditTrail;
import org.clearroom.forums.AccountRef;
import org.clearroom.forums.Flag;
import org.clearroom.forums.FlagReason;
import org.clearroom.forums.ForumThread;
import org.clearroom.forums.NewFlag;
import org.clearroom.forums.NewPost;
import org.clearroom.forums.NewThread;
import org.clearroom.forums.Notification;
import org.clearroom.forums.NotificationPage;
import org.clearroom.forums.OpenedThread;
import org.clearroom.forums.Post;
import org.clearroom.forums.Reaction;
import org.clearroom.forums.ReactionCount;
import org.clearroom.forums.Revision;
import org.clearroom.forums.control.Authors;
import org.clearroom.forums.control.Markdown;
import org.clearroom.forums.control.PostPublished;
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
import org.clearroom.platform.control.Forbidden;
import org.clearroom.platform.control.InvalidInput;
import org.clearroom.platform.control.Keyset;
import org.clearroom.platform.control.NotFound;
import org.clearroom.rooms.RoomKind;
import org.clearroom.rooms.boundary.RoomGate;
import org.clearroom.rooms.boundary.RoomRef;

/**
 * What members do in forums: open threads, reply, revise, react, flag, subscribe, read, and their
 * notifications. Every method checks the room's rules first and records the exchange in the audit
 * trail in its own transaction; reads are recorded through {@link Reads}.
 */
@ApplicationScoped
@Transactional
public class Forums {

    static final String HIDDEN_PLACEHOLDER = "<p class=\"placeholder\">This post was hidden by a moderator.</p>";
    static final String PURGED_PLACEHOLDER =
            "<p class=\"placeholder\">This post was removed under the room's retention period.</p>";

    @PersistenceContext(unitName = "clearroom")
    EntityManager em;

    @Inject
    RoomGate gate;

    @Inject
    AuditTrail audit;

    @Inject
    Reads reads;

    @Inject
    Markdown markdown;

    @Inject
    Authors authors;

    @Inject
    Sql sql;

    @Inject
    Cursors cursors;

    @Inject
    Event<PostPublished> published;

    @Inject
    Clock clock;

    // ---- threads

    public Page<ForumThread> threads(Actor actor, String roomId, boolean newestFirst, int limit, String cursor) {
        var room = forumRoom(actor, roomId, Permission.VIEW);
        var listing = "threads:" + room.id() + ":" + order(newestFirst);
        var after = cursors.read(listing, cursor, 3);
        // pinned threads come first in both orders; within each group the activity order applies
        var order = Keyset.of(
                Keyset.descending("t.pinned"),
                Keyset.by("t.last_post_at", newestFirst),
                Keyset.by("t.id", newestFirst));
        var sqlText = new StringBuilder(THREAD_COLUMNS + " from forum_thread t where t.room_id = ?");
        var parameters =
                new ArrayList<Object>(List.of(actor.accountId(), actor.accountId(), actor.accountId(), room.id()));
        order.page(
                sqlText,
                parameters,
                after.map(p -> new Object[] {p.flag(0), Timestamp.from(p.instant(1)), p.text(2)})
                        .orElse(null),
                limit + 1);
        var page = cursors.page(
                listing, sql.query(sqlText.toString(), ThreadRow::read, parameters.toArray()), limit, last ->
                        new Object[] {last.pinned, last.lastPostAt, last.id});
        reads.record(actor, Action.ROOM_READ, room.resource());
        var people = authors.of(page.items().stream().map(r -> r.author).toList());
        return new Page<>(page.items().stream().map(r -> r.toRecord(people)).toList(), page.next());
    }

    public OpenedThread open(Actor actor, String roomId, NewThread request) {
        var room = forumRoom(actor, roomId, Permission.CONTRIBUTE);
        var title = request.title().strip();
        var rendered = markdown.render(request.body());
        var now = Instant.now(clock);
        var thread = new ThreadEntity(room.id(), title, actor.accountId(), now);
        em.persist(thread);
        var post = new PostEntity(thread, actor.accountId(), request.body(), rendered.html(), now);
        em.persist(post);
        thread.posted(now);
        audit.record(actor, Action.THREAD_OPENED, thread.resource(), title);
        audit.record(actor, Action.POST_CREATED, post.resource(), request.body());
        em.flush();
        // authors watch what they open, as in every forum people are used to
        subscribe(actor.accountId(), thread.resource(), now);
        markRead(actor.accountId(), thread.id(), now);
        published.fire(
                new PostPublished(post.id(), thread.id(), room.id(), actor.accountId(), true, rendered.mentions()));
        var people = authors.of(List.of(actor.accountId()));
        return new OpenedThread(threadRecord(actor, thread, people, true), postRecord(post, people, Map.of(), true));
    }

    public ForumThread thread(Actor actor, String threadId) {
        var thread = visibleThread(actor, threadId, Permission.VIEW);
        reads.record(actor, Action.THREAD_READ, thread.resource());
        return threadRecord(actor, thread, authors.of(List.of(thread.author())));
    }

    /** Whether the caller watches the room. */
    public boolean watchesRoom(Actor actor, String roomId) {
        var room = forumRoom(actor, roomId, Permission.VIEW);
        return subscribed(actor.accountId(), room.resource());
    }

    // ---- posts

    public Page<Post> posts(Actor actor, String threadId, boolean newestFirst, int limit, String cursor) {
        var thread = visibleThread(actor, threadId, Permission.VIEW);
        var listing = "posts:" + thread.id() + ":" + order(newestFirst);
        var after = cursors.read(listing, cursor, 2);
        var order = Keyset.of(Keyset.by("p.createdAt", newestFirst), Keyset.by("p.id", newestFirst));
        var jpql = new StringBuilder("select p from PostEntity p where p.threadId = :thread");
        if (after.isPresent()) {
            jpql.append(" and ").append(order.afterJpql());
        }
        jpql.append(" order by ").append(order.orderBy());
        var query = em.createQuery(jpql.toString(), PostEntity.class)
                .setParameter("thread", thread.id())
                .setMaxResults(limit + 1);
        after.ifPresent(
                position -> query.setParameter("key0", position.instant(0)).setParameter("key1", position.text(1)));
        var page =
                cursors.page(listing, query.getResultList(), limit, last -> new Object[] {last.createdAt(), last.id()});
        page.items().stream()
                .map(PostEntity::createdAt)
                .max(Instant::compareTo)
                .ifPresent(at -> markRead(actor.accountId(), thread.id(), at));
        reads.record(actor, Action.THREAD_READ, thread.resource());
        return new Page<>(postRecords(actor, thread.roomId(), page.items()), page.next());
    }

    public Post reply(Actor actor, String threadId, NewPost request) {
        var thread = visibleThread(actor, threadId, Permission.CONTRIBUTE);
        if (thread.locked()) {
            throw new Conflict(null, "the thread is locked: it takes no new posts");
        }
        var rendered = markdown.render(request.body());
        var now = Instant.now(clock);
        var post = new PostEntity(thread, actor.accountId(), request.body(), rendered.html(), now);
        em.persist(post);
        // counted in one statement, not through the versioned entity: replies to one thread run in
        // parallel, and a lock that lands meanwhile still refuses this one
        int counted = em.createNativeQuery("update forum_thread set post_count = post_count + 1,"
                        + " last_post_at = greatest(last_post_at, ?1) where id = ?2 and not locked")
                .setParameter(1, Timestamp.from(post.createdAt()))
                .setParameter(2, thread.id())
                .executeUpdate();
        if (counted == 0) {
            throw new Conflict(null, "the thread is locked: it takes no new posts");
        }
        audit.record(actor, Action.POST_CREATED, post.resource(), request.body());
        em.flush();
        markRead(actor.accountId(), thread.id(), now);
        published.fire(new PostPublished(
                post.id(), thread.id(), thread.roomId(), actor.accountId(), false, rendered.mentions()));
        return postRecord(post, authors.of(List.of(actor.accountId())), Map.of(), true);
    }

    public Post post(Actor actor, String postId) {
        var post = visiblePost(actor, postId);
        reads.record(actor, Action.POST_READ, post.resource());
        return postRecords(actor, post.roomId(), List.of(post)).get(0);
    }

    public Post revise(Actor actor, String postId, NewPost request) {
        var post = visiblePost(actor, postId);
        if (!post.author().equals(actor.accountId())) {
            throw new Forbidden("only its author may revise a post");
        }
        gate.requireFor(actor, post.roomId(), Permission.CONTRIBUTE, "post " + postId);
        var thread = em.find(ThreadEntity.class, post.threadId());
        if (thread.locked()) {
            throw new Conflict(null, "the thread is locked: its posts cannot be revised");
        }
        if (post.purged()) {
            throw new Conflict(null, "the post was purged under the room's retention period");
        }
        if (request.body().equals(post.body())) {
            // nothing changed: no revision, no entry
            return postRecords(actor, post.roomId(), List.of(post)).get(0);
        }
        var rendered = markdown.render(request.body());
        var now = Instant.now(clock);
        // the version being replaced is kept, written when it was written
        em.createNativeQuery("insert into post_revision (post_id, number, body, digest, author, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, post.id())
                .setParameter(2, post.revision())
                .setParameter(3, post.body())
                .setParameter(4, post.digest())
                .setParameter(5, post.author())
                .setParameter(6, Timestamp.from(post.revisedAt() == null ? post.createdAt() : post.revisedAt()))
                .executeUpdate();
        post.revise(request.body(), rendered.html(), now);
        audit.record(actor, Action.POST_REVISED, post.resource(), request.body());
        return postRecords(actor, post.roomId(), List.of(post)).get(0);
    }

    public List<Revision> revisions(Actor actor, String postId) {
        var post = visiblePost(actor, postId);
        if (post.hidden() && !seesHidden(actor, post)) {
            throw new Forbidden("the post is hidden by a moderator; only moderators and its author see its history");
        }
        var author = authors.of(post.author());
        var revisions = new ArrayList<>(sql.query(
                "select number, body, digest, created_at from post_revision where post_id = ? order by number",
                rs -> {
                    var body = rs.getString("body");
                    return new Revision(
                            rs.getInt("number"),
                            body,
                            body == null ? null : markdown.render(body).html(),
                            rs.getString("digest"),
                            author,
                            Sql.instant(rs, "created_at"));
                },
                post.id()));
        revisions.add(new Revision(
                post.revision(),
                post.body(),
                post.html(),
                post.digest(),
                author,
                post.revisedAt() == null ? post.createdAt() : post.revisedAt()));
        reads.record(actor, Action.REVISIONS_READ, post.resource());
        return revisions;
    }

    // ---- reactions and flags

    public List<ReactionCount> react(Actor actor, String postId, Reaction reaction) {
        var post = visiblePost(actor, postId);
        gate.requireFor(actor, post.roomId(), Permission.CONTRIBUTE, "post " + postId);
        // a toggle: remove the reaction if the caller has it, else add it. Parallel toggles of one reaction
        // by one account take turns (a lock held to commit), so each sees what the one before it left
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "reaction " + post.id() + " " + actor.accountId() + " " + reaction.name())
                .getResultList();
        int removed = removeReaction(post.id(), actor.accountId(), reaction);
        boolean added = removed == 0
                && em.createNativeQuery("insert into post_reaction (post_id, account_id, reaction, created_at)"
                                        + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                                .setParameter(1, post.id())
                                .setParameter(2, actor.accountId())
                                .setParameter(3, reaction.name())
                                .setParameter(4, Timestamp.from(Instant.now(clock)))
                                .executeUpdate()
                        == 1;
        if (added || removed > 0) {
            audit.record(
                    actor, added ? Action.REACTION_ADDED : Action.REACTION_REMOVED, post.resource(), reaction.name());
        }
        em.flush();
        return reactions(actor, List.of(post.id()), true).getOrDefault(post.id(), List.of());
    }

    private int removeReaction(String postId, String accountId, Reaction reaction) {
        return em.createNativeQuery(
                        "delete from post_reaction where post_id = ?1 and account_id = ?2 and reaction = ?3")
                .setParameter(1, postId)
                .setParameter(2, accountId)
                .setParameter(3, reaction.name())
                .executeUpdate();
    }

    public Flag flag(Actor actor, String postId, NewFlag request) {
        var post = visiblePost(actor, postId);
        if (request.reason() == FlagReason.OTHER && Blank.blank(request.text())) {
            throw new InvalidInput("text", "is required when the reason is OTHER: say what is wrong");
        }
        boolean open = !em.createQuery(
                        "select f.id from FlagEntity f where f.postId = :post and f.reporter = :me and f.outcome is null",
                        String.class)
                .setParameter("post", post.id())
                .setParameter("me", actor.accountId())
                .getResultList()
                .isEmpty();
        if (open) {
            throw new Conflict(null, "you have flagged this post already; the moderators have not resolved it yet");
        }
        var flag = new FlagEntity(post, actor.accountId(), request.reason(), request.text(), Instant.now(clock));
        em.persist(flag);
        audit.record(
                actor,
                Action.POST_FLAGGED,
                flag.resource(),
                post.id() + "\n" + request.reason() + "\n" + (flag.text() == null ? "" : flag.text()));
        return flagRecord(flag, post.threadId(), authors.of(List.of(actor.accountId())));
    }

    // ---- subscriptions and notifications

    public void watchThread(Actor actor, String threadId, boolean watch) {
        var thread = visibleThread(actor, threadId, Permission.VIEW);
        watch(actor, thread.resource(), watch);
    }

    public void watchRoom(Actor actor, String roomId, boolean watch) {
        var room = forumRoom(actor, roomId, Permission.VIEW);
        watch(actor, room.resource(), watch);
    }

    private void watch(Actor actor, String target, boolean watch) {
        var now = Instant.now(clock);
        boolean changed = watch
                ? subscribe(actor.accountId(), target, now)
                : em.createNativeQuery("delete from subscription where account_id = ?1 and target = ?2")
                                .setParameter(1, actor.accountId())
                                .setParameter(2, target)
                                .executeUpdate()
                        > 0;
        if (changed) {
            audit.record(actor, watch ? Action.SUBSCRIBED : Action.UNSUBSCRIBED, target);
        }
    }

    public NotificationPage notifications(
            Actor actor, boolean unreadOnly, boolean newestFirst, int limit, String cursor) {
        var rooms = visibleRoomIds(actor);
        var listing =
                "notifications:" + actor.accountId() + ":" + (unreadOnly ? "unread:" : "all:") + order(newestFirst);
        var after = cursors.read(listing, cursor, 2);
        var order = Keyset.of(Keyset.by("n.created_at", newestFirst), Keyset.by("n.id", newestFirst));
        var text = new StringBuilder("select n.id, n.kind, n.room_id, n.thread_id, t.title, n.post_id, n.actor,"
                + " n.created_at, n.read_at from notification n join forum_thread t on t.id = n.thread_id"
                + " where n.account_id = ? and n.room_id = any(string_to_array(?, ','))");
        var parameters = new ArrayList<Object>(List.of(actor.accountId(), rooms));
        if (unreadOnly) {
            text.append(" and n.read_at is null");
        }
        order.page(
                text,
                parameters,
                after.map(p -> new Object[] {Timestamp.from(p.instant(0)), p.text(1)})
                        .orElse(null),
                limit + 1);
        record Row(
                String id,
                String kind,
                String room,
                String thread,
                String title,
                String post,
                String actor,
                Instant at,
                Instant read) {}
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
                                Sql.instant(rs, "created_at"),
                                Sql.instant(rs, "read_at")),
                        parameters.toArray()),
                limit,
                last -> new Object[] {last.at(), last.id()});
        var people = authors.of(page.items().stream().map(Row::actor).toList());
        var items = page.items().stream()
                .map(r -> new Notification(
                        r.id(),
                        Notification.Kind.valueOf(r.kind()),
                        r.room(),
                        r.thread(),
                        r.title(),
                        r.post(),
                        people.get(r.actor()),
                        r.at(),
                        r.read()))
                .toList();
        return new NotificationPage(unread(actor, rooms), items, page.next());
    }

    /** Marks the caller's notifications read ({@code ids} null: all of them); answers what stays unread. */
    public long markNotificationsRead(Actor actor, List<String> ids) {
        var now = Timestamp.from(Instant.now(clock));
        int marked = ids == null
                ? em.createNativeQuery("update notification set read_at = ?1 where account_id = ?2 and read_at is null")
                        .setParameter(1, now)
                        .setParameter(2, actor.accountId())
                        .executeUpdate()
                : em.createNativeQuery("update notification set read_at = ?1 where account_id = ?2 and read_at is null"
                                + " and id = any(string_to_array(?3, ','))")
                        .setParameter(1, now)
                        .setParameter(2, actor.accountId())
                        .setParameter(3, Sql.ids(ids))
                        .executeUpdate();
        if (marked > 0) {
            audit.record(
                    actor,
                    Action.NOTIFICATIONS_READ,
                    "accounts/" + actor.accountId() + "/notifications",
                    ids == null ? "all" : String.join("\n", ids));
        }
        em.flush();
        return unread(actor, visibleRoomIds(actor));
    }

    private long unread(Actor actor, String rooms) {
        return sql.count(
                "select count(*) from notification where account_id = ? and read_at is null"
                        + " and room_id = any(string_to_array(?, ','))",
                actor.accountId(),
                rooms);
    }

    // ---- shared with Moderation and Search

    /** The room, as a FORUM the caller holds {@code permission} on; 404 when the caller may not see it. */
    RoomRef forumRoom(Actor actor, String roomId, Permission permission) {
        return gate.require(actor, roomId, permission, RoomKind.FORUM);
    }

    ThreadEntity visibleThread(Actor actor, String threadId, Permission permission) {
        var thread = Optional.ofNullable(threadId)
                .map(id -> em.find(ThreadEntity.class, id))
                .orElseThrow(() -> new NotFound("thread " + threadId));
        gate.requireFor(actor, thread.roomId(), permission, "thread " + threadId);
        return thread;
    }

    PostEntity visiblePost(Actor actor, String postId) {
        var post = Optional.ofNullable(postId)
                .map(id -> em.find(PostEntity.class, id))
                .orElseThrow(() -> new NotFound("post " + postId));
        gate.requireFor(actor, post.roomId(), Permission.VIEW, "post " + postId);
        return post;
    }

    boolean moderates(Actor actor, String roomId) {
        return gate.allows(actor, roomId, Permission.MODERATE);
    }

    private boolean seesHidden(Actor actor, PostEntity post) {
        return post.author().equals(actor.accountId()) || moderates(actor, post.roomId());
    }

    /** The ids of the rooms the caller may VIEW now, in the form {@link Sql#ids} takes. */
    String visibleRoomIds(Actor actor) {
        return Sql.ids(gate.roomIdsAllowing(actor, Permission.VIEW));
    }

    List<Post> postRecords(Actor actor, String roomId, List<PostEntity> posts) {
        boolean moderator = posts.stream().anyMatch(PostEntity::hidden) && moderates(actor, roomId);
        var people = authors.of(posts.stream().map(PostEntity::author).toList());
        var reactions = reactions(actor, posts.stream().map(PostEntity::id).toList(), false);
        return posts.stream()
                .map(p ->
                        postRecord(p, people, reactions, moderator || p.author().equals(actor.accountId())))
                .toList();
    }

    static Post postRecord(
            PostEntity post,
            Map<String, AccountRef> people,
            Map<String, List<ReactionCount>> reactions,
            boolean seesHidden) {
        boolean shown = !post.purged() && (!post.hidden() || seesHidden);
        String html = post.purged() ? PURGED_PLACEHOLDER : shown ? post.html() : HIDDEN_PLACEHOLDER;
        return new Post(
                post.id(),
                post.threadId(),
                post.roomId(),
                people.get(post.author()),
                shown ? post.body() : null,
                html,
                shown || post.purged() ? post.digest() : null, // a short hidden post would be found by guessing
                post.createdAt(),
                post.revisedAt(),
                post.revision(),
                post.hidden(),
                post.hiddenReason(),
                post.purged(),
                reactions.getOrDefault(post.id(), List.of()));
    }

    private Map<String, List<ReactionCount>> reactions(Actor actor, List<String> postIds, boolean withEmpty) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        var counts = new HashMap<String, List<ReactionCount>>();
        sql.query(
                "select post_id, reaction, count(*), bool_or(account_id = ?) from post_reaction"
                        + " where post_id = any(string_to_array(?, ',')) group by post_id, reaction"
                        + " order by post_id, reaction",
                rs -> {
                    var reaction = Reaction.valueOf(rs.getString(2));
                    counts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new ReactionCount(reaction, reaction.emoji, rs.getLong(3), rs.getBoolean(4)));
                    return null;
                },
                actor.accountId(),
                Sql.ids(postIds));
        if (withEmpty) {
            postIds.forEach(id -> counts.putIfAbsent(id, List.of()));
        }
        return counts;
    }

    ForumThread threadRecord(Actor actor, ThreadEntity thread, Map<String, AccountRef> people) {
        return threadRecord(actor, thread, people, subscribed(actor.accountId(), thread.resource()));
    }

    private ForumThread threadRecord(
            Actor actor, ThreadEntity thread, Map<String, AccountRef> people, boolean subscribed) {
        long unread = sql.count(
                "select count(*) from forum_post p where p.thread_id = ? and p.author <> ? and p.created_at >"
                        + " coalesce((select read_until from thread_read where account_id = ? and thread_id = ?),"
                        + " '-infinity')",
                thread.id(),
                actor.accountId(),
                actor.accountId(),
                thread.id());
        return new ForumThread(
                thread.id(),
                thread.roomId(),
                thread.title(),
                people.get(thread.author()),
                thread.createdAt(),
                thread.lastPostAt(),
                thread.postCount(),
                unread,
                thread.pinned(),
                thread.locked(),
                thread.purged(),
                subscribed);
    }

    static Flag flagRecord(FlagEntity flag, String threadId, Map<String, AccountRef> people) {
        return new Flag(
                flag.id(),
                flag.postId(),
                threadId,
                flag.roomId(),
                people.get(flag.reporter()),
                flag.reason(),
                flag.text(),
                flag.createdAt(),
                flag.outcome(),
                people.get(flag.resolvedBy()),
                flag.resolvedAt(),
                flag.note());
    }

    private boolean subscribed(String accountId, String target) {
        return sql.count("select count(*) from subscription where account_id = ? and target = ?", accountId, target)
                > 0;
    }

    /** @return whether the subscription is new */
    private boolean subscribe(String accountId, String target, Instant now) {
        return em.createNativeQuery("insert into subscription (account_id, target, created_at) values (?1, ?2, ?3)"
                                + " on conflict do nothing")
                        .setParameter(1, accountId)
                        .setParameter(2, target)
                        .setParameter(3, Timestamp.from(now))
                        .executeUpdate()
                > 0;
    }

    private void markRead(String accountId, String threadId, Instant until) {
        em.createNativeQuery("insert into thread_read (account_id, thread_id, read_until) values (?1, ?2, ?3)"
                        + " on conflict (account_id, thread_id) do update set read_until = excluded.read_until"
                        + " where thread_read.read_until < excluded.read_until")
                .setParameter(1, accountId)
                .setParameter(2, threadId)
                .setParameter(3, Timestamp.from(until))
                .executeUpdate();
    }

    private static final String THREAD_COLUMNS = "select t.id, t.room_id, t.title, t.author, t.created_at,"
            + " t.last_post_at, t.post_count, t.pinned, t.locked, t.purged_at,"
            + " (select count(*) from forum_post p where p.thread_id = t.id and p.author <> ? and p.created_at >"
            + " coalesce((select r.read_until from thread_read r where r.account_id = ? and r.thread_id = t.id),"
            + " '-infinity')) as unread,"
            + " exists (select 1 from subscription s where s.account_id = ? and s.target = 'threads/' || t.id)"
            + " as subscribed";

    private record ThreadRow(
            String id,
            String room,
            String title,
            String author,
            Instant createdAt,
            Instant lastPostAt,
            long posts,
            boolean pinned,
            boolean locked,
            boolean purged,
            long unread,
            boolean subscribed) {

        static ThreadRow read(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new ThreadRow(
                    rs.getString("id"),
                    rs.getString("room_id"),
                    rs.getString("title"),
                    rs.getString("author"),
                    Sql.instant(rs, "created_at"),
                    Sql.instant(rs, "last_post_at"),
                    rs.getLong("post_count"),
                    rs.getBoolean("pinned"),
                    rs.getBoolean("locked"),
                    rs.getTimestamp("purged_at") != null,
                    rs.getLong("unread"),
                    rs.getBoolean("subscribed"));
        }

        ForumThread toRecord(Map<String, AccountRef> people) {
            return new ForumThread(
                    id,
                    room,
                    title,
                    people.get(author),
                    createdAt,
                    lastPostAt,
                    posts,
                    unread,
                    pinned,
                    locked,
                    purged,
                    subscribed);
        }
    }

    /** The order's part of a listing's cursor tag: a cursor of one order means nothing in the other. */
    static String order(boolean newestFirst) {
        return newestFirst ? "newest" : "oldest";
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}

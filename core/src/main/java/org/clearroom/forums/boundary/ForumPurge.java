package org.clearroom.forums.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clearroom.forums.ModerationEvent;
import org.clearroom.forums.control.Sql;
import org.clearroom.forums.entity.PostEntity;
import org.clearroom.forums.entity.ThreadEntity;
import org.clearroom.platform.control.Actor;
import org.clearroom.rooms.boundary.ContentPurger;

/**
 * A room's retention for its forum: bodies of older posts (and of their revisions) and titles of older
 * threads go, their digests and ledger entries stay, and the room's moderation log says how many went.
 * Rows purged by an earlier run (or by another node at the same time) are left alone.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ForumPurge implements ContentPurger {

    @PersistenceContext(unitName = "clearroom")
    EntityManager em;

    @Inject
    Moderation moderation;

    @Override
    public Purge purge(Actor actor, String roomId, Instant before, Instant now) {
        var cutoff = Timestamp.from(before);
        var at = Timestamp.from(now);
        @SuppressWarnings("unchecked")
        List<String> posts = em.createNativeQuery("update forum_post set body = null, html = null, purged_at = ?1"
                        + " where room_id = ?2 and purged_at is null and created_at < ?3 returning id")
                .setParameter(1, at)
                .setParameter(2, roomId)
                .setParameter(3, cutoff)
                .getResultList();
        if (!posts.isEmpty()) {
            em.createNativeQuery("update post_revision set body = null where post_id = any(string_to_array(?1, ','))")
                    .setParameter(1, Sql.ids(posts))
                    .executeUpdate();
        }
        @SuppressWarnings("unchecked")
        List<String> threads = em.createNativeQuery("update forum_thread set title = null, purged_at = ?1"
                        + " where room_id = ?2 and purged_at is null and created_at < ?3 returning id")
                .setParameter(1, at)
                .setParameter(2, roomId)
                .setParameter(3, cutoff)
                .getResultList();
        if (posts.isEmpty() && threads.isEmpty()) {
            return new Purge(Map.of(), List.of());
        }
        var purged = new ArrayList<String>();
        posts.stream().sorted().map(id -> PostEntity.RESOURCE_PREFIX + id).forEach(purged::add);
        threads.stream().sorted().map(id -> ThreadEntity.RESOURCE_PREFIX + id).forEach(purged::add);
        moderation.log(
                actor,
                roomId,
                ModerationEvent.Kind.PURGE,
                null,
                null,
                null,
                "retention: " + posts.size() + " posts and " + threads.size() + " thread titles older than " + before
                        + " removed",
                now);
        return new Purge(Map.of("posts", posts.size(), "threads", threads.size()), purged);
    }
}

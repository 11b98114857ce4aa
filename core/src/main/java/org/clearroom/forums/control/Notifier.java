package org.clearroom.forums.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.clearroom.access.Permission;
import org.clearroom.access.control.AccessPolicy;
import org.clearroom.forums.Notification;
import org.clearroom.identity.boundary.People;
import org.clearroom.rooms.boundary.RoomRef;

/**
 * Turns a committed post into notifications: MENTION for mentioned accounts, NEW_THREAD or REPLY for
 * subscribers of the room or thread. Nobody who may not VIEW the room at this moment is notified, so
 * mentioning an outsider tells the outsider nothing and the author nothing either.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class Notifier {

    @PersistenceContext(unitName = "clearroom")
    EntityManager em;

    @Inject
    AccessPolicy policy;

    @Inject
    Sql sql;

    @Inject
    People people;

    @Inject
    Clock clock;

    public void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostPublished post) {
        var subscribers = sql.query(
                "select account_id from subscription where target = ? or target = ?",
                rs -> rs.getString(1),
                "threads/" + post.threadId(),
                RoomRef.resourceOf(post.roomId()));
        if (subscribers.isEmpty() && post.mentions().isEmpty()) {
            return;
        }
        var resource = RoomRef.resourceOf(post.roomId());
        var rules = policy.rulesOn(resource);
        var now = Instant.now(clock);
        // the mentioned and the subscribed at once; roles are left out because they grant no content
        var accounts = people.enabled(subscribers, post.mentions(), post.authorId());
        for (var account : accounts) {
            if (!AccessPolicy.evaluate(account, Permission.VIEW, resource, rules, now)
                    .allowed()) {
                continue;
            }
            var kind = post.mentions().contains(account.username())
                    ? Notification.Kind.MENTION
                    : post.opensThread() ? Notification.Kind.NEW_THREAD : Notification.Kind.REPLY;
            em.createNativeQuery("insert into notification (id, account_id, kind, room_id, thread_id, post_id, actor,"
                            + " created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                            + " on conflict (account_id, post_id) do nothing")
                    .setParameter(1, UUID.randomUUID().toString())
                    .setParameter(2, account.accountId())
                    .setParameter(3, kind.name())
                    .setParameter(4, post.roomId())
                    .setParameter(5, post.threadId())
                    .setParameter(6, post.postId())
                    .setParameter(7, post.authorId())
                    .setParameter(8, Timestamp.from(now))
                    .executeUpdate();
        }
    }
}

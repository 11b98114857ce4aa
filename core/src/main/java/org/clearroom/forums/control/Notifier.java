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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.clearroom.access.Permission;
import org.clearroom.access.control.AccessPolicy;
import org.clearroom.forums.Notification;
import org.clearroom.identity.entity.AccountEntity;
import org.clearroom.rooms.entity.RoomEntity;

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
    Clock clock;

    public void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostPublished post) {
        var recipients = new LinkedHashMap<String, Notification.Kind>();
        if (!post.mentions().isEmpty()) {
            sql.query(
                            "select id from account where username = any(string_to_array(?, ',')) and not disabled",
                            rs -> rs.getString(1),
                            String.join(",", post.mentions()))
                    .forEach(id -> recipients.put(id, Notification.Kind.MENTION));
        }
        sql.query(
                        "select account_id from subscription where target = ? or target = ?",
                        rs -> rs.getString(1),
                        "threads/" + post.threadId(),
                        RoomEntity.RESOURCE_PREFIX + post.roomId())
                .forEach(id -> recipients.putIfAbsent(
                        id, post.opensThread() ? Notification.Kind.NEW_THREAD : Notification.Kind.REPLY));
        recipients.remove(post.authorId());
        if (recipients.isEmpty()) {
            return;
        }
        var resource = RoomEntity.RESOURCE_PREFIX + post.roomId();
        var rules = policy.rulesOn(resource);
        var now = Instant.now(clock);
        List<AccountEntity> accounts = em.createQuery(
                        "select a from AccountEntity a where a.id in :ids", AccountEntity.class)
                .setParameter("ids", List.copyOf(recipients.keySet()))
                .getResultList();
        for (var account : accounts) {
            if (account.disabled()
                    || !AccessPolicy.evaluate(account.actor(), Permission.VIEW, resource, rules, now)
                            .allowed()) {
                continue;
            }
            em.createNativeQuery("insert into notification (id, account_id, kind, room_id, thread_id, post_id, actor,"
                            + " created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                            + " on conflict (account_id, post_id) do nothing")
                    .setParameter(1, UUID.randomUUID().toString())
                    .setParameter(2, account.id())
                    .setParameter(3, recipients.get(account.id()).name())
                    .setParameter(4, post.roomId())
                    .setParameter(5, post.threadId())
                    .setParameter(6, post.postId())
                    .setParameter(7, post.authorId())
                    .setParameter(8, Timestamp.from(now))
                    .executeUpdate();
        }
    }
}

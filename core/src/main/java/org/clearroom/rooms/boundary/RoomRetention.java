package org.clearroom.rooms.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clearroom.audit.Action;
import org.clearroom.audit.boundary.AuditTrail;
import org.clearroom.identity.Role;
import org.clearroom.platform.control.Actor;
import org.clearroom.platform.control.Conflict;
import org.clearroom.platform.control.NotFound;
import org.clearroom.rooms.entity.RoomEntity;

/**
 * Applies rooms' retention periods: content older than the period goes (each {@link ContentPurger}
 * removes its own kind), digests and ledger entries stay, and nothing goes while the room is under a legal
 * hold. The room row is locked for the run, so a hold placed meanwhile either waits for the purge to end
 * or is seen by it.
 */
@ApplicationScoped
@Transactional
public class RoomRetention {

    @PersistenceContext(unitName = "clearroom")
    EntityManager em;

    @Inject
    Instance<ContentPurger> purgers;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * Purges room {@code roomId} now: ADMIN, or the server on its schedule. One CONTENT_PURGED entry on
     * {@code rooms/{id}} lists every resource removed; none when nothing was old enough.
     *
     * @return how many items of each kind were removed ({@code posts}, {@code threads}); empty without a
     *     retention period, or for the server's schedule under a legal hold
     * @throws NotFound when there is no such room
     * @throws Conflict when an operator asks while the room is under a legal hold
     */
    public Map<String, Integer> purge(Actor actor, String roomId) {
        if (!actor.isSystem()) {
            actor.require(Role.ADMIN);
        }
        var room = roomId == null ? null : em.find(RoomEntity.class, roomId, LockModeType.PESSIMISTIC_WRITE);
        if (room == null) {
            throw new NotFound("room " + roomId);
        }
        if (room.held() && !actor.isSystem()) {
            throw new Conflict(null, "the room is under a legal hold: nothing in it is purged until it is released");
        }
        var now = Instant.now(clock);
        var cutoff = room.purgeBefore(now);
        if (cutoff.isEmpty()) {
            return Map.of();
        }
        em.flush();
        var counts = new TreeMap<String, Integer>();
        var removed = new ArrayList<String>();
        for (var purger : ordered()) {
            var purge = purger.purge(actor, room.id(), cutoff.get(), now);
            purge.counts().forEach((kind, count) -> counts.merge(kind, count, Integer::sum));
            removed.addAll(purge.resources());
        }
        if (!removed.isEmpty()) {
            audit.record(actor, Action.CONTENT_PURGED, room.resource(), String.join("\n", removed));
        }
        return counts;
    }

    /** The rooms with a retention period, for the scheduled run. */
    public List<String> roomsWithRetention() {
        return em.createQuery("select r.id from RoomEntity r where r.retentionDays is not null", String.class)
                .getResultList();
    }

    /** Every purger, in one fixed order, so the entry of a run lists the same kinds in the same order. */
    private List<ContentPurger> ordered() {
        return purgers.stream()
                .sorted(Comparator.comparing(purger -> purger.getClass().getName()))
                .toList();
    }
}

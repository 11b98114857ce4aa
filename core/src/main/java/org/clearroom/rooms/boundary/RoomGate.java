package org.clearroom.rooms.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.clearroom.access.Permission;
import org.clearroom.access.control.AccessPolicy;
import org.clearroom.platform.control.Actor;
import org.clearroom.platform.control.Conflict;
import org.clearroom.platform.control.NotFound;
import org.clearroom.rooms.RoomKind;
import org.clearroom.rooms.entity.RoomEntity;

/**
 * The one way into content held in a room (forum threads today; documents and briefings next): resolves
 * the room, requires a permission on it through the access policy, and checks its kind. A caller who may
 * not see the room is told it does not exist (404), one who sees it but may not act gets 403, and
 * content asked of a room of another kind is a 409. Content components never read the room table.
 */
@ApplicationScoped
@Transactional
public class RoomGate {

    /** Resource names of rooms in rules and audit entries: {@code rooms/{id}}. */
    public static final String RESOURCE_PREFIX = RoomEntity.RESOURCE_PREFIX;

    @PersistenceContext(unitName = "clearroom")
    EntityManager em;

    @Inject
    AccessPolicy policy;

    /**
     * The room {@code roomId}, of {@code kind}, on which {@code actor} holds {@code permission}.
     *
     * @throws NotFound when there is no such room or the caller may not see it
     * @throws org.clearroom.platform.control.Forbidden when the caller sees it but lacks the permission
     * @throws Conflict when the room is of another kind (checked last, so a hidden room's kind does not
     *     leak)
     */
    public RoomRef require(Actor actor, String roomId, Permission permission, RoomKind kind) {
        var room = Optional.ofNullable(roomId)
                .map(id -> em.find(RoomEntity.class, id))
                .orElseThrow(() -> new NotFound("room " + roomId));
        policy.require(actor, permission, room.resource(), "room " + roomId);
        if (room.kind() != kind) {
            throw new Conflict(
                    null,
                    "room " + roomId + " is a " + room.kind() + " room; " + what(kind) + " live in " + kind + " rooms");
        }
        return new RoomRef(room.id(), room.kind());
    }

    /**
     * Requires {@code permission} on the room holding some content found by its own id; the 404 names
     * {@code what} (say {@code post 3f…}), so a caller learns nothing of the room.
     */
    public void requireFor(Actor actor, String roomId, Permission permission, String what) {
        policy.require(actor, permission, RoomRef.resourceOf(roomId), what);
    }

    /**
     * Requires that content may leave room {@code roomId} (a thread moved out, say): refused while the room
     * is under a legal hold, which would otherwise be defeated by moving content to a room that purges it.
     * The room row is locked, so a hold placed meanwhile waits for this change or is seen by it.
     *
     * @throws Conflict naming {@code field} when the room is under a legal hold
     */
    public void requireReleasable(String roomId, String field) {
        var room = em.find(RoomEntity.class, roomId, LockModeType.PESSIMISTIC_WRITE);
        if (room != null && room.held()) {
            throw new Conflict(
                    field,
                    "room " + roomId + " is under a legal hold: nothing may leave it until the hold is released");
        }
    }

    /** Whether {@code actor} holds {@code permission} on room {@code roomId} now. */
    public boolean allows(Actor actor, String roomId, Permission permission) {
        return policy.allows(actor, permission, RoomRef.resourceOf(roomId));
    }

    /** The ids of the rooms on which {@code actor} holds {@code permission} now, in id order. */
    public List<String> roomIdsAllowing(Actor actor, Permission permission) {
        return policy.resourcesAllowing(actor, permission, RESOURCE_PREFIX).stream()
                .map(resource -> resource.substring(RESOURCE_PREFIX.length()))
                .toList();
    }

    /** The names of rooms {@code roomIds}, by id; ids of no room are absent. Names only: no check here. */
    public Map<String, String> names(Collection<String> roomIds) {
        if (roomIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select r from RoomEntity r where r.id in :ids", RoomEntity.class)
                .setParameter("ids", List.copyOf(roomIds))
                .getResultStream()
                .collect(Collectors.toMap(RoomEntity::id, RoomEntity::name));
    }

    private static String what(RoomKind kind) {
        return kind == RoomKind.FORUM ? "threads" : "its contents";
    }
}

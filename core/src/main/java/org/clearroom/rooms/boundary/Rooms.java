package org.clearroom.rooms.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clearroom.access.Explanation;
import org.clearroom.access.NewRule;
import org.clearroom.access.Permission;
import org.clearroom.access.Rule;
import org.clearroom.access.boundary.Rules;
import org.clearroom.access.control.AccessPolicy;
import org.clearroom.access.control.Decision;
import org.clearroom.audit.Action;
import org.clearroom.audit.boundary.AuditTrail;
import org.clearroom.identity.Role;
import org.clearroom.identity.control.Directory;
import org.clearroom.platform.control.Actor;
import org.clearroom.platform.control.Conflict;
import org.clearroom.platform.control.Forbidden;
import org.clearroom.platform.control.InvalidInput;
import org.clearroom.platform.control.NotFound;
import org.clearroom.rooms.NewRoom;
import org.clearroom.rooms.Room;
import org.clearroom.rooms.entity.RoomEntity;

/** Rooms and their access rules. */
@ApplicationScoped
@Transactional
public class Rooms {

    @PersistenceContext(unitName = "clearroom")
    EntityManager em;

    @Inject
    AccessPolicy policy;

    @Inject
    Rules rules;

    @Inject
    Directory directory;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public Room create(Actor actor, NewRoom request) {
        actor.require(Role.ADMIN);
        var room = new RoomEntity(request.name(), request.kind(), request.description(), Instant.now(clock));
        em.persist(room);
        audit.record(actor, Action.ROOM_CREATED, room.resource(), room.name() + "\n" + request.kind());
        return room.toRecord(Set.of());
    }

    /** The rooms the caller may VIEW, by name. */
    public List<Room> visible(Actor actor) {
        var held = policy.permissionsOn(actor, RoomEntity.RESOURCE_PREFIX);
        return byIds(held.keySet(), held);
    }

    /**
     * The rooms the caller may manage: every room for operators (rules, retention) and compliance
     * officers (legal holds), the moderated ones otherwise.
     */
    public List<Room> manageable(Actor actor) {
        var held = policy.permissionsOn(actor, RoomEntity.RESOURCE_PREFIX);
        if (actor.has(Role.ADMIN) || actor.has(Role.COMPLIANCE)) {
            return em
                    .createQuery("select r from RoomEntity r order by r.name", RoomEntity.class)
                    .getResultList()
                    .stream()
                    .map(r -> r.toRecord(held.getOrDefault(r.resource(), Set.of())))
                    .toList();
        }
        return byIds(policy.resourcesAllowing(actor, Permission.MODERATE, RoomEntity.RESOURCE_PREFIX), held);
    }

    private List<Room> byIds(Set<String> resources, java.util.Map<String, Set<Permission>> held) {
        if (resources.isEmpty()) {
            return List.of();
        }
        var ids = resources.stream()
                .map(r -> r.substring(RoomEntity.RESOURCE_PREFIX.length()))
                .toList();
        return em
                .createQuery("select r from RoomEntity r where r.id in :ids order by r.name", RoomEntity.class)
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .map(r -> r.toRecord(held.getOrDefault(r.resource(), Set.of())))
                .toList();
    }

    public Room get(Actor actor, String id) {
        var room = find(id);
        // operators see the room itself (not its content): ADMIN manages it, COMPLIANCE may hold it
        if (!actor.has(Role.ADMIN) && !actor.has(Role.COMPLIANCE)) {
            policy.require(actor, Permission.VIEW, room.resource(), "room " + id);
        }
        return room.toRecord(policy.permissions(actor, room.resource()));
    }

    /** The room's live rules (ADMIN, or MODERATE on the room). */
    public List<Rule> rules(Actor actor, String roomId) {
        return rules.on(manageableRoom(actor, roomId).resource());
    }

    /** Grants a rule on the room (ADMIN, or MODERATE on the room); see {@link Rules#grant}. */
    public Rule grant(Actor actor, String roomId, NewRule request) {
        return rules.grant(actor, manageableRoom(actor, roomId).resource(), request);
    }

    /** Revokes a rule on the room (ADMIN, or MODERATE on the room); 404 for a rule of another room. */
    public void revoke(Actor actor, String roomId, String ruleId) {
        rules.revoke(actor, manageableRoom(actor, roomId).resource(), ruleId);
    }

    /**
     * Explains a decision for {@code accountId}. Operators and compliance officers may ask about anyone;
     * others only about themselves, and only for resources they can see.
     */
    public Explanation explain(Actor actor, String accountId, Permission permission, String resource) {
        boolean privileged = actor.has(Role.ADMIN) || actor.has(Role.COMPLIANCE);
        if (!privileged && !accountId.equals(actor.accountId())) {
            throw new Forbidden("only operators and compliance officers may ask about other accounts");
        }
        var subject =
                directory.account(accountId).orElseThrow(() -> new InvalidInput("account", "no account has this id"));
        if (!resource.startsWith(RoomEntity.RESOURCE_PREFIX)) {
            throw new InvalidInput("resource", "must be rooms/{id}");
        }
        var roomId = resource.substring(RoomEntity.RESOURCE_PREFIX.length());
        var room = em.find(RoomEntity.class, roomId);
        if (room == null && privileged) {
            throw new NotFound("room " + roomId);
        }
        Decision decision;
        if (room == null || (!privileged && !policy.allows(actor, Permission.VIEW, resource))) {
            // the same answer whether the room exists or not, so asking does not reveal it
            decision = new Decision(
                    false,
                    null,
                    "denied: no rule lets you see " + resource + " (or it does not exist), so you may not " + permission
                            + " it; access is denied by default");
        } else if (subject.disabled()) {
            decision = new Decision(false, null, "denied: the account is disabled");
        } else {
            decision = policy.decide(subject.actor(), permission, resource);
        }
        audit.record(
                actor, Action.ACCESS_EXPLAINED, resource, accountId + "\n" + permission + "\n" + decision.allowed());
        return new Explanation(
                decision.allowed(),
                decision.rule() == null ? null : decision.rule().toRecord(),
                decision.reason());
    }

    /** Sets how long the room keeps content (ADMIN); null keeps it forever. */
    public Room setRetention(Actor actor, String roomId, Integer days) {
        actor.require(Role.ADMIN);
        var room = lockedRoom(roomId);
        if (days != null && (days < 1 || days > 36500)) {
            throw new InvalidInput("days", "must be between 1 and 36500, or null to keep content forever");
        }
        if (room.retainFor(days)) {
            audit.record(actor, Action.ROOM_RETENTION_SET, room.resource(), String.valueOf(days));
        }
        return room.toRecord(policy.permissions(actor, room.resource()));
    }

    /** Places a legal hold (COMPLIANCE): from now on nothing in the room is purged. */
    public Room placeLegalHold(Actor actor, String roomId, String reason) {
        actor.require(Role.COMPLIANCE);
        var room = lockedRoom(roomId);
        if (room.held()) {
            throw new Conflict(null, "the room is under a legal hold already");
        }
        room.placeHold(reason, actor.accountId(), Instant.now(clock));
        audit.record(actor, Action.LEGAL_HOLD_PLACED, room.resource(), reason.strip());
        return room.toRecord(policy.permissions(actor, room.resource()));
    }

    /** Releases the legal hold (COMPLIANCE): retention applies again. */
    public Room releaseLegalHold(Actor actor, String roomId) {
        actor.require(Role.COMPLIANCE);
        var room = lockedRoom(roomId);
        if (!room.held()) {
            throw new Conflict(null, "the room is under no legal hold");
        }
        room.releaseHold();
        audit.record(actor, Action.LEGAL_HOLD_RELEASED, room.resource());
        return room.toRecord(policy.permissions(actor, room.resource()));
    }

    /**
     * The room, its row locked to the end of the transaction: a retention or hold change waits for a purge
     * running in the room, and is recorded after it, so the ledger's order is the order things took effect.
     */
    private RoomEntity lockedRoom(String id) {
        var room = find(id);
        em.lock(room, LockModeType.PESSIMISTIC_WRITE); // EclipseLink reads the row afresh as it locks it
        return room;
    }

    private RoomEntity find(String id) {
        return Optional.ofNullable(id)
                .map(i -> em.find(RoomEntity.class, i))
                .orElseThrow(() -> new NotFound("room " + id));
    }

    /** Operators manage every room's rules; moderators their room's. Others do not learn it exists. */
    private RoomEntity manageableRoom(Actor actor, String roomId) {
        var room = find(roomId);
        if (actor.has(Role.ADMIN)) {
            return room;
        }
        policy.require(actor, Permission.MODERATE, room.resource(), "room " + roomId);
        return room;
    }
}

package org.clearroom.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.clearroom.identity.entity.AccountEntity;
import org.clearroom.platform.control.Actor;

/**
 * Accounts as other components need to name them: who wrote or did something (a page's worth at once),
 * and whom a change concerns. Components ask here instead of reading identity's tables.
 */
@ApplicationScoped
@Transactional
public class People {

    @PersistenceContext(unitName = "clearroom")
    EntityManager em;

    /** An account as other members see it: its username, display name and organisation's name. */
    public record Person(String id, String username, String displayName, String organisation) {}

    /** The accounts of {@code ids}, by id; ids of no account (and nulls) are absent. One query. */
    public Map<String, Person> byIds(Collection<String> ids) {
        var distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return Map.of();
        }
        return em.createQuery(
                        "select a from AccountEntity a join fetch a.organisation where a.id in :ids",
                        AccountEntity.class)
                .setParameter("ids", distinct)
                .getResultStream()
                .collect(Collectors.toMap(
                        AccountEntity::id,
                        a -> new Person(
                                a.id(),
                                a.username(),
                                a.displayName(),
                                a.organisation().name())));
    }

    /**
     * The enabled accounts among {@code ids} and {@code usernames}, but {@code except}, as actors without
     * roles (roles grant no content, so deciding what they may see needs none). One query.
     */
    public List<Actor> enabled(Collection<String> ids, Collection<String> usernames, String except) {
        if (ids.isEmpty() && usernames.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select a from AccountEntity a join fetch a.organisation where a.disabled = false"
                                + " and a.id <> :except and (a.id in :ids or a.username in :usernames)",
                        AccountEntity.class)
                .setParameter("except", except)
                // an empty IN list is no SQL; a value no id or username can be stands in for none
                .setParameter("ids", ids.isEmpty() ? List.of("") : List.copyOf(ids))
                .setParameter("usernames", usernames.isEmpty() ? List.of("") : List.copyOf(usernames))
                .getResultStream()
                .map(a -> new Actor(
                        a.id(),
                        a.username(),
                        a.organisation().id(),
                        a.organisation().kind(),
                        Set.of()))
                .toList();
    }
}

package org.clearroom.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.clearroom.identity.entity.AccountEntity;
import org.clearroom.identity.entity.OrganisationEntity;

/** Finds organisations and accounts; used by the identity boundaries and by components that name accounts. */
@ApplicationScoped
public class Directory {

    @PersistenceContext(unitName = "clearroom")
    EntityManager em;

    public Optional<OrganisationEntity> organisation(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(OrganisationEntity.class, id));
    }

    public Optional<OrganisationEntity> organisationNamed(String name) {
        return em.createQuery(
                        "select o from OrganisationEntity o where lower(o.name) = lower(:name)",
                        OrganisationEntity.class)
                .setParameter("name", name.strip())
                .getResultStream()
                .findFirst();
    }

    public List<OrganisationEntity> organisations() {
        return em.createQuery("select o from OrganisationEntity o order by o.name", OrganisationEntity.class)
                .getResultList();
    }

    public Optional<AccountEntity> account(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(AccountEntity.class, id));
    }

    public Optional<AccountEntity> accountNamed(String username) {
        return em.createQuery("select a from AccountEntity a where a.username = :username", AccountEntity.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    public List<AccountEntity> accounts() {
        return em.createQuery("select a from AccountEntity a order by a.username", AccountEntity.class)
                .getResultList();
    }

    public boolean anyOrganisation() {
        return !em.createQuery("select o.id from OrganisationEntity o", String.class)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}

package org.clearroom.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.clearroom.identity.NewAccount;
import org.clearroom.identity.NewOrganisation;
import org.clearroom.identity.OrgKind;
import org.clearroom.identity.Role;
import org.clearroom.identity.control.Directory;
import org.clearroom.platform.control.Actor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A new installation has nobody to create the first account. When no ADMIN account exists and
 * {@code clearroom.bootstrap.admin.password} is configured, this creates that operator (and its
 * organisation) at start, audited like any other creation. Without the password it does nothing.
 */
@ApplicationScoped
public class FirstOperator {

    private static final Logger LOG = Logger.getLogger(FirstOperator.class.getName());

    @Inject
    @ConfigProperty(name = "clearroom.bootstrap.admin.username", defaultValue = "admin")
    String username;

    @Inject
    @ConfigProperty(name = "clearroom.bootstrap.admin.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "clearroom.bootstrap.organisation", defaultValue = "Operators")
    String organisationName;

    @PersistenceContext(unitName = "clearroom")
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    Organisations organisations;

    @Inject
    Accounts accounts;

    @ActivateRequestContext
    @Transactional
    public void create() {
        if (password.isEmpty() || password.get().isBlank()) {
            return;
        }
        boolean anyAdmin = !em.createNativeQuery("select 1 from account_role where role = 'ADMIN' limit 1")
                .getResultList()
                .isEmpty();
        if (anyAdmin) {
            return;
        }
        // the operators' organisation: the one there is, or a new one of that name
        var organisation = directory.organisations().stream()
                .filter(existing -> existing.kind() == OrgKind.OPERATOR)
                .findFirst()
                .map(existing -> existing.id())
                .orElseGet(() -> organisations
                        .create(Actor.SYSTEM, new NewOrganisation(organisationName, OrgKind.OPERATOR))
                        .id());
        accounts.create(
                Actor.SYSTEM, new NewAccount(username, "Operator", organisation, password.get(), List.of(Role.ADMIN)));
        LOG.info(() -> "Created the first operator account '" + username + "'");
    }
}

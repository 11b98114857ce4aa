package org.clearroom.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.clearroom.access.control.Principals;
import org.clearroom.identity.OrgKind;
import org.clearroom.identity.entity.OrganisationEntity;
import org.clearroom.platform.control.Actor;

/** The organisations and accounts rules may name, from the directory. */
@ApplicationScoped
public class DirectoryPrincipals implements Principals {

    @Inject
    Directory directory;

    @Override
    public Optional<OrgKind> organisationKind(String organisationId) {
        return directory.organisation(organisationId).map(OrganisationEntity::kind);
    }

    @Override
    public Optional<Actor> account(String accountId) {
        return directory.account(accountId).map(account -> account.actor());
    }
}

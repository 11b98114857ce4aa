package org.clearroom.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.clearroom.audit.Action;
import org.clearroom.audit.boundary.AuditTrail;
import org.clearroom.identity.NewOrganisation;
import org.clearroom.identity.OrgKind;
import org.clearroom.identity.Organisation;
import org.clearroom.identity.Role;
import org.clearroom.identity.control.Directory;
import org.clearroom.identity.entity.OrganisationEntity;
import org.clearroom.platform.control.Actor;
import org.clearroom.platform.control.Conflict;
import org.clearroom.platform.control.InvalidInput;
import org.clearroom.platform.control.NotFound;

/** Organisations, managed by operators (ADMIN). */
@ApplicationScoped
@Transactional
public class Organisations {

    @PersistenceContext(unitName = "clearroom")
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public List<Organisation> list(Actor actor) {
        actor.require(Role.ADMIN);
        return directory.organisations().stream()
                .map(OrganisationEntity::toRecord)
                .toList();
    }

    public Organisation get(Actor actor, String id) {
        actor.require(Role.ADMIN);
        return directory
                .organisation(id)
                .map(OrganisationEntity::toRecord)
                .orElseThrow(() -> new NotFound("organisation " + id));
    }

    public Organisation create(Actor actor, NewOrganisation request) {
        actor.require(Role.ADMIN);
        if (request.kind() == OrgKind.OPERATOR && !actor.isSystem()) {
            throw new InvalidInput(
                    "kind",
                    "OPERATOR is the platform operators' own organisation, which exists already; add operators to it");
        }
        if (directory.organisationNamed(request.name()).isPresent()) {
            throw new Conflict(
                    "name", "an organisation named '" + request.name().strip() + "' exists already");
        }
        var organisation = new OrganisationEntity(request.name(), request.kind(), Instant.now(clock));
        em.persist(organisation);
        audit.record(
                actor,
                Action.ORGANISATION_CREATED,
                "organisations/" + organisation.id(),
                organisation.name() + "\n" + organisation.kind());
        return organisation.toRecord();
    }
}

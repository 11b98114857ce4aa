package org.clearroom.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.clearroom.audit.Action;
import org.clearroom.audit.boundary.AuditTrail;
import org.clearroom.identity.Account;
import org.clearroom.identity.Me;
import org.clearroom.identity.NewAccount;
import org.clearroom.identity.OrgKind;
import org.clearroom.identity.Role;
import org.clearroom.identity.control.Directory;
import org.clearroom.identity.control.Passwords;
import org.clearroom.identity.entity.AccountEntity;
import org.clearroom.identity.entity.Credential;
import org.clearroom.platform.control.Actor;
import org.clearroom.platform.control.Conflict;
import org.clearroom.platform.control.InvalidInput;
import org.clearroom.platform.control.NotAuthenticated;
import org.clearroom.platform.control.NotFound;

/** Accounts: the caller's own ({@link #me}) and, for operators, everyone's. */
@ApplicationScoped
@Transactional
public class Accounts {

    @PersistenceContext(unitName = "clearroom")
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    Passwords passwords;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public Me me(Actor actor) {
        return directory
                .account(actor.accountId())
                .filter(account -> !account.disabled())
                .map(AccountEntity::me)
                .orElseThrow(() -> new NotAuthenticated("the account is no longer active"));
    }

    public List<Account> list(Actor actor) {
        actor.require(Role.ADMIN);
        return directory.accounts().stream().map(AccountEntity::toRecord).toList();
    }

    public Account get(Actor actor, String id) {
        actor.require(Role.ADMIN);
        return directory.account(id).map(AccountEntity::toRecord).orElseThrow(() -> new NotFound("account " + id));
    }

    public Account create(Actor actor, NewAccount request) {
        actor.require(Role.ADMIN);
        var organisation = directory
                .organisation(request.organisationId())
                .orElseThrow(() -> new InvalidInput("organisationId", "no organisation has this id"));
        boolean operator = organisation.kind() == OrgKind.OPERATOR;
        if (request.roles() != null
                && request.roles().stream().distinct().count() < request.roles().size()) {
            throw new InvalidInput("roles", "names a role more than once");
        }
        if (request.roles() != null && !request.roles().isEmpty() && !operator) {
            throw new InvalidInput(
                    "roles", "ADMIN and COMPLIANCE are for accounts of the operators' organisation (kind OPERATOR)");
        }
        if (directory.accountNamed(request.username()).isPresent()) {
            throw new Conflict("username", "the username '" + request.username() + "' is taken");
        }
        var roles = request.roles() == null || request.roles().isEmpty()
                ? EnumSet.noneOf(Role.class)
                : EnumSet.copyOf(request.roles());
        var account = new AccountEntity(
                request.username(),
                request.displayName(),
                organisation,
                passwords.hash(request.password()),
                roles,
                Instant.now(clock));
        em.persist(account);
        audit.record(
                actor,
                Action.ACCOUNT_CREATED,
                "accounts/" + account.id(),
                account.username() + "\n" + organisation.id() + "\n" + roles);
        return account.toRecord();
    }

    /** Disabling ends every token and session of the account at once. */
    public Account setDisabled(Actor actor, String id, boolean disabled) {
        actor.require(Role.ADMIN);
        var account = directory.account(id).orElseThrow(() -> new NotFound("account " + id));
        if (disabled && id.equals(actor.accountId())) {
            throw new Conflict("disabled", "operators cannot disable their own account");
        }
        if (disabled ? account.disable() : account.enable()) {
            if (disabled) {
                var now = Instant.now(clock);
                em.createQuery("select c from Credential c where c.account = :account", Credential.class)
                        .setParameter("account", account)
                        .getResultList()
                        .forEach(credential -> credential.revoke(now));
            }
            audit.record(actor, disabled ? Action.ACCOUNT_DISABLED : Action.ACCOUNT_ENABLED, "accounts/" + id);
        }
        return account.toRecord();
    }
}

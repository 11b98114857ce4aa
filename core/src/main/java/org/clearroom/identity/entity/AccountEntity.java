package org.clearroom.identity.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.clearroom.identity.Account;
import org.clearroom.identity.Me;
import org.clearroom.identity.Role;
import org.clearroom.platform.control.Actor;
import org.clearroom.platform.entity.PersistentEntity;

@Entity
@Table(name = "account")
public class AccountEntity extends PersistentEntity {

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "organisation_id", nullable = false)
    private OrganisationEntity organisation;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(nullable = false)
    private boolean disabled;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 16)
    private Set<Role> roles = new HashSet<>();

    protected AccountEntity() {}

    public AccountEntity(
            String username,
            String displayName,
            OrganisationEntity organisation,
            String passwordHash,
            Set<Role> roles,
            Instant createdAt) {
        super(createdAt);
        this.username = Objects.requireNonNull(username, "an account has a username");
        this.displayName = Objects.requireNonNull(displayName, "an account has a display name")
                .strip();
        this.organisation = Objects.requireNonNull(organisation, "an account belongs to an organisation");
        this.passwordHash = Objects.requireNonNull(passwordHash, "an account has a password");
        this.roles = new HashSet<>(roles);
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean disabled() {
        return disabled;
    }

    public OrganisationEntity organisation() {
        return organisation;
    }

    /** @return whether this changed anything */
    public boolean disable() {
        boolean changed = !disabled;
        disabled = true;
        return changed;
    }

    /** @return whether this changed anything */
    public boolean enable() {
        boolean changed = disabled;
        disabled = false;
        return changed;
    }

    public Actor actor() {
        return new Actor(id(), username, organisation.id(), organisation.kind(), roles);
    }

    private List<Role> sortedRoles() {
        return roles.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(roles));
    }

    public Me me() {
        return new Me(id(), username, displayName, sortedRoles(), organisation.ref());
    }

    public Account toRecord() {
        return new Account(id(), username, displayName, organisation.ref(), sortedRoles(), disabled, createdAt());
    }
}

package org.clearroom.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.clearroom.identity.OrgKind;
import org.clearroom.identity.Organisation;
import org.clearroom.identity.OrganisationRef;
import org.clearroom.platform.entity.PersistentEntity;

@Entity
@Table(name = "organisation")
public class OrganisationEntity extends PersistentEntity {

    @Column(nullable = false, length = 120)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OrgKind kind;

    protected OrganisationEntity() {}

    public OrganisationEntity(String name, OrgKind kind, Instant createdAt) {
        super(createdAt);
        this.name = Objects.requireNonNull(name, "an organisation has a name").strip();
        this.kind = Objects.requireNonNull(kind, "an organisation has a kind");
    }

    public String name() {
        return name;
    }

    public OrgKind kind() {
        return kind;
    }

    public OrganisationRef ref() {
        return new OrganisationRef(id(), name, kind);
    }

    public Organisation toRecord() {
        return new Organisation(id(), name, kind, createdAt());
    }
}

package org.clearroom.identity;

public record OrganisationRef(String id, String name, OrgKind kind) {}

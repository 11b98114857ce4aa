package org.clearroom.identity;

import java.util.List;

/** The signed-in caller. */
public record Me(String id, String username, String displayName, List<Role> roles, OrganisationRef organisation) {}

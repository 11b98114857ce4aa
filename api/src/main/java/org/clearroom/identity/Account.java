package org.clearroom.identity;

import java.time.Instant;
import java.util.List;

public record Account(
        String id,
        String username,
        String displayName,
        OrganisationRef organisation,
        List<Role> roles,
        boolean disabled,
        Instant createdAt) {}

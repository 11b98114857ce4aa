package org.clearroom.access;

import java.time.Instant;

/** A grant of one permission on one resource ({@code rooms/{id}}) to one principal. */
public record Rule(
        String id, String resource, Principal principal, Permission permission, Instant expiresAt, Instant createdAt) {}

package org.clearroom.identity;

import java.time.Instant;

public record Organisation(String id, String name, OrgKind kind, Instant createdAt) {}

package org.clearroom.access;

import java.time.Instant;
import org.clearroom.platform.Required;

public record NewRule(@Required Principal principal, @Required Permission permission, Instant expiresAt) {}

package org.clearroom.access;

import org.clearroom.identity.OrgKind;
import org.clearroom.platform.Length;
import org.clearroom.platform.Required;

/** Whom a rule names: an organisation or an account (by {@code id}), or every organisation of a {@code kind}. */
public record Principal(@Required PrincipalType type, @Length(max = 64) String id, OrgKind kind) {}

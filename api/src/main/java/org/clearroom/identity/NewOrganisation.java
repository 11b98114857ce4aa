package org.clearroom.identity;

import org.clearroom.platform.Length;
import org.clearroom.platform.Required;

public record NewOrganisation(@Required @Length(max = 120) String name, @Required OrgKind kind) {}

package org.clearroom.identity;

import org.clearroom.platform.Length;
import org.clearroom.platform.Required;
import org.clearroom.platform.SingleLine;

public record NewOrganisation(@Required @SingleLine @Length(max = 120) String name, @Required OrgKind kind) {}

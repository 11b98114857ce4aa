package org.clearroom.forums;

import org.clearroom.platform.Length;
import org.clearroom.platform.Required;

/** Reports a post to the room's moderators; {@code text} is required for OTHER. */
public record NewFlag(@Required FlagReason reason, @Length(max = 1000) String text) {}

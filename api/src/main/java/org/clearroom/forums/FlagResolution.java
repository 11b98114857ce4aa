package org.clearroom.forums;

import org.clearroom.platform.Length;
import org.clearroom.platform.Required;
import org.clearroom.platform.SingleLine;

/** A moderator's decision on a flag; {@code note} becomes the hiding reason on HIDE. */
public record FlagResolution(@Required FlagOutcome outcome, @SingleLine @Length(max = 500) String note) {}

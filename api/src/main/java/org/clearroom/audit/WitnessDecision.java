package org.clearroom.audit;

import org.clearroom.platform.Length;
import org.clearroom.platform.Required;
import org.clearroom.platform.SingleLine;

/** Why an operator rejects a witness key; shown to its organisation and kept with the key. */
public record WitnessDecision(@Required @SingleLine @Length(max = 500) String reason) {}

package org.clearroom.rooms;

import org.clearroom.platform.Length;
import org.clearroom.platform.Required;
import org.clearroom.platform.SingleLine;

/** Placing a legal hold (COMPLIANCE): why, for the record. */
public record NewLegalHold(@Required @SingleLine @Length(max = 500) String reason) {}

package org.clearroom.rooms;

import org.clearroom.platform.Length;
import org.clearroom.platform.Required;

/** Placing a legal hold (COMPLIANCE): why, for the record. */
public record NewLegalHold(@Required @Length(max = 500) String reason) {}

package org.clearroom.audit;

import org.clearroom.platform.Length;
import org.clearroom.platform.Required;

/**
 * A witness's cosignature of the checkpoint of {@code checkpointSize}: {@code signature} is the whole
 * signature line {@code — <name> <base64>} or only its base64 (key id, timestamp, signature).
 */
public record NewCosignature(@Required Long checkpointSize, @Required @Length(max = 400) String signature) {}

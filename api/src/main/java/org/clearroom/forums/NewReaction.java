package org.clearroom.forums;

import org.clearroom.platform.Required;

/** Toggles the caller's reaction on a post. */
public record NewReaction(@Required Reaction reaction) {}

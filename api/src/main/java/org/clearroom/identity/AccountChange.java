package org.clearroom.identity;

import org.clearroom.platform.Required;

/** What an operator may change on an account: disabling it ends all of its tokens and sessions. */
public record AccountChange(@Required Boolean disabled) {}

package org.clearroom.identity;

import org.clearroom.platform.Length;
import org.clearroom.platform.Required;
import org.clearroom.platform.SingleLine;

/** Sign-in for an API token ({@code label} names the token in the owner's list) or a browser session. */
public record Credentials(
        @Required @SingleLine @Length(max = 64) String username,
        @Required @Length(max = 256) String password,
        @SingleLine @Length(max = 120) String label) {}

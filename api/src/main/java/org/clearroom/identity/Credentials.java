package org.clearroom.identity;

import org.clearroom.platform.Length;
import org.clearroom.platform.Required;

/** Sign-in for an API token ({@code label} names the token in the owner's list) or a browser session. */
public record Credentials(
        @Required @Length(max = 64) String username,
        @Required @Length(max = 256) String password,
        @Length(max = 120) String label) {}

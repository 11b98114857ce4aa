package org.clearroom.identity;

import java.util.List;
import org.clearroom.platform.Length;
import org.clearroom.platform.Matches;
import org.clearroom.platform.Required;
import org.clearroom.platform.SingleLine;

/** An account to create. Usernames are lower case letters, digits, dot, dash and underscore. */
public record NewAccount(
        @Required
                @Length(min = 3, max = 64)
                @Matches(
                        regexp = NewAccount.USERNAME,
                        description =
                                "lower case letters, digits, dot, dash and underscore, starting with a letter or digit")
                String username,
        @Required @SingleLine @Length(max = 120) String displayName,
        @Required @SingleLine @Length(max = 64) String organisationId,
        @Required @Length(min = 12, max = 256) String password,
        @Length(max = 2) List<Role> roles) {

    /** The grammar of usernames (their length is 3 to 64); sign-in compares in lower case against it. */
    public static final String USERNAME = "[a-z0-9][a-z0-9._-]*";
}

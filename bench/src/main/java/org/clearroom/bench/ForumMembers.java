package org.clearroom.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The people of a benchmark, made through the API by the bootstrap operator: one CARRIER
 * organisation with {@code n} accounts, each signed in with a bearer token. Tokens live in the
 * database, so they outlast a restart of the server.
 */
final class ForumMembers {

    static final String ADMIN = "admin";
    static final String PASSWORD = "forum-bench-password-1";

    final String adminToken;
    final String organisationId;
    final List<String> ids = new ArrayList<>();
    final List<String> usernames = new ArrayList<>();
    final List<String> tokens = new ArrayList<>();

    private ForumMembers(String adminToken, String organisationId) {
        this.adminToken = adminToken;
        this.organisationId = organisationId;
    }

    static ForumMembers create(ForumApi api, String adminPassword, String prefix, int n)
            throws IOException, InterruptedException {
        var admin = api.signIn(ADMIN, adminPassword);
        var organisation = api.createOrganisation(admin, "Bench Carrier " + prefix, "CARRIER");
        var members = new ForumMembers(admin, organisation);
        for (int i = 1; i <= n; i++) {
            var username = prefix + ".carrier" + i;
            members.ids.add(api.createAccount(admin, username, organisation, PASSWORD));
            members.usernames.add(username);
            members.tokens.add(api.signIn(username, PASSWORD));
        }
        return members;
    }

    int size() {
        return ids.size();
    }

    /** Everybody's username except member {@code i}'s: whom member i may mention. */
    List<String> othersThan(int i) {
        var others = new ArrayList<>(usernames);
        others.remove(i);
        return others;
    }
}

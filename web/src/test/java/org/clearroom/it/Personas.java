package org.clearroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clearroom.audit.CosignerKey;
import org.clearroom.audit.Ed25519;

/**
 * The accounts {@link AuthorizationMatrixIT} calls as, built once per run: the owning carrier with its
 * members, an organisation of each other kind, the operators, and the accounts whose credentials no
 * longer work. Also what only needs to exist once: the owning carrier's approved witness key (an
 * approved key is never retired, so there is one per organisation for good) and the secret words that
 * name rooms and fill their content, which nobody without a rule may ever read.
 */
final class Personas implements AutoCloseable {

    /** An account, and the token it calls with. */
    static final class Caller {
        final String id;
        final String username;
        final String organisation;
        final String password;
        String credential;
        String token;

        Caller(String id, String username, String organisation, String password) {
            this.id = id;
            this.username = username;
            this.organisation = organisation;
            this.password = password;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Api api;

    /** The server's database, for what the API does not tell: whose token still works, which keys are pending. */
    final Connection database;

    private final Map<Persona, Caller> callers = new EnumMap<>(Persona.class);

    /** The owning carrier. */
    final String organisation;

    /** An organisation without members that rules may name. */
    final String bystander;

    /** A member of the owning carrier who is no persona: flags, replies and is signed in by the sign-in rows. */
    final Caller spare;

    /** Words nobody without a rule on a room may find in an answer: rooms are named with one, content holds the other. */
    final String roomWord = word(10);

    final String contentWord = word(10);

    /** The owning carrier's approved witness key. */
    final KeyPair witnessKeys = Ed25519.generate();

    final CosignerKey witnessKey;
    final String witnessId;

    Personas(Api api) throws SQLException {
        this.api = api;
        this.database = ClearroomDeployment.database();
        var issued = issue("admin", TestDatabase.ADMIN_PASSWORD);
        var me = api.get("api/me", issued.getString("token")).json();
        var admin = new Caller(
                me.getString("id"),
                "admin",
                me.getJsonObject("organisation").getString("id"),
                TestDatabase.ADMIN_PASSWORD);
        admin.credential = issued.getString("id");
        admin.token = issued.getString("token");
        callers.put(Persona.ADMIN, admin);
        var operators = admin.organisation;

        organisation = organisation("Matrix carrier", "CARRIER");
        bystander = organisation("Matrix bystander", "OBSERVER");
        var peers = organisation("Matrix peer carrier", "CARRIER");
        var regulators = organisation("Matrix regulator", "REGULATOR");
        var vendors = organisation("Matrix vendor", "VENDOR");
        var moderators = organisation("Matrix moderators", "VENDOR");
        var observers = organisation("Matrix observer", "OBSERVER");

        add(Persona.AUTHOR, organisation);
        add(Persona.MEMBER, organisation);
        add(Persona.PEER, peers);
        add(Persona.REGULATOR, regulators);
        add(Persona.VENDOR, vendors);
        add(Persona.MODERATOR, moderators);
        add(Persona.COMPLIANCE, operators, "COMPLIANCE");
        add(Persona.DISABLED, organisation);
        add(Persona.REVOKED, organisation);
        add(Persona.EXPIRED, observers);
        spare = account("spare", organisation);
        signIn(spare);

        // a disabled account presents the token it had before; a revoked token is presented by its account
        var disabled = callers.get(Persona.DISABLED);
        var disabling = api.patch("api/accounts/" + disabled.id, token(Persona.ADMIN), "{\"disabled\":true}");
        assertThat(disabling.status()).as("disable: %s", disabling).isEqualTo(200);
        var revoked = callers.get(Persona.REVOKED);
        var revoking = api.delete("api/auth/tokens/" + revoked.credential, revoked.token);
        assertThat(revoking.status()).as("revoke: %s", revoking).isEqualTo(204);
        for (var dead : List.of(disabled, revoked)) {
            assertThat(api.get("api/me", dead.token).status()).isEqualTo(401);
        }

        var author = callers.get(Persona.AUTHOR);
        witnessKey = CosignerKey.of("witness." + word(8) + ".example/w1", witnessKeys.getPublic());
        var registered = api.post("api/audit/witnesses", author.token, Api.object("vkey", witnessKey.encoded()));
        assertThat(registered.status()).as("register: %s", registered).isEqualTo(201);
        witnessId = registered.json().getString("id");
        var approved = api.post("api/audit/witnesses/" + witnessId + "/approve", token(Persona.ADMIN), "");
        assertThat(approved.status()).as("approve: %s", approved).isEqualTo(200);
    }

    /** The persona's token: none for the anonymous, a dead one for the disabled and the revoked. */
    String token(Persona persona) {
        var caller = callers.get(persona);
        return caller == null ? null : caller.token;
    }

    Caller caller(Persona persona) {
        return callers.get(persona);
    }

    /** Random lower-case letters: one word to PostgreSQL's full-text search, and unlike anything else in an answer. */
    static String word(int letters) {
        var word = new StringBuilder(letters);
        for (int i = 0; i < letters; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    String organisation(String name, String kind) {
        return api.createOrganisation(token(Persona.ADMIN), name + " " + word(6), kind);
    }

    /** A new account, not signed in. */
    Caller account(String name, String organisation, String... roles) {
        var username = Api.unique("matrix-" + name).toLowerCase(Locale.ROOT);
        return new Caller(
                api.createAccount(token(Persona.ADMIN), username, organisation, roles),
                username,
                organisation,
                Api.PASSWORD);
    }

    /** Signs {@code caller} in with a new token, which it calls with from now on. */
    void signIn(Caller caller) {
        var issued = issue(caller.username, caller.password);
        caller.credential = issued.getString("id");
        caller.token = issued.getString("token");
    }

    /** A new token: {@code {id, token, expiresAt}}. */
    JsonObject issue(String username, String password) {
        var reply = api.post("api/auth/tokens", null, Api.object("username", username, "password", password));
        assertThat(reply.status()).as("sign-in of %s: %s", username, reply).isEqualTo(201);
        return reply.json();
    }

    private void add(Persona persona, String organisation, String... roles) {
        var caller = account(persona.column(), organisation, roles);
        signIn(caller);
        callers.put(persona, caller);
    }

    /**
     * Signs in again every persona (and the spare member) whose token an allowed call ended, such as
     * signing out; answers who that was, so that a call that ends someone else's token is found out.
     */
    List<Persona> renewEndedTokens() throws SQLException {
        var live = new ArrayList<Caller>();
        callers.forEach((persona, caller) -> {
            if (persona.credentials == Persona.Credentials.LIVE) {
                live.add(caller);
            }
        });
        live.add(spare);
        var ended = new ArrayList<String>();
        try (var query = database.prepareStatement("select id from credential where id = any(?)"
                + " and (revoked_at is not null or expires_at <= now())")) {
            query.setArray(
                    1,
                    database.createArrayOf(
                            "varchar", live.stream().map(c -> c.credential).toArray()));
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    ended.add(rs.getString(1));
                }
            }
        }
        var personas = new ArrayList<Persona>();
        for (var caller : live) {
            if (ended.contains(caller.credential)) {
                signIn(caller);
                callers.forEach((persona, known) -> {
                    if (known == caller) {
                        personas.add(persona);
                    }
                });
            }
        }
        return personas;
    }

    /**
     * An organisation holds one live witness key: an allowed registration leaves one behind, which would
     * turn the next registration of that organisation into a 409. Rejects those keys, as an operator would.
     */
    void rejectPendingWitnessKeys() throws SQLException {
        var organisations = callers.values().stream()
                .map(caller -> caller.organisation)
                .distinct()
                .toList();
        var pending = new ArrayList<String>();
        try (var query = database.prepareStatement(
                "select id from witness where status = 'PENDING' and organisation_id = any(?)")) {
            query.setArray(1, database.createArrayOf("varchar", organisations.toArray()));
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    pending.add(rs.getString(1));
                }
            }
        }
        for (var id : pending) {
            var rejected = api.post(
                    "api/audit/witnesses/" + id + "/reject",
                    token(Persona.ADMIN),
                    Api.object("reason", "matrix: one live key per organisation"));
            assertThat(rejected.status()).as("reject: %s", rejected).isEqualTo(200);
        }
    }

    @Override
    public void close() throws SQLException {
        database.close();
    }
}

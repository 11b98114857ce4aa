package org.clearroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.io.StringReader;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.clearroom.platform.boundary.Schema;
import org.junit.jupiter.api.Test;

/** Every exchange is recorded in the same transaction as its change, and the trail is append-only. */
class AuditIT extends ClearroomDeployment {

    private record Entry(
            String actorAccount,
            String actorOrganisation,
            String action,
            String resource,
            String digest,
            String client,
            String canonical) {}

    private static List<Entry> entriesOf(String requestId) throws SQLException {
        try (var connection = database();
                var statement = connection.prepareStatement(
                        "select actor_account, actor_organisation, action, resource, content_digest, client_address, canonical"
                                + " from audit_entry where request_id = ? order by position")) {
            statement.setString(1, requestId);
            try (var rs = statement.executeQuery()) {
                var entries = new ArrayList<Entry>();
                while (rs.next()) {
                    entries.add(new Entry(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7)));
                }
                return entries;
            }
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aChangeIsRecordedWithActorRequestClientAndContentDigest() throws Exception {
        var admin = api.admin();
        var adminMe = api.get("api/me", admin).json();
        var requestId = "audit-" + UUID.randomUUID();
        var name = Api.unique("Recorded");

        var reply = api.request("POST", "api/organisations")
                .bearer(admin)
                .header("X-Request-Id", requestId)
                .json(Api.object("name", name, "kind", "VENDOR"))
                .send();
        assertThat(reply.status()).isEqualTo(201);
        var id = reply.json().getString("id");

        var entries = entriesOf(requestId);
        assertThat(entries).hasSize(1);
        var entry = entries.get(0);
        assertThat(entry.action()).isEqualTo("ORGANISATION_CREATED");
        assertThat(entry.resource()).isEqualTo("organisations/" + id);
        assertThat(entry.actorAccount()).isEqualTo(adminMe.getString("id"));
        assertThat(entry.actorOrganisation())
                .isEqualTo(adminMe.getJsonObject("organisation").getString("id"));
        assertThat(entry.client()).isNotBlank();
        assertThat(entry.digest()).isEqualTo(sha256(name + "\nVENDOR"));

        var canonical = Json.createReader(new StringReader(entry.canonical())).readObject();
        assertThat(canonical.getString("action")).isEqualTo("ORGANISATION_CREATED");
        assertThat(canonical.getString("requestId")).isEqualTo(requestId);
        assertThat(canonical.getString("digest")).isEqualTo("sha256:" + entry.digest());
        assertThat(canonical.getJsonObject("actor").getString("account")).isEqualTo(entry.actorAccount());
        assertThat(entry.canonical()).doesNotContain(name).doesNotContain(" :").startsWith("{\"action\":");
    }

    @Test
    void everyKindOfChangeLeavesItsEntry() throws Exception {
        var admin = api.admin();
        var org = api.createOrganisation(admin, Api.unique("Org"), "CARRIER");
        var username = Api.unique("member").toLowerCase();
        var account = api.createAccount(admin, username, org);
        var room = api.createRoom(admin, Api.unique("Room"), "FORUM");
        var rule = api.grant(admin, room, "ORGANISATION", org, "VIEW");
        assertThat(api.delete("api/rooms/" + room + "/rules/" + rule, admin).status())
                .isEqualTo(204);
        assertThat(api.patch("api/accounts/" + account, admin, "{\"disabled\":true}")
                        .status())
                .isEqualTo(200);
        assertThat(api.patch("api/accounts/" + account, admin, "{\"disabled\":false}")
                        .status())
                .isEqualTo(200);
        var token = api.signIn(username, Api.PASSWORD);
        var tokenId = api.get("api/auth/tokens", token).array().getJsonObject(0).getString("id");
        assertThat(api.delete("api/auth/tokens/" + tokenId, token).status()).isEqualTo(204);

        assertThat(count(
                        "select count(*) from audit_entry where action = 'ORGANISATION_CREATED' and resource = ?",
                        "organisations/" + org))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_entry where action = 'ACCOUNT_CREATED' and resource = ?",
                        "accounts/" + account))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_entry where action = 'ROOM_CREATED' and resource = ?",
                        "rooms/" + room))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_entry where action = 'RULE_GRANTED' and resource = ?",
                        "rules/" + rule))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_entry where action = 'RULE_REVOKED' and resource = ?",
                        "rules/" + rule))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_entry where action in ('ACCOUNT_DISABLED', 'ACCOUNT_ENABLED') and resource = ?",
                        "accounts/" + account))
                .isEqualTo(2);
        assertThat(count("select count(*) from audit_entry where action = 'SIGN_IN' and actor_account = ?", account))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_entry where action = 'TOKEN_REVOKED' and resource = ?",
                        "tokens/" + tokenId))
                .isEqualTo(1);
    }

    /** A harmless change per append-only table, refused all the same. */
    private static final Map<String, String> UNCHANGING_UPDATES = Map.of(
            "audit_entry", "update audit_entry set action = action",
            "ledger_leaf", "update ledger_leaf set leaf_hash = leaf_hash",
            "ledger_node", "update ledger_node set hash = hash",
            "ledger_checkpoint", "update ledger_checkpoint set note = note",
            "cosignature", "update cosignature set signed_at = signed_at");

    @Test
    void theServersLoginCanOnlyAppendToTheAuditAndLedgerTablesWhateverRoleItTakes() throws Exception {
        api.admin(); // entries exist
        long entries = count("select count(*) from audit_entry");
        try (var connection = database();
                var statement = connection.createStatement()) {
            try (var rs = statement.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
                rs.next();
                assertThat(rs.getBoolean(1))
                        .as("the server's login is no superuser")
                        .isFalse();
            }
            assertThat(count(
                            "select count(*) from pg_tables where schemaname = 'public' and tableowner = ?",
                            System.getProperty("clearroom.test.db.user")))
                    .as("the server's login owns no table")
                    .isZero();
            // every role the login is, or may become with SET ROLE
            var roles = new ArrayList<String>();
            try (var rs = statement.executeQuery("with recursive member_of(oid) as (select oid from pg_roles"
                    + " where rolname = current_user union select m.roleid from pg_auth_members m join member_of"
                    + " on m.member = member_of.oid) select r.rolname from member_of join pg_roles r on r.oid ="
                    + " member_of.oid")) {
                while (rs.next()) {
                    roles.add(rs.getString(1));
                }
            }
            assertThat(roles).contains(System.getProperty("clearroom.test.db.user"));
            for (var role : roles) {
                statement.execute("set role \"" + role + "\"");
                for (var table : Schema.APPEND_ONLY) {
                    for (var sql : List.of(
                            UNCHANGING_UPDATES.get(table),
                            "delete from " + table,
                            "truncate " + table + " cascade",
                            "alter table " + table + " disable trigger user",
                            "alter table " + table + " owner to \"" + role + "\"")) {
                        assertThatThrownBy(() -> statement.execute(sql))
                                .as("%s as %s", sql, role)
                                .isInstanceOfSatisfying(SQLException.class, refused -> assertThat(refused.getSQLState())
                                        .isEqualTo("42501"));
                    }
                }
                assertThatThrownBy(() -> statement.execute("set session_replication_role = replica"))
                        .as("bypassing every trigger is for superusers")
                        .isInstanceOfSatisfying(SQLException.class, refused -> assertThat(refused.getSQLState())
                                .isEqualTo("42501"));
                statement.execute("reset role");
            }
        }
        assertThat(count("select count(*) from audit_entry")).isGreaterThanOrEqualTo(entries);
    }

    @Test
    void evenTheSchemasOwnerCannotChangeThemWhileTheirTriggersStand() throws Exception {
        api.admin();
        try (var connection = owner();
                var statement = connection.createStatement()) {
            for (var table : List.of("audit_entry", "ledger_leaf", "ledger_node", "ledger_checkpoint")) {
                for (var sql : List.of(
                        UNCHANGING_UPDATES.get(table), "delete from " + table, "truncate " + table + " cascade")) {
                    assertThatThrownBy(() -> statement.execute(sql))
                            .as(sql)
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining("append-only");
                }
            }
        }
    }

    @Test
    void aChangeThatRollsBackAfterItWasRecordedLeavesNoEntry() throws Exception {
        // a fault injected at commit, after the boundary has written the post and recorded it
        var admin = api.admin();
        var organisation = api.createOrganisation(admin, Api.unique("Faulty"), "CARRIER");
        var forum = new Forum(api);
        var author = forum.member(admin, "faulty", organisation);
        var room = api.createRoom(admin, Api.unique("Faults"), "FORUM");
        api.grant(admin, room, "ORGANISATION", organisation, "CONTRIBUTE");
        var thread = forum.openThread(author, room, "Fault injection");
        var marker = "FAIL-AT-COMMIT-" + UUID.randomUUID();
        var fault = "it_fault_" + UUID.randomUUID().toString().replace("-", "");
        try (var connection = owner();
                var statement = connection.createStatement()) {
            statement.execute("create function " + fault + "() returns trigger language plpgsql as $$ begin"
                    + " if new.body like '%" + marker + "%' then raise exception 'injected fault'; end if;"
                    + " return null; end $$");
            statement.execute("create constraint trigger " + fault + " after insert on forum_post deferrable initially"
                    + " deferred for each row execute function " + fault + "()");
        }
        try {
            var calls = new ArrayList<Callable<Reply>>();
            var requestIds = new ArrayList<String>();
            for (int i = 0; i < 12; i++) {
                var requestId = "fault-" + UUID.randomUUID();
                requestIds.add(requestId);
                var body = i % 2 == 0 ? "reply " + i + " " + marker : "reply " + i;
                calls.add(() -> api.request("POST", "api/threads/" + thread + "/posts")
                        .bearer(author.token())
                        .header("X-Request-Id", requestId)
                        .json(Api.object("body", body))
                        .send());
            }
            var pool = Executors.newFixedThreadPool(6);
            var replies = new ArrayList<Reply>();
            try {
                for (var future : pool.invokeAll(calls)) {
                    replies.add(future.get());
                }
            } finally {
                pool.shutdown();
            }
            for (int i = 0; i < replies.size(); i++) {
                var actions =
                        entriesOf(requestIds.get(i)).stream().map(Entry::action).toList();
                if (i % 2 == 0) {
                    assertThat(replies.get(i).status()).as("%s", replies.get(i)).isEqualTo(500);
                    assertThat(actions).as("rolled back at commit: no entry").isEmpty();
                } else {
                    assertThat(replies.get(i).status()).as("%s", replies.get(i)).isEqualTo(201);
                    assertThat(actions).contains("POST_CREATED");
                }
            }
            assertThat(count("select count(*) from forum_post where body like ?", "%" + marker + "%"))
                    .isZero();
            // counted against the changes, under concurrency: one entry per stored post, no more, no less
            assertThat(count("select count(*) from forum_post where thread_id = ?", thread))
                    .isEqualTo(count(
                            "select count(*) from audit_entry e where e.action = 'POST_CREATED' and exists"
                                    + " (select 1 from forum_post p where 'posts/' || p.id = e.resource and p.thread_id = ?)",
                            thread))
                    .isEqualTo(1 + 6);
            assertThat(count(
                            "select count(*) from audit_entry where action = 'POST_CREATED' and request_id = any(?)",
                            (Object) requestIds.toArray(String[]::new)))
                    .isEqualTo(6);
        } finally {
            try (var connection = owner();
                    var statement = connection.createStatement()) {
                statement.execute("drop trigger " + fault + " on forum_post");
                statement.execute("drop function " + fault + "()");
            }
        }
    }

    @Test
    void aRaceThatOnlyOneCanWinRecordsOnlyTheWinner() throws Exception {
        var admin = api.admin();
        var name = Api.unique("Contested");
        int attempts = 8;
        var requestIds = new ArrayList<String>();
        var calls = new ArrayList<Callable<Reply>>();
        for (int i = 0; i < attempts; i++) {
            var requestId = "race-" + UUID.randomUUID();
            requestIds.add(requestId);
            calls.add(() -> api.request("POST", "api/organisations")
                    .bearer(admin)
                    .header("X-Request-Id", requestId)
                    .json(Api.object("name", name, "kind", "CARRIER"))
                    .send());
        }
        var pool = Executors.newFixedThreadPool(attempts);
        List<Reply> replies = new ArrayList<>();
        try {
            for (var future : pool.invokeAll(calls)) {
                replies.add(future.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() == 409).hasSize(attempts - 1);
        for (int i = 0; i < attempts; i++) {
            var entries = entriesOf(requestIds.get(i));
            if (replies.get(i).status() == 201) {
                assertThat(entries).extracting(Entry::action).containsExactly("ORGANISATION_CREATED");
            } else {
                assertThat(entries)
                        .as("a refused or rolled-back change leaves no entry")
                        .isEmpty();
            }
        }
        assertThat(count("select count(*) from organisation where name = ?", name))
                .isEqualTo(1);
    }

    @Test
    void noEntryExistsWithoutItsChange() throws Exception {
        var admin = api.admin();
        api.createRoom(admin, Api.unique("Checked"), "DOCUMENTS");
        assertThat(count("select count(*) from audit_entry e where e.action = 'ORGANISATION_CREATED'"
                        + " and not exists (select 1 from organisation o where 'organisations/' || o.id = e.resource)"))
                .isZero();
        assertThat(count("select count(*) from audit_entry e where e.action = 'ACCOUNT_CREATED'"
                        + " and not exists (select 1 from account a where 'accounts/' || a.id = e.resource)"))
                .isZero();
        assertThat(count("select count(*) from audit_entry e where e.action = 'ROOM_CREATED'"
                        + " and not exists (select 1 from room r where 'rooms/' || r.id = e.resource)"))
                .isZero();
        assertThat(count("select count(*) from audit_entry e where e.action = 'RULE_GRANTED'"
                        + " and not exists (select 1 from access_rule r where 'rules/' || r.id = e.resource)"))
                .isZero();
        assertThat(
                        count(
                                "select count(*) from organisation o where not exists"
                                        + " (select 1 from audit_entry e where e.resource = 'organisations/' || o.id and e.action = 'ORGANISATION_CREATED')"))
                .as("and no change exists without its entry")
                .isZero();
    }

    @Test
    void explainingAccessIsItselfRecorded() throws Exception {
        var admin = api.admin();
        var room = api.createRoom(admin, Api.unique("Explained"), "FORUM");
        var me = api.get("api/me", admin).json().getString("id");
        var requestId = "explain-" + UUID.randomUUID();
        var reply = api.request("GET", "api/access/explain?account=" + me + "&permission=VIEW&resource=rooms/" + room)
                .bearer(admin)
                .header("X-Request-Id", requestId)
                .send();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(entriesOf(requestId)).extracting(Entry::action).containsExactly("ACCESS_EXPLAINED");
    }
}

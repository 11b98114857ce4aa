package org.clearroom.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What the forum tests ({@link ForumsIT}, {@link ForumModerationIT}) share: members, threads, posts and
 * replies over HTTP, and the JSON, problem and audit checks around them.
 */
final class Forum {

    /** A signed-in account. */
    record Member(String id, String username, String token) {}

    private final Api api;

    Forum(Api api) {
        this.api = api;
    }

    // --- members, threads and posts ------------------------------------------------------------------

    /** A new account of {@code organisation}, created by the administrator and signed in. */
    Member member(String adminToken, String name, String organisation, String... roles) {
        var username = Api.unique(name).toLowerCase(Locale.ROOT);
        var id = api.createAccount(adminToken, username, organisation, roles);
        return new Member(id, username, api.signIn(username, Api.PASSWORD));
    }

    Reply tryOpen(Member who, String room, String title, String body) {
        return api.post("api/rooms/" + room + "/threads", who.token(), json("title", title, "body", body));
    }

    /** Opens a thread and answers {@code {thread, firstPost}}. */
    JsonObject open(Member who, String room, String title, String body) {
        var reply = tryOpen(who, room, title, body);
        assertThat(reply.status()).as("open thread: %s", reply).isEqualTo(201);
        return reply.json();
    }

    /** Opens a thread and answers its id. */
    String openThread(Member who, String room, String title) {
        return open(who, room, title, "First post of " + title)
                .getJsonObject("thread")
                .getString("id");
    }

    Reply tryReply(Member who, String thread, String body) {
        return api.post("api/threads/" + thread + "/posts", who.token(), json("body", body));
    }

    JsonObject reply(Member who, String thread, String body) {
        var reply = tryReply(who, thread, body);
        assertThat(reply.status()).as("reply: %s", reply).isEqualTo(201);
        return reply.json();
    }

    JsonObject getPost(Member who, String post) {
        var reply = api.get("api/posts/" + post, who.token());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    JsonObject thread(Member who, String thread) {
        var reply = api.get("api/threads/" + thread, who.token());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    // --- JSON ----------------------------------------------------------------------------------------

    /** A JSON object from alternating names and string values, leaving out null values. */
    static String json(String... namesAndValues) {
        var builder = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                builder.add(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return builder.build().toString();
    }

    /** A string member, or null when it is absent or JSON null. */
    static String text(JsonObject object, String name) {
        return object.containsKey(name) && !object.isNull(name) ? object.getString(name) : null;
    }

    static Instant instant(JsonObject object, String name) {
        var value = text(object, name);
        assertThat(value).as("%s of %s", name, object).isNotNull();
        return OffsetDateTime.parse(value).toInstant();
    }

    static List<JsonObject> items(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return items(reply.json());
    }

    static List<JsonObject> items(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class);
    }

    static List<String> ids(List<JsonObject> objects) {
        return objects.stream().map(o -> o.getString("id")).toList();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, UTF_8).replace("+", "%20");
    }

    // --- problems ------------------------------------------------------------------------------------

    static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.json().getInt("status")).as(reply.toString()).isEqualTo(status);
        assertThat(reply.body()).doesNotContain("Exception", "\tat ");
    }

    /** The fields a problem names in its {@code errors}; empty when it names none. */
    static List<String> fields(Reply reply) {
        var json = reply.json();
        if (!json.containsKey("errors") || json.isNull("errors")) {
            return List.of();
        }
        return json.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .toList();
    }

    // --- audit ---------------------------------------------------------------------------------------

    static long audits(String action, String resource) throws SQLException {
        return ClearroomDeployment.count(
                "select count(*) from audit_entry where action = ? and resource = ?", action, resource);
    }

    static long auditsBy(String action, String resource, Member actor) throws SQLException {
        return ClearroomDeployment.count(
                "select count(*) from audit_entry where action = ? and resource = ? and actor_account = ?",
                action,
                resource,
                actor.id());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

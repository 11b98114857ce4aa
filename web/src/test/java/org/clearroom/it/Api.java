package org.clearroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for the black-box tests, with the fixtures every test builds on. */
public final class Api {

    private final URI base;
    /**
     * HTTP/1.1, as browsers and proxies speak to the server: Payara's cleartext HTTP/2 (h2c) breaks a
     * connection after one request with large headers (see docs/configuration.md).
     */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public Api(URL base) {
        var text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public Request request(String method, String path) {
        return new Request(method, path);
    }

    public Reply get(String path, String token) {
        return request("GET", path).bearer(token).send();
    }

    public Reply post(String path, String token, String json) {
        return request("POST", path).bearer(token).json(json).send();
    }

    public Reply patch(String path, String token, String json) {
        return request("PATCH", path).bearer(token).json(json).send();
    }

    public Reply delete(String path, String token) {
        return request("DELETE", path).bearer(token).send();
    }

    /** A bearer token for {@code username}, asserting that sign-in works. */
    public String signIn(String username, String password) {
        var reply = post("api/auth/tokens", null, object("username", username, "password", password));
        assertThat(reply.status()).as("sign-in of %s: %s", username, reply).isEqualTo(201);
        return reply.json().getString("token");
    }

    public String admin() {
        return signIn("admin", TestDatabase.ADMIN_PASSWORD);
    }

    /** The operators' organisation (kind OPERATOR), where ADMIN and COMPLIANCE accounts belong. */
    public String operators(String adminToken) {
        var me = get("api/me", adminToken);
        assertThat(me.status()).as("who is the operator: %s", me).isEqualTo(200);
        return me.json().getJsonObject("organisation").getString("id");
    }

    /** A new COMPLIANCE account in the operators' organisation, signed in: its token. */
    public String complianceOfficer(String adminToken) {
        var username = unique("officer").toLowerCase(java.util.Locale.ROOT);
        createAccount(adminToken, username, operators(adminToken), "COMPLIANCE");
        return signIn(username, PASSWORD);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String createOrganisation(String adminToken, String name, String kind) {
        var reply = post("api/organisations", adminToken, object("name", name, "kind", kind));
        assertThat(reply.status()).as("create organisation: %s", reply).isEqualTo(201);
        return reply.json().getString("id");
    }

    /** Creates an account whose password is {@link #PASSWORD} and returns its id. */
    public String createAccount(String adminToken, String username, String organisationId, String... roles) {
        var roleList = Json.createArrayBuilder();
        for (var role : roles) {
            roleList.add(role);
        }
        var body = Json.createObjectBuilder()
                .add("username", username)
                .add("displayName", "Tester " + username)
                .add("organisationId", organisationId)
                .add("password", PASSWORD)
                .add("roles", roleList)
                .build();
        var reply = post("api/accounts", adminToken, body.toString());
        assertThat(reply.status()).as("create account: %s", reply).isEqualTo(201);
        return reply.json().getString("id");
    }

    public static final String PASSWORD = "correct horse battery";

    public String createRoom(String adminToken, String name, String kind) {
        var reply = post("api/rooms", adminToken, object("name", name, "kind", kind));
        assertThat(reply.status()).as("create room: %s", reply).isEqualTo(201);
        return reply.json().getString("id");
    }

    public String grant(String token, String roomId, String principalType, String principal, String permission) {
        var principalJson = Json.createObjectBuilder().add("type", principalType);
        principalJson.add(principalType.equals("ORG_KIND") ? "kind" : "id", principal);
        var body = Json.createObjectBuilder()
                .add("principal", principalJson)
                .add("permission", permission)
                .build();
        var reply = post("api/rooms/" + roomId + "/rules", token, body.toString());
        assertThat(reply.status()).as("grant: %s", reply).isEqualTo(201);
        return reply.json().getString("id");
    }

    /** A JSON object from alternating names and string values. */
    public static String object(String... namesAndValues) {
        Map<String, String> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        var builder = Json.createObjectBuilder();
        members.forEach(builder::add);
        JsonObject object = builder.build();
        return object.toString();
    }

    public final class Request {
        private final HttpRequest.Builder builder;
        private final String method;
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Request(String method, String path) {
            this.method = method;
            this.builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        }

        public Request bearer(String token) {
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            return this;
        }

        public Request header(String name, String value) {
            builder.header(name, value);
            return this;
        }

        public Request json(String json) {
            builder.header("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString(json);
            return this;
        }

        /** A body sent without any Content-Type header. */
        public Request bodyWithoutType(String text) {
            body = HttpRequest.BodyPublishers.ofString(text);
            return this;
        }

        /** A body of exactly these bytes, whatever they encode. */
        public Request bytes(String contentType, byte[] bytes) {
            builder.header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            return this;
        }

        public Request body(String contentType, String text) {
            builder.header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofString(text);
            return this;
        }

        public Reply send() {
            try {
                var response = http.send(builder.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(method + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

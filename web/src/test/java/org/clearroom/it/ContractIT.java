package org.clearroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.clearroom.client.ApiClient;
import org.clearroom.client.ApiException;
import org.clearroom.client.api.ForumsApi;
import org.clearroom.client.api.IdentityApi;
import org.clearroom.client.api.RoomsApi;
import org.clearroom.client.model.Credentials;
import org.clearroom.client.model.NewAccount;
import org.clearroom.client.model.NewOrganisation;
import org.clearroom.client.model.NewPost;
import org.clearroom.client.model.NewRoom;
import org.clearroom.client.model.NewRule;
import org.clearroom.client.model.NewThread;
import org.clearroom.client.model.OrgKind;
import org.clearroom.client.model.Permission;
import org.clearroom.client.model.Principal;
import org.clearroom.client.model.PrincipalType;
import org.clearroom.client.model.Problem;
import org.clearroom.client.model.Role;
import org.clearroom.client.model.RoomKind;
import org.junit.jupiter.api.Test;

/**
 * The published contract works for the clients other organisations generate from it: a Java client
 * generated at build time from the document the build wrote (see web/pom.xml) talks to the server, and
 * the server's {@code /openapi} is that same document.
 */
class ContractIT extends ClearroomDeployment {

    private ApiClient client(String token) {
        var client = new ApiClient();
        client.updateBaseUri(api.uri("/").toString().replaceFirst("/$", ""));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private String signIn(String username, String password) throws ApiException {
        var issued = new IdentityApi(client(null))
                .authCreateToken(
                        new Credentials().username(username).password(password).label("contract"));
        assertThat(issued.getExpiresAt()).isNotNull();
        return issued.getToken();
    }

    @Test
    void aGeneratedClientSignsInOpensAThreadAndReadsItBack() throws ApiException {
        var admin = client(signIn("admin", TestDatabase.ADMIN_PASSWORD));
        var operator = new IdentityApi(admin).meMe();
        assertThat(operator.getRoles()).contains(Role.ADMIN);

        var carrier = new IdentityApi(admin)
                .organisationsCreate(
                        new NewOrganisation().name(Api.unique("Carrier")).kind(OrgKind.CARRIER));
        var username = Api.unique("clara").toLowerCase();
        new IdentityApi(admin)
                .accountsCreate(new NewAccount()
                        .username(username)
                        .displayName("Clara Contract")
                        .organisationId(carrier.getId())
                        .password(Api.PASSWORD));
        var room = new RoomsApi(admin)
                .roomsCreate(new NewRoom().name(Api.unique("Contract")).kind(RoomKind.FORUM));
        new RoomsApi(admin)
                .roomsGrant(
                        room.getId(),
                        new NewRule()
                                .principal(new Principal()
                                        .type(PrincipalType.ORGANISATION)
                                        .id(carrier.getId()))
                                .permission(Permission.CONTRIBUTE));

        var clara = client(signIn(username, Api.PASSWORD));
        var me = new IdentityApi(clara).meMe();
        assertThat(me.getUsername()).isEqualTo(username);
        assertThat(me.getOrganisation().getKind()).isEqualTo(OrgKind.CARRIER);

        var opened = new RoomsApi(clara)
                .roomsOpen(room.getId(), new NewThread().title("Firmware 4.2").body("Seen a **TLS downgrade**?"));
        var reply = new ForumsApi(clara).threadsReply(opened.getThread().getId(), new NewPost().body("Not yet."));
        var thread = new ForumsApi(clara).threadsGet(opened.getThread().getId());
        assertThat(thread.getTitle()).isEqualTo("Firmware 4.2");
        assertThat(thread.getPosts()).isEqualTo(2);
        var posts = new ForumsApi(clara).threadsPosts(thread.getId(), "oldest", 10, null);
        assertThat(posts.getItems())
                .extracting(post -> post.getId())
                .containsExactly(opened.getFirstPost().getId(), reply.getId());
        assertThat(posts.getItems().get(0).getHtml()).contains("<strong>TLS downgrade</strong>");
        assertThat(new RoomsApi(clara).roomsList(null))
                .extracting(r -> r.getId())
                .contains(room.getId());
    }

    @Test
    void problemsReachTheGeneratedClientAsDocumented() throws IOException {
        var anonymous = client(null);
        var refused = catchThrowableOfType(ApiException.class, () -> new IdentityApi(anonymous).meMe());
        assertThat(refused.getCode()).isEqualTo(401);
        var problem = anonymous.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(401);
        assertThat(problem.getType()).isNotBlank();

        var invalid = catchThrowableOfType(
                ApiException.class, () -> new IdentityApi(anonymous).authCreateToken(new Credentials().password("x")));
        assertThat(invalid.getCode()).isEqualTo(400);
        var fields = anonymous.getObjectMapper().readValue(invalid.getResponseBody(), Problem.class);
        assertThat(fields.getErrors()).extracting(e -> e.getField()).containsExactly("username");
    }

    @Test
    void oversizedBodiesAre413AsDocumented() {
        var admin = api.admin();
        var reply = api.post("api/rooms", admin, Api.object("name", "x".repeat(1100 * 1024), "kind", "FORUM"));
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        var document = api.request("GET", "openapi")
                .header("Accept", "application/json")
                .send();
        assertThat(document.json()
                        .getJsonObject("paths")
                        .getJsonObject("/api/rooms")
                        .getJsonObject("post")
                        .getJsonObject("responses")
                        .keySet())
                .contains("413", "415");
    }

    @Test
    void theServerServesTheDocumentTheClientWasGeneratedFrom() throws IOException {
        JsonObject built;
        var resource = Objects.requireNonNull(
                getClass().getClassLoader().getResource("META-INF/openapi.json"), "the build writes the document");
        try (var reader = Json.createReader(new InputStreamReader(resource.openStream(), StandardCharsets.UTF_8))) {
            built = reader.readObject();
        }
        var reply = api.request("GET", "openapi")
                .header("Accept", "application/json")
                .send();
        assertThat(reply.status()).isEqualTo(200);
        var served = reply.json();
        // kept for a look at what Payara adds (servers) and how it renders the document
        Files.writeString(Path.of("target", "openapi-served.json"), reply.body());

        assertThat(differences("", served.get("paths"), built.get("paths"))).isEmpty();
        assertThat(differences(
                        "",
                        served.getJsonObject("components").get("schemas"),
                        built.getJsonObject("components").get("schemas")))
                .isEmpty();
        assertThat(differences(
                        "",
                        served.getJsonObject("components").get("securitySchemes"),
                        built.getJsonObject("components").get("securitySchemes")))
                .isEmpty();
        assertThat(served.getJsonObject("info")).isEqualTo(built.getJsonObject("info"));
        assertThat(served.get("security")).isEqualTo(built.get("security"));
        assertThat(served.getString("openapi")).isEqualTo("3.0.3");
        // Payara adds the servers it listens on, and "endpoints", which is not OpenAPI: generators that
        // validate refuse the served document for it ("attribute endpoints is unexpected") until they
        // skip validation. Payara renames it x-endpoints in a later release (FISH-12303); this tells
        // when an upgrade brings that.
        var added = new TreeSet<>(served.keySet());
        added.removeAll(built.keySet());
        assertThat(added).containsExactly("endpoints", "servers");

        var yaml = api.request("GET", "openapi").send();
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.body()).contains("openapi: 3.0.3").contains("#/components/schemas/OpenedThread");
    }

    /** JSON pointers where {@code served} and {@code built} differ, for a failure that says where. */
    private static List<String> differences(String at, JsonValue served, JsonValue built) {
        var found = new ArrayList<String>();
        if (served instanceof JsonObject s && built instanceof JsonObject b) {
            var keys = new TreeSet<>(s.keySet());
            keys.addAll(b.keySet());
            for (var key : keys) {
                var next = at + "/" + key.replace("~", "~0").replace("/", "~1");
                if (!s.containsKey(key) || !b.containsKey(key)) {
                    found.add(next + (s.containsKey(key) ? " only served" : " not served"));
                } else {
                    found.addAll(differences(next, s.get(key), b.get(key)));
                }
            }
        } else if (served instanceof jakarta.json.JsonNumber s && built instanceof jakarta.json.JsonNumber b) {
            if (s.bigDecimalValue().compareTo(b.bigDecimalValue()) != 0) {
                found.add(at + ": served " + s + ", built " + b);
            }
        } else if (!Objects.equals(served, built)) {
            found.add(at + ": served " + served + ", built " + built);
        }
        return found;
    }
}

package org.clearroom.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.clearroom.platform.ClearroomApplication;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContractDocumentTest {

    private static JsonObject document;

    @BeforeAll
    static void write() {
        // through the written text, as clients and Payara read it
        try (var reader = Json.createReader(new StringReader(JsonText.of(ContractDocument.ofCompiledClasses())))) {
            document = reader.readObject();
        }
    }

    private static JsonObject operation(String path, String verb) {
        var item = document.getJsonObject("paths").getJsonObject(path);
        assertThat(item).as(path).isNotNull();
        assertThat(item.getJsonObject(verb)).as(verb + " " + path).isNotNull();
        return item.getJsonObject(verb);
    }

    private static JsonObject schema(String name) {
        var schema =
                document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
        assertThat(schema).as(name).isNotNull();
        return schema;
    }

    private static String ref(JsonObject response, String mediaType) {
        return response.getJsonObject("content")
                .getJsonObject(mediaType)
                .getJsonObject("schema")
                .getString("$ref");
    }

    @Test
    void newThreadRequiresTitleAndBodyWithTheirLimits() {
        var newThread = schema("NewThread");
        assertThat(newThread.getJsonArray("required").getValuesAs(JsonString::getString))
                .containsExactlyInAnyOrder("title", "body");
        var properties = newThread.getJsonObject("properties");
        assertThat(properties.getJsonObject("title").getInt("minLength")).isEqualTo(1);
        assertThat(properties.getJsonObject("title").getInt("maxLength")).isEqualTo(200);
        assertThat(properties.getJsonObject("body").getInt("maxLength")).isEqualTo(50_000);
    }

    @Test
    void openingAThreadAnswers201WithTheOpenedThreadAndEveryProblemItCanMeet() {
        var open = operation("/api/rooms/{id}/threads", "post");
        assertThat(open.getString("operationId")).isEqualTo("Rooms_open");
        assertThat(open.getJsonArray("tags").getString(0)).isEqualTo("rooms");
        assertThat(open.getJsonArray("parameters").getJsonObject(0).getString("in"))
                .isEqualTo("path");
        assertThat(ref(open.getJsonObject("requestBody"), "application/json"))
                .isEqualTo("#/components/schemas/NewThread");

        var responses = open.getJsonObject("responses");
        assertThat(responses.keySet()).containsExactly("201", "400", "401", "403", "404", "409", "413", "415");
        assertThat(ref(responses.getJsonObject("201"), "application/json"))
                .isEqualTo("#/components/schemas/OpenedThread");
        for (var problem : List.of("400", "401", "403", "404", "409", "413", "415")) {
            assertThat(ref(responses.getJsonObject(problem), "application/problem+json"))
                    .as(problem)
                    .isEqualTo("#/components/schemas/Problem");
        }
    }

    @Test
    void listingsTakeThePagingParametersAndAnswerTheirOwnPageSchema() {
        var posts = operation("/api/threads/{id}/posts", "get");
        assertThat(posts.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                        .map(p -> p.getString("name")))
                .containsExactly("id", "order", "limit", "cursor");
        assertThat(ref(posts.getJsonObject("responses").getJsonObject("200"), "application/json"))
                .isEqualTo("#/components/schemas/PageOfPost");
        var items = schema("PageOfPost").getJsonObject("properties").getJsonObject("items");
        assertThat(items.getString("type")).isEqualTo("array");
        assertThat(items.getJsonObject("items").getString("$ref")).isEqualTo("#/components/schemas/Post");
        assertThat(schema("PageOfForumThread")
                        .getJsonObject("properties")
                        .getJsonObject("items")
                        .getJsonObject("items")
                        .getString("$ref"))
                .isEqualTo("#/components/schemas/ForumThread");
    }

    @Test
    void signInIsPublicAndThrottled() {
        var signIn = operation("/api/auth/tokens", "post");
        assertThat(signIn.getJsonArray("security")).as("anyone").containsExactly(JsonValue.EMPTY_JSON_OBJECT);
        var responses = signIn.getJsonObject("responses");
        assertThat(responses.keySet()).contains("201", "400", "401", "413", "415", "429");
        assertThat(ref(responses.getJsonObject("201"), "application/json"))
                .isEqualTo("#/components/schemas/IssuedToken");
        assertThat(responses.getJsonObject("429").getJsonObject("headers").keySet())
                .containsExactly("Retry-After");

        var me = operation("/api/me", "get");
        assertThat(me.containsKey("security")).as("inherits bearer or session").isFalse();
        assertThat(me.getJsonObject("responses").keySet()).containsExactly("200", "401");
    }

    @Test
    void recordComponentsMapToTheirJsonTypes() {
        var thread = schema("ForumThread").getJsonObject("properties");
        assertThat(thread.getJsonObject("createdAt").getString("format")).isEqualTo("date-time");
        assertThat(thread.getJsonObject("posts").getString("format")).isEqualTo("int64");
        assertThat(thread.getJsonObject("pinned").getString("type")).isEqualTo("boolean");
        assertThat(schema("ForumThread").getJsonArray("required").getValuesAs(JsonString::getString))
                .as("primitives are always there; nothing else is promised")
                .containsExactlyInAnyOrder("posts", "unread", "pinned", "locked", "purged", "subscribed");

        assertThat(schema("Me")
                        .getJsonObject("properties")
                        .getJsonObject("roles")
                        .getJsonObject("items")
                        .getString("$ref"))
                .isEqualTo("#/components/schemas/Role");
        assertThat(schema("Role").getJsonArray("enum").getValuesAs(JsonString::getString))
                .containsExactly("ADMIN", "COMPLIANCE");
        assertThat(schema("SearchHitKind").getJsonArray("enum").getValuesAs(JsonString::getString))
                .containsExactly("THREAD", "POST");

        var username = schema("NewAccount").getJsonObject("properties").getJsonObject("username");
        assertThat(username.getString("pattern")).isEqualTo("^(?:[a-z0-9][a-z0-9._-]*)$");
        assertThat(username.getString("description")).startsWith("lower case letters");
        assertThat(schema("NewAccount")
                        .getJsonObject("properties")
                        .getJsonObject("roles")
                        .getInt("maxItems"))
                .isEqualTo(2);
    }

    @Test
    void problemsCarryTheirFieldErrors() {
        var problem = schema("Problem");
        assertThat(problem.getJsonArray("required").getValuesAs(JsonString::getString))
                .containsExactlyInAnyOrder("type", "title", "status");
        assertThat(problem.getJsonObject("properties").keySet())
                .containsExactly("type", "title", "status", "detail", "requestId", "errors");
        assertThat(problem.getJsonObject("properties")
                        .getJsonObject("errors")
                        .getJsonObject("items")
                        .getString("$ref"))
                .isEqualTo("#/components/schemas/FieldError");
    }

    @Test
    void noSchemaIsAPlaceholder() {
        var schemas = document.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.size()).isGreaterThan(60);
        schemas.forEach((name, schema) -> assertThat(schema.asJsonObject().containsKey("properties")
                        || schema.asJsonObject().containsKey("enum"))
                .as(name)
                .isTrue());
    }

    @Test
    void everyResourceMethodIsAnOperation() {
        var expected = new ArrayList<String>();
        for (var type : ContractDocument.compiledClasses()) {
            if (!type.isAnnotationPresent(Path.class)) {
                continue;
            }
            for (var method : type.getDeclaredMethods()) {
                var designated = Arrays.stream(method.getAnnotations())
                        .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
                if (designated && Modifier.isPublic(method.getModifiers())) {
                    // a method moved to another class keeps its published id, so generated clients keep theirs
                    var pinned = method.getAnnotation(Operation.class);
                    expected.add(
                            pinned != null && !pinned.operationId().isEmpty()
                                    ? pinned.operationId()
                                    : type.getSimpleName().replaceFirst("Resource$", "") + "_" + method.getName());
                }
            }
        }
        var published = new ArrayList<String>();
        document.getJsonObject("paths").values().forEach(item -> item.asJsonObject()
                .values()
                .forEach(operation -> published.add(operation.asJsonObject().getString("operationId"))));

        assertThat(expected).hasSizeGreaterThan(50).contains("Me_me", "Audit_search", "Rooms_open");
        assertThat(published).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyOperationSaysWhatItAnswersOnSuccess() {
        document.getJsonObject("paths")
                .forEach((path, item) -> item.asJsonObject().forEach((verb, operation) -> assertThat(operation
                                .asJsonObject()
                                .getJsonObject("responses")
                                .keySet())
                        .as(verb + " " + path)
                        .anyMatch(code -> code.startsWith("2"))
                        .doesNotContain("default")));
    }

    @Test
    void theApplicationPathPrefixesEveryPath() {
        assertThat(ClearroomApplication.class
                        .getAnnotation(jakarta.ws.rs.ApplicationPath.class)
                        .value())
                .isEqualTo("api");
        assertThat(document.getJsonObject("paths").keySet()).allMatch(path -> path.startsWith("/api/"));
        assertThat(ContractDocument.path("api", "/rooms/", "{id: [a-z]+}/rules"))
                .isEqualTo("/api/rooms/{id}/rules");
    }

    @Path("x")
    public static class Unstated {
        @GET
        public Response get() {
            return Response.ok().build();
        }
    }

    @Test
    void aResponseWithoutAStatedAnswerFailsTheBuild() {
        var classes = List.<Class<?>>of(ClearroomApplication.class, Unstated.class);
        assertThatThrownBy(() -> new ContractDocument(classes).document())
                .hasMessageContaining("Unstated.get")
                .hasMessageContaining("@APIResponse");
    }
}

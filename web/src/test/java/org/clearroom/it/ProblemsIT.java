package org.clearroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear problem answer naming what is wrong, nothing is stored, the server stays up. */
class ProblemsIT extends ClearroomDeployment {

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        var json = reply.json();
        assertThat(json.getInt("status")).isEqualTo(status);
        assertThat(json.getString("type")).startsWith("https://");
        assertThat(json.getString("title")).isNotBlank();
        assertThat(json.getString("requestId")).isEqualTo(reply.header("X-Request-Id"));
        assertThat(reply.body()).doesNotContain("Exception", "org.clearroom", "java.", "SQL", "\tat ");
    }

    private static List<String> fields(Reply reply) {
        return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .toList();
    }

    @Test
    void malformedJsonIsA400NamingTheBody() throws Exception {
        var admin = api.admin();
        long before = count("select count(*) from organisation");
        var reply = api.post("api/organisations", admin, "{\"name\": \"Broken\", ");
        assertProblem(reply, 400);
        assertThat(fields(reply)).containsExactly("body");
        assertThat(reply.json().getString("detail")).contains("not valid JSON");
        assertProblem(api.post("api/organisations", admin, ""), 400);
        assertProblem(api.post("api/organisations", admin, "[1,2]"), 400);
        assertThat(count("select count(*) from organisation")).isEqualTo(before);
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() throws Exception {
        var admin = api.admin();
        long before = count("select count(*) from account");
        var reply = api.post(
                "api/accounts",
                admin,
                "{\"username\": 42, \"displayName\": \"" + "x".repeat(121) + "\", \"password\": \"short\","
                        + " \"roles\": [\"SUPERUSER\"], \"colour\": \"blue\"}");
        assertProblem(reply, 400);
        assertThat(fields(reply))
                .containsExactlyInAnyOrder(
                        "colour", "username", "displayName", "organisationId", "password", "roles[0]");
        var messages = reply.json().getJsonArray("errors").toString();
        assertThat(messages)
                .contains("must be a string")
                .contains("at most 120 characters")
                .contains("is required")
                .contains("at least 12 characters")
                .contains("ADMIN, COMPLIANCE")
                .contains("not a known field");
        assertThat(count("select count(*) from account")).isEqualTo(before);
    }

    @Test
    void unknownEnumValuesListWhatIsAllowed() {
        var admin = api.admin();
        var reply = api.post("api/organisations", admin, Api.object("name", Api.unique("Kindless"), "kind", "PIRATE"));
        assertProblem(reply, 400);
        assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("must be one of VENDOR, CARRIER, REGULATOR, OBSERVER, OPERATOR");
    }

    @Test
    void nestedFieldsAreNamedByPath() {
        var admin = api.admin();
        var room = api.createRoom(admin, Api.unique("Paths"), "FORUM");
        var reply = api.post(
                "api/rooms/" + room + "/rules", admin, "{\"principal\":{\"type\":\"TEAM\"},\"permission\":\"FLY\"}");
        assertProblem(reply, 400);
        assertThat(fields(reply)).containsExactlyInAnyOrder("principal.type", "permission");
    }

    @Test
    void nulCharactersAndBlankNamesAreRefused() {
        var admin = api.admin();
        assertProblem(api.post("api/rooms", admin, "{\"name\":\"a\\u0000b\",\"kind\":\"FORUM\"}"), 400);
        assertProblem(api.post("api/rooms", admin, "{\"name\":\"   \",\"kind\":\"FORUM\"}"), 400);
    }

    @Test
    void unknownIdsAre404() {
        var admin = api.admin();
        assertProblem(api.get("api/rooms/does-not-exist", admin), 404);
        assertProblem(api.get("api/accounts/does-not-exist", admin), 404);
        assertProblem(api.get("api/organisations/does-not-exist", admin), 404);
        assertProblem(api.patch("api/accounts/does-not-exist", admin, "{\"disabled\":true}"), 404);
        var unknownOrg = api.post(
                "api/accounts",
                admin,
                Api.object(
                        "username",
                        "ghost-member",
                        "displayName",
                        "G",
                        "organisationId",
                        "nope",
                        "password",
                        "long enough password"));
        assertProblem(unknownOrg, 400);
        assertThat(fields(unknownOrg)).containsExactly("organisationId");
    }

    @Test
    void unknownPathsMethodsAndMediaTypesAreProblemsToo() {
        var admin = api.admin();
        assertProblem(api.get("api/no-such-thing", admin), 404);
        assertProblem(api.request("PUT", "api/me").bearer(admin).json("{}").send(), 405);
        assertProblem(
                api.request("POST", "api/rooms")
                        .bearer(admin)
                        .body("text/plain", "name=x")
                        .send(),
                415);
    }

    @Test
    void pathsOutsideTheApiAnswerProblemsToo() {
        var reply = api.get("no/such/page.html", null);
        assertProblem(reply, 404);
    }

    @Test
    void explainNamesMissingAndWrongQueryParameters() {
        var admin = api.admin();
        var reply = api.get("api/access/explain?permission=SHOUT", admin);
        assertProblem(reply, 400);
        assertThat(fields(reply)).containsExactlyInAnyOrder("account", "permission", "resource");
    }

    @Test
    void aCallersRequestIdIsKeptAndEchoed() {
        var reply = api.request("GET", "api/me")
                .header("X-Request-Id", "trace-0123456789")
                .send();
        assertThat(reply.header("X-Request-Id")).isEqualTo("trace-0123456789");
        assertThat(reply.json().getString("requestId")).isEqualTo("trace-0123456789");
    }

    @Test
    void readinessSaysUpOrDownAndNothingAboutTheSoftware() {
        var reply = api.get("health/ready", null);
        assertThat(reply.status()).isEqualTo(200);
        var checks = reply.json().getJsonArray("checks").getValuesAs(jakarta.json.JsonObject.class);
        assertThat(checks).extracting(check -> check.getString("name")).containsExactlyInAnyOrder("database", "ledger");
        assertThat(checks).allSatisfy(check -> {
            assertThat(check.getString("status")).isEqualTo("UP");
            assertThat(check.getJsonObject("data")).isEmpty();
        });
    }

    @Test
    void openApiDescribesEveryEndpoint() {
        var reply = api.request("GET", "openapi")
                .header("Accept", "application/json")
                .send();
        assertThat(reply.status()).isEqualTo(200);
        var paths = reply.json().getJsonObject("paths").keySet();
        assertThat(paths)
                .contains(
                        "/api/auth/tokens",
                        "/api/auth/tokens/{id}",
                        "/api/auth/session",
                        "/api/me",
                        "/api/organisations",
                        "/api/organisations/{id}",
                        "/api/accounts",
                        "/api/accounts/{id}",
                        "/api/rooms",
                        "/api/rooms/{id}",
                        "/api/rooms/{id}/rules",
                        "/api/rooms/{id}/rules/{ruleId}",
                        "/api/access/explain",
                        "/api/audit/key",
                        "/api/audit/checkpoint",
                        "/api/audit/proofs/inclusion",
                        "/api/audit/proofs/consistency",
                        "/api/audit/export",
                        "/api/audit/entries",
                        "/api/audit/evidence");
    }

    @Test
    void metricsAreForOperatorsOnly() {
        var anonymous = api.get("metrics", null);
        assertProblem(anonymous, 401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        var admin = api.admin();
        var metrics = api.get("metrics", admin);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE");
        assertProblem(api.get("metrics", api.complianceOfficer(admin)), 403);
    }
}

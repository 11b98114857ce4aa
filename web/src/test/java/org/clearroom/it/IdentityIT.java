package org.clearroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.net.HttpCookie;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IdentityIT extends ClearroomDeployment {

    private String carrierWithAccount(String admin, String username) {
        var org = api.createOrganisation(admin, Api.unique("Carrier"), "CARRIER");
        api.createAccount(admin, username, org);
        return org;
    }

    @Test
    void signedInCarrierSeesItsOrganisationInMe() {
        var admin = api.admin();
        var username = Api.unique("carla").toLowerCase();
        var org = carrierWithAccount(admin, username);

        var token = api.signIn(username, Api.PASSWORD);
        var me = api.get("api/me", token);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().getString("username")).isEqualTo(username);
        assertThat(me.json().getJsonObject("organisation").getString("id")).isEqualTo(org);
        assertThat(me.json().getJsonObject("organisation").getString("kind")).isEqualTo("CARRIER");
        assertThat(me.json().getJsonArray("roles")).isEmpty();
    }

    @Test
    void withoutCredentialsTheApiAnswers401WithAChallenge() {
        var reply = api.get("api/me", null);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(reply.contentType()).startsWith("application/problem+json");

        var forged = api.get("api/me", "crt_not-a-real-token");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().getString("detail")).contains("unknown, expired or revoked");
    }

    @Test
    void tokensAreLongRandomAndStoredOnlyAsHashes() throws Exception {
        var admin = api.admin();
        var username = Api.unique("hash").toLowerCase();
        carrierWithAccount(admin, username);

        var reply = api.post(
                "api/auth/tokens", null, Api.object("username", username, "password", Api.PASSWORD, "label", "ci"));
        assertThat(reply.status()).isEqualTo(201);
        var token = reply.json().getString("token");
        assertThat(token.length() - "crt_".length())
                .as("43 base64url characters are 256 bits")
                .isGreaterThanOrEqualTo(43);
        assertThat(reply.json().getString("expiresAt")).isNotBlank();

        var hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes()));
        assertThat(count("select count(*) from credential where secret_hash = ?", hash))
                .isEqualTo(1);
        assertThat(count("select count(*) from credential where secret_hash = ? or label = ?", token, token))
                .isZero();
    }

    @Test
    void ownTokensAreListedAndARevokedTokenStopsWorking() {
        var admin = api.admin();
        var username = Api.unique("lister").toLowerCase();
        carrierWithAccount(admin, username);
        var first = api.signIn(username, Api.PASSWORD);
        var second = api.signIn(username, Api.PASSWORD);

        var list = api.get("api/auth/tokens", first);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.array()).hasSize(2);
        assertThat(list.body()).doesNotContain(first).doesNotContain(second);
        var secondId = list.array().getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(t -> !t.getBoolean("current"))
                .findFirst()
                .orElseThrow()
                .getString("id");

        assertThat(api.delete("api/auth/tokens/" + secondId, first).status()).isEqualTo(204);
        assertThat(api.get("api/me", second).status()).isEqualTo(401);
        assertThat(api.get("api/me", first).status()).isEqualTo(200);
        assertThat(api.get("api/auth/tokens", first).array()).hasSize(1);
    }

    @Test
    void nobodyRevokesAnotherAccountsToken() {
        var admin = api.admin();
        var alice = Api.unique("alice").toLowerCase();
        var bob = Api.unique("bob").toLowerCase();
        var org = carrierWithAccount(admin, alice);
        api.createAccount(admin, bob, org);
        var aliceToken = api.signIn(alice, Api.PASSWORD);
        var bobToken = api.signIn(bob, Api.PASSWORD);
        var bobTokenId =
                api.get("api/auth/tokens", bobToken).array().getJsonObject(0).getString("id");

        assertThat(api.delete("api/auth/tokens/" + bobTokenId, aliceToken).status())
                .isEqualTo(404);
        assertThat(api.get("api/me", bobToken).status()).isEqualTo(200);
    }

    @Test
    void fiveFailuresLockSignInWith429AndRetryAfterAndAreAudited() throws Exception {
        var admin = api.admin();
        var username = Api.unique("locked").toLowerCase();
        carrierWithAccount(admin, username);
        var wrong = Api.object("username", username, "password", "wrong password!");

        for (int i = 0; i < 5; i++) {
            var reply = api.post("api/auth/tokens", null, wrong);
            assertThat(reply.status()).as("attempt %d", i + 1).isEqualTo(401);
            assertThat(reply.json().getString("detail")).isEqualTo("the username or password is wrong");
        }
        var locked = api.post("api/auth/tokens", null, Api.object("username", username, "password", Api.PASSWORD));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(locked.contentType()).startsWith("application/problem+json");

        var resource = "sign-in/" + username;
        assertThat(count("select count(*) from audit_entry where action = 'SIGN_IN_FAILED' and resource = ?", resource))
                .isEqualTo(5);
        assertThat(count("select count(*) from audit_entry where action = 'SIGN_IN_LOCKED' and resource = ?", resource))
                .isEqualTo(2); // the lock taking effect, and the refused attempt
    }

    @Test
    void unknownUsernamesFailLikeWrongPasswords() {
        var reply = api.post(
                "api/auth/tokens",
                null,
                Api.object("username", Api.unique("nobody").toLowerCase(), "password", "whatever at all"));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().getString("detail")).isEqualTo("the username or password is wrong");
    }

    @Test
    void browserSessionUsesAStrictHttpOnlyCookieAndACsrfTokenForChanges() throws Exception {
        var admin = api.admin();
        var username = Api.unique("browser").toLowerCase();
        carrierWithAccount(admin, username);

        var signIn = api.request("POST", "api/auth/session")
                .json(Api.object("username", username, "password", Api.PASSWORD))
                .send();
        assertThat(signIn.status()).isEqualTo(201);
        var setCookie = signIn.header("Set-Cookie");
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        var cookie = HttpCookie.parse(setCookie).get(0);
        var csrf = signIn.json().getString("csrfToken");
        assertThat(signIn.json().getJsonObject("me").getString("username")).isEqualTo(username);
        var sessionCookie = cookie.getName() + "=" + cookie.getValue();

        assertThat(api.request("GET", "api/me")
                        .header("Cookie", sessionCookie)
                        .send()
                        .status())
                .isEqualTo(200);

        var withoutCsrf = api.request("DELETE", "api/auth/session")
                .header("Cookie", sessionCookie)
                .send();
        assertThat(withoutCsrf.status()).isEqualTo(403);
        assertThat(withoutCsrf.json().getString("type")).endsWith("/csrf");
        var wrongCsrf = api.request("DELETE", "api/auth/session")
                .header("Cookie", sessionCookie)
                .header("X-CSRF-Token", "forged")
                .send();
        assertThat(wrongCsrf.status()).isEqualTo(403);
        assertThat(api.request("GET", "api/me")
                        .header("Cookie", sessionCookie)
                        .send()
                        .status())
                .isEqualTo(200);

        var signOut = api.request("DELETE", "api/auth/session")
                .header("Cookie", sessionCookie)
                .header("X-CSRF-Token", csrf)
                .send();
        assertThat(signOut.status()).isEqualTo(204);
        assertThat(signOut.header("Set-Cookie")).contains("Max-Age=0");
        assertThat(api.request("GET", "api/me")
                        .header("Cookie", sessionCookie)
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(count(
                        "select count(*) from audit_entry a join credential c on a.resource = 'sessions/' || c.id"
                                + " where a.action in ('SIGN_IN', 'SIGN_OUT') and c.account_id = (select id from account where username = ?)",
                        username))
                .isEqualTo(2);
    }

    @Test
    void disablingAnAccountEndsItsTokensAndSessionsAndSignIn() {
        var admin = api.admin();
        var username = Api.unique("leaver").toLowerCase();
        var org = api.createOrganisation(admin, Api.unique("Vendor"), "VENDOR");
        var id = api.createAccount(admin, username, org);
        var token = api.signIn(username, Api.PASSWORD);
        var session = api.request("POST", "api/auth/session")
                .json(Api.object("username", username, "password", Api.PASSWORD))
                .send();
        var cookie = HttpCookie.parse(session.header("Set-Cookie")).get(0);

        var disabled = api.patch("api/accounts/" + id, admin, "{\"disabled\":true}");
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().getBoolean("disabled")).isTrue();

        assertThat(api.get("api/me", token).status()).isEqualTo(401);
        assertThat(api.request("GET", "api/me")
                        .header("Cookie", cookie.getName() + "=" + cookie.getValue())
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(api.post("api/auth/tokens", null, Api.object("username", username, "password", Api.PASSWORD))
                        .status())
                .isEqualTo(401);

        assertThat(api.patch("api/accounts/" + id, admin, "{\"disabled\":false}")
                        .status())
                .isEqualTo(200);
        assertThat(api.get("api/me", api.signIn(username, Api.PASSWORD)).status())
                .isEqualTo(200);
        assertThat(api.get("api/me", token).status())
                .as("old tokens stay revoked")
                .isEqualTo(401);
    }

    @Test
    void onlyOperatorsManageOrganisationsAndAccounts() {
        var admin = api.admin();
        var username = Api.unique("plain").toLowerCase();
        var org = carrierWithAccount(admin, username);
        var token = api.signIn(username, Api.PASSWORD);

        assertThat(api.get("api/organisations", token).status()).isEqualTo(403);
        assertThat(api.post("api/organisations", token, Api.object("name", Api.unique("X"), "kind", "VENDOR"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("api/accounts", token).status()).isEqualTo(403);
        assertThat(api.post(
                                "api/accounts",
                                token,
                                Api.object(
                                        "username",
                                        "someone-else",
                                        "displayName",
                                        "S",
                                        "organisationId",
                                        org,
                                        "password",
                                        "long enough password"))
                        .status())
                .isEqualTo(403);

        var list = api.get("api/organisations", admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(org);
        assertThat(api.get("api/accounts", admin).body()).contains(username).doesNotContain("password");
    }

    @Test
    void operatorsCreateComplianceOfficersAndSeeTheirRoles() {
        var admin = api.admin();
        var username = Api.unique("officer").toLowerCase();
        var id = api.createAccount(admin, username, api.operators(admin), "COMPLIANCE");
        var regulator = api.createOrganisation(admin, Api.unique("Authority"), "REGULATOR");
        var elsewhere = api.post(
                "api/accounts",
                admin,
                Json.createObjectBuilder()
                        .add("username", Api.unique("officer").toLowerCase())
                        .add("displayName", "Outside")
                        .add("organisationId", regulator)
                        .add("password", Api.PASSWORD)
                        .add("roles", Json.createArrayBuilder().add("COMPLIANCE"))
                        .build()
                        .toString());
        assertThat(elsewhere.status())
                .as("roles belong to the operators' organisation: %s", elsewhere)
                .isEqualTo(400);
        assertThat(elsewhere.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("roles");

        var account = api.get("api/accounts/" + id, admin);
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.json().getJsonArray("roles").getString(0)).isEqualTo("COMPLIANCE");
        assertThat(api.get("api/me", api.signIn(username, Api.PASSWORD))
                        .json()
                        .getJsonArray("roles")
                        .getString(0))
                .isEqualTo("COMPLIANCE");
    }

    @Test
    void takenNamesAre409AndNothingIsStored() throws Exception {
        var admin = api.admin();
        var name = Api.unique("Twin");
        api.createOrganisation(admin, name, "VENDOR");
        var again = api.post("api/organisations", admin, Api.object("name", name.toUpperCase(), "kind", "CARRIER"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("name");
        assertThat(count("select count(*) from organisation where lower(name) = lower(?)", name))
                .isEqualTo(1);

        var username = Api.unique("dup").toLowerCase();
        var org = api.createOrganisation(admin, Api.unique("Org"), "CARRIER");
        api.createAccount(admin, username, org);
        var duplicate = api.post(
                "api/accounts",
                admin,
                Api.object(
                        "username",
                        username,
                        "displayName",
                        "D",
                        "organisationId",
                        org,
                        "password",
                        "long enough password"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("username");
        assertThat(count("select count(*) from account where username = ?", username))
                .isEqualTo(1);
    }

    @Test
    void operatorsCannotLockThemselvesOut() {
        var admin = api.admin();
        var me = api.get("api/me", admin).json().getString("id");
        var reply = api.patch("api/accounts/" + me, admin, "{\"disabled\":true}");
        assertThat(reply.status()).isEqualTo(409);
        assertThat(api.get("api/me", admin).status()).isEqualTo(200);
    }

    @Test
    void oneTokenServesManyParallelRequests() throws Exception {
        var admin = api.admin();
        var username = Api.unique("busy").toLowerCase();
        carrierWithAccount(admin, username);
        var token = api.signIn(username, Api.PASSWORD);

        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Callable<Integer>>();
            for (int i = 0; i < 32; i++) {
                calls.add(() -> api.get("api/me", token).status());
            }
            for (var future : pool.invokeAll(calls)) {
                assertThat(future.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        var listed = api.get("api/auth/tokens", token).array().getJsonObject(0);
        assertThat(listed.getString("lastUsedAt")).isNotBlank();
    }
}

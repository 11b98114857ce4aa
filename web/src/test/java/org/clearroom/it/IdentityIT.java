package org.clearroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.net.HttpCookie;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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

    // --- throttling (docs/api.md "Throttling"): 5 failures in 15 minutes lock until the oldest is 15 minutes old

    @Test
    void fiveFailuresLockSignInWith429AndRetryAfterAndAreAudited() throws Exception {
        var admin = api.admin();
        var username = Api.unique("locked").toLowerCase();
        carrierWithAccount(admin, username);

        for (int i = 0; i < 5; i++) {
            var reply = attempt(username, "wrong password!");
            assertThat(reply.status()).as("attempt %d", i + 1).isEqualTo(401);
            assertThat(reply.json().getString("detail")).isEqualTo("the username or password is wrong");
        }
        var unlock = oldestFailure(username).plus(WINDOW);
        var sent = Instant.now();
        var locked = attempt(username, Api.PASSWORD);
        var answered = Instant.now();
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertRetryAfter(locked, unlock, sent, answered);

        assertThat(audits("SIGN_IN_FAILED", username)).isEqualTo(5);
        assertThat(audits("SIGN_IN_LOCKED", username)).isEqualTo(2); // the lock taking effect, and the refused attempt
    }

    @Test
    void theLockLastsUntilTheOldestOfTheFiveFailuresIsFifteenMinutesOld() throws Exception {
        var admin = api.admin();
        var username = Api.unique("unlocks").toLowerCase();
        carrierWithAccount(admin, username);
        // the oldest of five failures turns 15 minutes old 10 s from now; the newest in nearly 15 minutes
        var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var oldest = now.minus(WINDOW).plusSeconds(10);
        recordFailures(
                username,
                oldest,
                now.minus(Duration.ofMinutes(10)),
                now.minus(Duration.ofMinutes(5)),
                now.minus(Duration.ofMinutes(1)),
                now.minusSeconds(10));
        var unlock = oldest.plus(WINDOW);

        // the right password: refused, each time with the seconds left, until the oldest failure is old
        // enough; then accepted (bounded: well past the unlock)
        Reply reply;
        int refused = 0;
        while (true) {
            var sent = Instant.now();
            reply = attempt(username, Api.PASSWORD);
            var answered = Instant.now();
            if (reply.status() != 429) {
                assertThat(answered)
                        .as("not accepted before the unlock at %s", unlock)
                        .isAfterOrEqualTo(unlock);
                break;
            }
            refused++;
            assertThat(sent).as("still refused after the unlock at %s", unlock).isBefore(unlock);
            assertRetryAfter(reply, unlock, sent, answered);
            assertThat(answered).as("sign-in works again in time").isBefore(unlock.plusSeconds(30));
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos()); // poll gently until the bound
        }
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        assertThat(refused).as("refused while locked").isPositive();
        assertThat(count("select count(*) from login_failure where username = ?", username))
                .as("a successful sign-in forgets the failures")
                .isZero();
        assertThat(audits("SIGN_IN_LOCKED", username))
                .as("each refused attempt")
                .isEqualTo(refused);
        assertThat(audits("SIGN_IN_FAILED", username)).isZero();
    }

    @Test
    void failuresOlderThanFifteenMinutesDoNotCount() throws Exception {
        var admin = api.admin();
        var username = Api.unique("forgiven").toLowerCase();
        carrierWithAccount(admin, username);
        var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var oldestCounted = now.minus(Duration.ofMinutes(10));
        recordFailures(
                username,
                // six failures just and long past the window...
                now.minus(WINDOW).minusSeconds(1),
                now.minus(WINDOW).minusSeconds(30),
                now.minus(Duration.ofMinutes(20)),
                now.minus(Duration.ofMinutes(30)),
                now.minus(Duration.ofHours(2)),
                now.minus(Duration.ofDays(1)),
                // ...and four within it
                oldestCounted,
                now.minus(Duration.ofMinutes(8)),
                now.minus(Duration.ofMinutes(6)),
                now.minus(Duration.ofMinutes(4)));

        var fifth = attempt(username, "wrong password!");
        assertThat(fifth.status()).as("only four failures count: %s", fifth).isEqualTo(401);

        var sent = Instant.now();
        var locked = attempt(username, Api.PASSWORD);
        var answered = Instant.now();
        assertThat(locked.status())
                .as("the fifth counted failure locks: %s", locked)
                .isEqualTo(429);
        assertRetryAfter(locked, oldestCounted.plus(WINDOW), sent, answered);

        assertThat(audits("SIGN_IN_FAILED", username)).isEqualTo(1);
        assertThat(audits("SIGN_IN_LOCKED", username)).isEqualTo(2); // the lock, and the refused attempt
    }

    @Test
    void parallelWrongPasswordsCountFiveFailuresAndLockEveryLaterAttempt() throws Exception {
        var admin = api.admin();
        var username = Api.unique("raced").toLowerCase();
        carrierWithAccount(admin, username);

        int parallel = 20;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(parallel);
        var statuses = new ArrayList<Integer>();
        try {
            var attempts = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < parallel; i++) {
                attempts.add(() -> {
                    start.await();
                    return attempt(username, "wrong password!").status();
                });
            }
            var futures = attempts.stream().map(pool::submit).toList();
            start.countDown();
            for (var future : futures) {
                statuses.add(future.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses.stream().filter(s -> s == 401).count())
                .as("failures before the lock: %s", statuses)
                .isEqualTo(5);
        assertThat(statuses.stream().filter(s -> s == 429).count())
                .as("refused once locked: %s", statuses)
                .isEqualTo(parallel - 5);
        assertThat(count("select count(*) from login_failure where username = ?", username))
                .as("failures counted")
                .isEqualTo(5);

        var unlock = oldestFailure(username).plus(WINDOW);
        for (var password : List.of("wrong password!", Api.PASSWORD, "another wrong one", Api.PASSWORD)) {
            var sent = Instant.now();
            var later = attempt(username, password);
            var answered = Instant.now();
            assertThat(later.status()).as("a later attempt: %s", later).isEqualTo(429);
            assertRetryAfter(later, unlock, sent, answered);
        }
        assertThat(count("select count(*) from login_failure where username = ?", username))
                .as("refused attempts do not extend the lock")
                .isEqualTo(5);

        assertThat(audits("SIGN_IN_FAILED", username)).as("each failure").isEqualTo(5);
        assertThat(audits("SIGN_IN_LOCKED", username))
                .as("the lock, and each of the %d refused attempts", parallel - 5 + 4)
                .isEqualTo(1 + (parallel - 5) + 4);
    }

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private Reply attempt(String username, String password) {
        return api.post("api/auth/tokens", null, Api.object("username", username, "password", password));
    }

    /** Failed sign-ins at chosen times, as the server records them: the tests' control over the clock. */
    private static void recordFailures(String username, Instant... times) throws SQLException {
        try (var connection = database();
                var insert =
                        connection.prepareStatement("insert into login_failure (username, failed_at) values (?, ?)")) {
            for (var time : times) {
                insert.setString(1, username);
                insert.setObject(2, time.atOffset(ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Instant oldestFailure(String username) throws SQLException {
        try (var connection = database();
                var query =
                        connection.prepareStatement("select min(failed_at) from login_failure where username = ?")) {
            query.setString(1, username);
            try (var rs = query.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }

    /**
     * Retry-After is the whole seconds until {@code unlock}, rounded up (at least 1), as of the moment the
     * server decided, which lies between {@code sent} and {@code answered}.
     */
    private static void assertRetryAfter(Reply reply, Instant unlock, Instant sent, Instant answered) {
        assertThat(reply.header("Retry-After")).as("Retry-After of %s", reply).isNotNull();
        long retryAfter = Long.parseLong(reply.header("Retry-After"));
        assertThat(retryAfter)
                .as("Retry-After for an unlock at %s, asked between %s and %s", unlock, sent, answered)
                .isBetween(secondsUntil(unlock, answered), secondsUntil(unlock, sent));
    }

    private static long secondsUntil(Instant unlock, Instant at) {
        return Math.max(1, Duration.between(at, unlock).toSeconds() + 1);
    }

    private static long audits(String action, String username) throws SQLException {
        return count(
                "select count(*) from audit_entry where action = ? and resource = ?", action, "sign-in/" + username);
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

    // --- CSRF: every unsafe request made with the session cookie needs the session's own token

    @Test
    void browserSessionsNeedTheirCsrfTokenToGrantAndRevokeRules() throws Exception {
        var admin = api.admin();
        var org = api.createOrganisation(admin, Api.unique("Carrier"), "CARRIER");
        var room = api.createRoom(admin, Api.unique("Guarded"), "FORUM");
        var operator = browserSignIn("admin", TestDatabase.ADMIN_PASSWORD);
        var otherSession = browserSignIn("admin", TestDatabase.ADMIN_PASSWORD);
        var rule = "{\"principal\":{\"type\":\"ORGANISATION\",\"id\":\"" + org + "\"},\"permission\":\"VIEW\"}";
        var rules = "api/rooms/" + room + "/rules";

        assertRefusedWithoutItsCsrfToken(operator, otherSession, "POST", rules, rule);
        assertThat(count("select count(*) from access_rule where resource = ?", "rooms/" + room))
                .as("no rule granted")
                .isZero();
        var granted = inSession(operator, "POST", rules, rule, operator.csrf());
        assertThat(granted.status()).as("%s", granted).isEqualTo(201);
        var ruleId = granted.json().getString("id");

        assertRefusedWithoutItsCsrfToken(operator, otherSession, "DELETE", rules + "/" + ruleId, null);
        assertThat(count("select count(*) from access_rule where id = ? and revoked_at is null", ruleId))
                .as("the rule still stands")
                .isEqualTo(1);
        var revoked = inSession(operator, "DELETE", rules + "/" + ruleId, null, operator.csrf());
        assertThat(revoked.status()).as("%s", revoked).isEqualTo(204);
        assertThat(count("select count(*) from access_rule where id = ? and revoked_at is not null", ruleId))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_entry where action in ('RULE_GRANTED', 'RULE_REVOKED')"
                                + " and resource = ?",
                        "rules/" + ruleId))
                .as("only the accepted requests are audited")
                .isEqualTo(2);
    }

    @Test
    void browserSessionsNeedTheirCsrfTokenToReleaseALegalHold() throws Exception {
        var admin = api.admin();
        var username = Api.unique("officer").toLowerCase();
        api.createAccount(admin, username, api.operators(admin), "COMPLIANCE");
        var room = api.createRoom(admin, Api.unique("Held"), "FORUM");
        var held = api.request("PUT", "api/rooms/" + room + "/legal-hold")
                .bearer(api.signIn(username, Api.PASSWORD))
                .json("{\"reason\":\"Case 2026-31\"}")
                .send();
        assertThat(held.status()).as("%s", held).isEqualTo(200);
        var officer = browserSignIn(username, Api.PASSWORD);
        var otherSession = browserSignIn(username, Api.PASSWORD);
        var hold = "api/rooms/" + room + "/legal-hold";

        assertRefusedWithoutItsCsrfToken(officer, otherSession, "DELETE", hold, null);
        assertThat(count("select count(*) from room where id = ? and legal_hold_reason = 'Case 2026-31'", room))
                .as("the hold still stands")
                .isEqualTo(1);

        var released = inSession(officer, "DELETE", hold, null, officer.csrf());
        assertThat(released.status()).as("%s", released).isEqualTo(200);
        assertThat(count("select count(*) from room where id = ? and legal_hold_reason is null", room))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_entry where action = 'LEGAL_HOLD_RELEASED' and resource = ?",
                        "rooms/" + room))
                .isEqualTo(1);
    }

    @Test
    void browserSessionsNeedTheirCsrfTokenToDisableAnAccount() throws Exception {
        var admin = api.admin();
        var username = Api.unique("target").toLowerCase();
        var org = api.createOrganisation(admin, Api.unique("Vendor"), "VENDOR");
        var id = api.createAccount(admin, username, org);
        var token = api.signIn(username, Api.PASSWORD);
        var operator = browserSignIn("admin", TestDatabase.ADMIN_PASSWORD);
        var otherSession = browserSignIn("admin", TestDatabase.ADMIN_PASSWORD);
        var account = "api/accounts/" + id;

        assertRefusedWithoutItsCsrfToken(operator, otherSession, "PATCH", account, "{\"disabled\":true}");
        assertThat(count("select count(*) from account where id = ? and not disabled", id))
                .as("the account is still enabled")
                .isEqualTo(1);
        assertThat(api.get("api/me", token).status())
                .as("its token still works")
                .isEqualTo(200);

        var disabled = inSession(operator, "PATCH", account, "{\"disabled\":true}", operator.csrf());
        assertThat(disabled.status()).as("%s", disabled).isEqualTo(200);
        assertThat(disabled.json().getBoolean("disabled")).isTrue();
        assertThat(count("select count(*) from account where id = ? and disabled", id))
                .isEqualTo(1);
        assertThat(api.get("api/me", token).status()).isEqualTo(401);
    }

    /** A browser session: the cookie to send back and its CSRF token. */
    private record Session(String cookie, String csrf) {}

    private Session browserSignIn(String username, String password) {
        var reply = api.request("POST", "api/auth/session")
                .json(Api.object("username", username, "password", password))
                .send();
        assertThat(reply.status())
                .as("browser sign-in of %s: %s", username, reply)
                .isEqualTo(201);
        var cookie = HttpCookie.parse(reply.header("Set-Cookie")).get(0);
        assertThat(cookie.getName()).isEqualTo("clearroom_session");
        return new Session(
                cookie.getName() + "=" + cookie.getValue(), reply.json().getString("csrfToken"));
    }

    /** A request with the session's cookie, {@code json} as its body when given, and {@code csrf} when given. */
    private Reply inSession(Session session, String method, String path, String json, String csrf) {
        var request = api.request(method, path).header("Cookie", session.cookie());
        if (json != null) {
            request.json(json);
        }
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return request.send();
    }

    /**
     * The request, made with the session's cookie, is refused as a CSRF problem without the header, with a
     * made-up token, and with the token of another live session of the same account.
     */
    private void assertRefusedWithoutItsCsrfToken(
            Session session, Session otherSession, String method, String path, String json) {
        var tokens = new ArrayList<String>();
        tokens.add(null);
        tokens.add("forged");
        tokens.add(otherSession.csrf());
        for (var csrf : tokens) {
            var reply = inSession(session, method, path, json, csrf);
            var what = method + " " + path + (csrf == null ? " without X-CSRF-Token" : " with a wrong X-CSRF-Token");
            assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(403);
            assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
            assertThat(reply.json().getString("type")).as(what).isEqualTo("https://clearroom.org/problems/csrf");
        }
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

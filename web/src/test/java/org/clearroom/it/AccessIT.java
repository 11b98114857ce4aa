package org.clearroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rooms and rules as carriers, regulators, moderators and operators meet them. */
class AccessIT extends ClearroomDeployment {

    private String admin;
    private String carrierOrg;
    private String otherCarrierOrg;
    private String regulatorOrg;
    private String carrier;
    private String carrierId;
    private String otherCarrier;
    private String regulator;
    private String regulatorId;

    @BeforeEach
    void organisations() {
        admin = api.admin();
        carrierOrg = api.createOrganisation(admin, Api.unique("Fjordtel"), "CARRIER");
        otherCarrierOrg = api.createOrganisation(admin, Api.unique("Baltic"), "CARRIER");
        regulatorOrg = api.createOrganisation(admin, Api.unique("Authority"), "REGULATOR");
        var carrierName = Api.unique("carla").toLowerCase();
        var otherName = Api.unique("bruno").toLowerCase();
        var regulatorName = Api.unique("rita").toLowerCase();
        carrierId = api.createAccount(admin, carrierName, carrierOrg);
        api.createAccount(admin, otherName, otherCarrierOrg);
        regulatorId = api.createAccount(admin, regulatorName, regulatorOrg);
        carrier = api.signIn(carrierName, Api.PASSWORD);
        otherCarrier = api.signIn(otherName, Api.PASSWORD);
        regulator = api.signIn(regulatorName, Api.PASSWORD);
    }

    private List<String> roomIds(String token) {
        var reply = api.get("api/rooms", token);
        assertThat(reply.status()).isEqualTo(200);
        return reply.array().getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("id"))
                .toList();
    }

    @Test
    void carrierListsOnlyItsRoomsAndRegulatorGets404ForTheCarrierOnlyRoom() {
        var locker = api.createRoom(admin, Api.unique("Evidence"), "DOCUMENTS");
        var forum = api.createRoom(admin, Api.unique("Advisories"), "FORUM");
        api.grant(admin, locker, "ORGANISATION", carrierOrg, "VIEW");
        api.grant(admin, forum, "ORG_KIND", "CARRIER", "VIEW");
        api.grant(admin, forum, "ORG_KIND", "REGULATOR", "VIEW");

        assertThat(roomIds(carrier)).contains(locker, forum);
        assertThat(roomIds(regulator)).contains(forum).doesNotContain(locker);
        assertThat(roomIds(otherCarrier)).contains(forum).doesNotContain(locker);

        var hidden = api.get("api/rooms/" + locker, regulator);
        assertThat(hidden.status()).isEqualTo(404);
        var missing = api.get("api/rooms/" + java.util.UUID.randomUUID(), regulator);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(hidden.json().getString("title")).isEqualTo(missing.json().getString("title"));
        assertThat(api.get("api/rooms/" + locker, carrier).json().getString("kind"))
                .isEqualTo("DOCUMENTS");

        var explained = api.get(
                "api/access/explain?account=" + regulatorId + "&permission=VIEW&resource=rooms/" + locker, admin);
        assertThat(explained.status()).isEqualTo(200);
        assertThat(explained.json().getBoolean("allowed")).isFalse();
        assertThat(explained.json().getString("reason"))
                .contains("no rule grants VIEW")
                .contains("REGULATOR")
                .contains("denied by default");

        var selfExplained = api.get(
                "api/access/explain?account=" + regulatorId + "&permission=VIEW&resource=rooms/" + locker, regulator);
        assertThat(selfExplained.status()).isEqualTo(200);
        assertThat(selfExplained.json().getBoolean("allowed")).isFalse();
        assertThat(selfExplained.json().getString("reason")).contains("or it does not exist");
    }

    @Test
    void explainNamesTheRuleThatAllows() {
        var room = api.createRoom(admin, Api.unique("Locker"), "DOCUMENTS");
        var ruleId = api.grant(admin, room, "ORGANISATION", carrierOrg, "DOWNLOAD");

        var explained = api.get(
                "api/access/explain?account=" + carrierId + "&permission=DOWNLOAD&resource=rooms/" + room, carrier);
        assertThat(explained.status()).isEqualTo(200);
        assertThat(explained.json().getBoolean("allowed")).isTrue();
        assertThat(explained.json().getJsonObject("rule").getString("id")).isEqualTo(ruleId);

        var view =
                api.get("api/access/explain?account=" + carrierId + "&permission=VIEW&resource=rooms/" + room, carrier);
        assertThat(view.json().getBoolean("allowed"))
                .as("any permission includes VIEW")
                .isTrue();
        assertThat(api.get("api/rooms/" + room, carrier).status()).isEqualTo(200);

        var upload = api.get(
                "api/access/explain?account=" + carrierId + "&permission=UPLOAD&resource=rooms/" + room, carrier);
        assertThat(upload.json().getBoolean("allowed")).isFalse();
        assertThat(upload.json().getString("reason")).contains("rules grant only DOWNLOAD");
    }

    @Test
    void onlyOperatorsAndComplianceAskAboutOthers() {
        var room = api.createRoom(admin, Api.unique("Room"), "FORUM");
        api.grant(admin, room, "ORG_KIND", "CARRIER", "VIEW");
        var reply = api.get(
                "api/access/explain?account=" + regulatorId + "&permission=VIEW&resource=rooms/" + room, carrier);
        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void organisationKindRuleCoversEveryOrganisationOfThatKindOnly() {
        var room = api.createRoom(admin, Api.unique("Carriers"), "FORUM");
        api.grant(admin, room, "ORG_KIND", "CARRIER", "CONTRIBUTE");

        assertThat(api.get("api/rooms/" + room, carrier).status()).isEqualTo(200);
        assertThat(api.get("api/rooms/" + room, otherCarrier).status()).isEqualTo(200);
        assertThat(api.get("api/rooms/" + room, regulator).status()).isEqualTo(404);
    }

    @Test
    void operatorsManageRoomsButSeeNoContentByTheirRoleAlone() {
        var room = api.createRoom(admin, Api.unique("Operators"), "DOCUMENTS");
        assertThat(roomIds(admin)).doesNotContain(room);
        var manageable = api.get("api/rooms?scope=manage", admin);
        assertThat(manageable.body()).contains(room);
        var adminId = api.get("api/me", admin).json().getString("id");
        var explained =
                api.get("api/access/explain?account=" + adminId + "&permission=VIEW&resource=rooms/" + room, admin);
        assertThat(explained.json().getBoolean("allowed")).isFalse();
        assertThat(explained.json().getString("reason")).contains("never hold content permissions");
        assertThat(api.get("api/rooms?scope=everything", admin).status()).isEqualTo(400);
    }

    @Test
    void operatorsCannotBeGrantedContentByAnyRule() {
        var room = api.createRoom(admin, Api.unique("Observed"), "FORUM");
        var operators = api.operators(admin);
        var refusals = java.util.Map.of(
                "{\"principal\":{\"type\":\"ORG_KIND\",\"kind\":\"OPERATOR\"},\"permission\":\"VIEW\"}",
                "principal.kind",
                "{\"principal\":{\"type\":\"ORGANISATION\",\"id\":\"" + operators + "\"},\"permission\":\"VIEW\"}",
                "principal.id",
                "{\"principal\":{\"type\":\"ACCOUNT\",\"id\":\""
                        + api.get("api/me", admin).json().getString("id") + "\"},\"permission\":\"VIEW\"}",
                "principal.id");
        refusals.forEach((body, field) -> {
            var reply = api.post("api/rooms/" + room + "/rules", admin, body);
            assertThat(reply.status()).as("%s: %s", body, reply).isEqualTo(400);
            assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                    .isEqualTo(field);
        });
        // a kind rule for observers does not reach the operators, whose organisation is of its own kind
        api.grant(admin, room, "ORG_KIND", "OBSERVER", "VIEW");
        var officer = api.complianceOfficer(admin);
        assertThat(api.get("api/rooms/" + room + "/threads", officer).status()).isEqualTo(404);
        assertThat(api.get("api/rooms/" + room + "/threads", admin).status()).isEqualTo(404);
        assertThat(roomIds(officer)).doesNotContain(room);
        assertThat(api.get("api/me", admin).json().getJsonObject("organisation").getString("kind"))
                .isEqualTo("OPERATOR");
    }

    @Test
    void onlyOperatorsCreateRooms() {
        var reply = api.post("api/rooms", carrier, Api.object("name", "Mine", "kind", "FORUM"));
        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void moderatorsManageTheirRoomsRulesAndNobodyElses() {
        var room = api.createRoom(admin, Api.unique("Moderated"), "FORUM");
        var other = api.createRoom(admin, Api.unique("Other"), "FORUM");
        api.grant(admin, room, "ACCOUNT", carrierId, "MODERATE");
        api.grant(admin, other, "ORG_KIND", "CARRIER", "VIEW");

        var granted = api.grant(carrier, room, "ORGANISATION", regulatorOrg, "VIEW");
        assertThat(api.get("api/rooms/" + room, regulator).status()).isEqualTo(200);
        assertThat(api.get("api/rooms/" + room + "/rules", carrier).array()).hasSize(2);
        assertThat(roomIds(carrier)).contains(room);
        assertThat(api.get("api/rooms?scope=manage", carrier).body())
                .contains(room)
                .doesNotContain(other);

        assertThat(api.get("api/rooms/" + other + "/rules", carrier).status())
                .as("sees it, may not manage")
                .isEqualTo(403);
        assertThat(api.get("api/rooms/" + room + "/rules", regulator).status()).isEqualTo(403);
        assertThat(api.get("api/rooms/" + room + "/rules", otherCarrier).status())
                .as("cannot see it at all")
                .isEqualTo(404);

        assertThat(api.delete("api/rooms/" + room + "/rules/" + granted, carrier)
                        .status())
                .isEqualTo(204);
        assertThat(api.get("api/rooms/" + room, regulator).status()).isEqualTo(404);
        assertThat(api.delete("api/rooms/" + room + "/rules/" + granted, carrier)
                        .status())
                .as("already revoked")
                .isEqualTo(404);
    }

    @Test
    void aRuleThatExpiresGrantsNothingAfterwards() throws Exception {
        var room = api.createRoom(admin, Api.unique("Briefly"), "FORUM");
        // far enough ahead that no busy machine reaches it while the rule is still meant to grant
        var expiresAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        var body = "{\"principal\":{\"type\":\"ORGANISATION\",\"id\":\"" + regulatorOrg
                + "\"},\"permission\":\"VIEW\",\"expiresAt\":\"" + expiresAt + "\"}";
        var granted = api.post("api/rooms/" + room + "/rules", admin, body);
        assertThat(granted.status()).as("%s", granted).isEqualTo(201);
        var rule = granted.json().getString("id");
        assertThat(count(
                        "select count(*) from access_rule where id = ? and expires_at = ?", rule, timestamp(expiresAt)))
                .as("the rule keeps the expiry it was given")
                .isEqualTo(1);
        assertThat(api.get("api/rooms/" + room, regulator).status()).isEqualTo(200);

        // the expiry time arrives: moved into the past (by a minute, whatever the clocks of the
        // database and the server) instead of waiting for it
        try (var connection = database();
                var expire = connection.prepareStatement("update access_rule set expires_at = ? where id = ?")) {
            expire.setObject(1, timestamp(Instant.now().minus(Duration.ofMinutes(1))));
            expire.setString(2, rule);
            assertThat(expire.executeUpdate()).isEqualTo(1);
        }

        assertThat(api.get("api/rooms/" + room, regulator).status()).isEqualTo(404);
        assertThat(roomIds(regulator)).doesNotContain(room);
        var explained =
                api.get("api/access/explain?account=" + regulatorId + "&permission=VIEW&resource=rooms/" + room, admin);
        assertThat(explained.json().getBoolean("allowed")).isFalse();
        assertThat(explained.json().getString("reason")).contains("expired");
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @Test
    void rulesMustNameAnExistingPrincipalAndAFutureExpiry() {
        var room = api.createRoom(admin, Api.unique("Strict"), "FORUM");
        var unknownOrg = api.post(
                "api/rooms/" + room + "/rules",
                admin,
                "{\"principal\":{\"type\":\"ORGANISATION\",\"id\":\"no-such-org\"},\"permission\":\"VIEW\"}");
        assertThat(unknownOrg.status()).isEqualTo(400);
        assertThat(unknownOrg.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("principal.id");

        var past = api.post(
                "api/rooms/" + room + "/rules",
                admin,
                "{\"principal\":{\"type\":\"ORG_KIND\",\"kind\":\"VENDOR\"},\"permission\":\"VIEW\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("expiresAt");

        var kindWithId = api.post(
                "api/rooms/" + room + "/rules",
                admin,
                "{\"principal\":{\"type\":\"ORG_KIND\",\"id\":\"x\"},\"permission\":\"VIEW\"}");
        assertThat(kindWithId.status()).isEqualTo(400);
        assertThat(kindWithId.body()).contains("principal.id").contains("principal.kind");

        var unknownRoom = api.post(
                "api/rooms/no-such-room/rules",
                admin,
                "{\"principal\":{\"type\":\"ORG_KIND\",\"kind\":\"VENDOR\"},\"permission\":\"VIEW\"}");
        assertThat(unknownRoom.status()).isEqualTo(404);
        assertThat(api.get("api/rooms/" + room + "/rules", admin).array()).isEmpty();
    }

    @Test
    void operatorsSetRetentionAndComplianceHoldsRoomsAndBothAreRecorded() throws Exception {
        var room = api.createRoom(admin, Api.unique("Retained"), "DOCUMENTS");
        api.grant(admin, room, "ORGANISATION", carrierOrg, "VIEW");
        var officer = api.complianceOfficer(admin);

        var retained = api.request("PUT", "api/rooms/" + room + "/retention")
                .bearer(admin)
                .json("{\"days\":30}")
                .send();
        assertThat(retained.status()).as("%s", retained).isEqualTo(200);
        assertThat(retained.json().getInt("retentionDays")).isEqualTo(30);
        assertThat(api.get("api/rooms/" + room, carrier).json().getInt("retentionDays"))
                .isEqualTo(30);
        assertThat(api.request("PUT", "api/rooms/" + room + "/retention")
                        .bearer(carrier)
                        .json("{\"days\":1}")
                        .send()
                        .status())
                .isEqualTo(403);
        var tooShort = api.request("PUT", "api/rooms/" + room + "/retention")
                .bearer(admin)
                .json("{\"days\":0}")
                .send();
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body()).contains("\"field\":\"days\"");

        assertThat(api.get("api/rooms?scope=manage", officer).body()).contains(room);
        var held = api.request("PUT", "api/rooms/" + room + "/legal-hold")
                .bearer(officer)
                .json("{\"reason\":\"Case 2026-17\"}")
                .send();
        assertThat(held.status()).as("%s", held).isEqualTo(200);
        assertThat(held.json().getJsonObject("legalHold").getString("reason")).isEqualTo("Case 2026-17");
        assertThat(api.request("PUT", "api/rooms/" + room + "/legal-hold")
                        .bearer(officer)
                        .json("{\"reason\":\"again\"}")
                        .send()
                        .status())
                .isEqualTo(409);
        assertThat(api.request("PUT", "api/rooms/" + room + "/legal-hold")
                        .bearer(admin)
                        .json("{\"reason\":\"x\"}")
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.request("PUT", "api/rooms/" + room + "/legal-hold")
                        .bearer(officer)
                        .json("{}")
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(api.delete("api/rooms/" + room + "/legal-hold", officer).status())
                .isEqualTo(200);
        assertThat(api.delete("api/rooms/" + room + "/legal-hold", officer).status())
                .isEqualTo(409);
        assertThat(api.get("api/rooms/" + room, carrier).json().containsKey("legalHold"))
                .isFalse();

        var resource = "rooms/" + room;
        assertThat(count(
                        "select count(*) from audit_entry where action = 'ROOM_RETENTION_SET' and resource = ?",
                        resource))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_entry where action = 'LEGAL_HOLD_PLACED' and resource = ?",
                        resource))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_entry where action = 'LEGAL_HOLD_RELEASED' and resource = ?",
                        resource))
                .isEqualTo(1);
    }
}

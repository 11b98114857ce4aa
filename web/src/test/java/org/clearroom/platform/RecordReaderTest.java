package org.clearroom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.clearroom.access.NewRule;
import org.clearroom.access.Permission;
import org.clearroom.access.Principal;
import org.clearroom.access.PrincipalType;
import org.clearroom.identity.NewAccount;
import org.clearroom.identity.OrgKind;
import org.clearroom.identity.Role;
import org.clearroom.platform.control.InvalidInput;
import org.clearroom.platform.control.PayloadTooLarge;
import org.clearroom.rooms.NewRoom;
import org.clearroom.rooms.RoomKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordReaderTest {

    static final String VALID_ACCOUNT =
            """
            {"username": "rita.r", "displayName": "Rita Regulator", "organisationId": "org-1",
             "password": "correct horse battery", "roles": ["COMPLIANCE", "ADMIN"]}
            """;

    static <R extends Record> R read(Class<R> type, String json) {
        return read(type, json.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    static <R extends Record> R read(Class<R> type, byte[] body) {
        try {
            return (R) new RecordReader()
                    .readFrom(
                            (Class<Record>) (Class<?>) type,
                            type,
                            new Annotation[0],
                            MediaType.APPLICATION_JSON_TYPE,
                            null,
                            new ByteArrayInputStream(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<FieldError> errorsOf(Class<? extends Record> type, String json) {
        var invalid = catchThrowableOfType(InvalidInput.class, () -> read(type, json));
        assertThat(invalid).as("%s should be refused", json).isNotNull();
        assertThat(invalid.status()).isEqualTo(400);
        return invalid.errors();
    }

    // --- the body as a whole

    @Test
    void malformedJsonIsRefusedNamingTheBody() {
        var errors = errorsOf(NewRoom.class, "{\"name\": \"Room\", \"kind\": ");

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("body");
            assertThat(error.message()).startsWith("is not valid JSON");
        });
    }

    @Test
    void malformedJsonSaysWhere() {
        var errors = errorsOf(NewRoom.class, "{\"name\": \"Room\",\n \"kind\": FORUM}");

        assertThat(errors).singleElement().satisfies(error -> assertThat(error.message())
                .contains("line 2"));
    }

    @Test
    void contentAfterTheObjectIsMalformed() {
        var errors = errorsOf(NewRoom.class, "{\"name\": \"Room\", \"kind\": \"FORUM\"} {\"name\": \"Other\"}");

        assertThat(errors).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void emptyBodyIsRefused() {
        assertThat(errorsOf(NewRoom.class, "")).containsExactly(new FieldError("body", "a JSON object is required"));
        assertThat(errorsOf(NewRoom.class, "  \n\t "))
                .containsExactly(new FieldError("body", "a JSON object is required"));
    }

    @Test
    void bodyThatIsNotAnObjectIsRefused() {
        var bodies = List.of("[]", "[{\"name\": \"Room\", \"kind\": \"FORUM\"}]", "\"Room\"", "42", "null", "true");
        for (var body : bodies) {
            assertThat(errorsOf(NewRoom.class, body))
                    .as(body)
                    .containsExactly(new FieldError("body", "must be a JSON object"));
        }
    }

    @Test
    void oversizedBodyIsRefusedBeforeParsingAs413() {
        var body = "{\"name\": \"" + "x".repeat(RecordReader.MAX_BODY_BYTES) + "\", \"kind\": \"FORUM\"}";

        var refused = catchThrowableOfType(PayloadTooLarge.class, () -> read(NewRoom.class, body));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.errors())
                .containsExactly(new FieldError("body", "must be at most " + RecordReader.MAX_BODY_BYTES + " bytes"));
    }

    @Test
    void limitsAreInCharactersNotBytes() {
        // 40,000 Cyrillic letters are 80,000 bytes of UTF-8 and 40,000 characters: within a 50,000 limit
        var body = "{\"title\": \"t\", \"body\": \"" + "ж".repeat(40_000) + "\"}";

        assertThat(read(org.clearroom.forums.NewThread.class, body).body()).hasSize(40_000);
        // and the same in the \\u escapes a client may send instead: 240,000 bytes
        var escaped = "{\"title\": \"t\", \"body\": \"" + "\\u0436".repeat(40_000) + "\"}";
        assertThat(read(org.clearroom.forums.NewThread.class, escaped).body()).isEqualTo("ж".repeat(40_000));
    }

    @Test
    void deeplyNestedBodiesAreRefusedBeforeAnyParserRecurses() {
        for (int levels : new int[] {33, 1_000, 100_000}) {
            var body = "{\"name\": \"Room\", \"kind\": \"FORUM\", \"description\": " + "[".repeat(levels)
                    + "]".repeat(levels) + "}";
            assertThat(errorsOf(NewRoom.class, body))
                    .as("%d levels", levels)
                    .containsExactly(new FieldError("body", "nests objects and arrays deeper than 32 levels"));
        }
        // unbalanced too: the count stops no one from sending only openers
        assertThat(errorsOf(NewRoom.class, "{\"a\":" + "{\"a\":".repeat(5_000)))
                .containsExactly(new FieldError("body", "nests objects and arrays deeper than 32 levels"));
    }

    @Test
    void depthCountsOnlyStructureNotBracketsInStrings() {
        assertThat(RecordReader.depth("{}".getBytes(StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(RecordReader.depth("{\"a\": [[1], {\"b\": []}]}".getBytes(StandardCharsets.UTF_8)))
                .as("object, array, object, array")
                .isEqualTo(4);
        assertThat(RecordReader.depth("{\"a\": \"[[[[{{{{\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(RecordReader.depth("{\"a\": \"\\\" [[[[\"}".getBytes(StandardCharsets.UTF_8)))
                .as("an escaped quote does not end the string")
                .isEqualTo(1);
        assertThat(RecordReader.depth("{\"a\": \"\\\\\", \"b\": [[]]}".getBytes(StandardCharsets.UTF_8)))
                .as("an escaped backslash does not escape the closing quote")
                .isEqualTo(3);
    }

    @Test
    void aMemberNamedTwiceIsRefusedNotGuessedAt() {
        assertThat(errorsOf(NewRoom.class, "{\"name\": \"A\", \"kind\": \"FORUM\", \"name\": \"B\"}"))
                .containsExactly(new FieldError("name", "is given more than once"));
        assertThat(errorsOf(
                        org.clearroom.access.NewRule.class,
                        "{\"principal\": {\"type\": \"ACCOUNT\", \"id\": \"a\", \"id\": \"b\"},"
                                + " \"permission\": \"VIEW\"}"))
                .containsExactly(new FieldError("principal.id", "is given more than once"));
        // the same name in two different objects is no repeat
        assertThat(read(
                                org.clearroom.access.NewRule.class,
                                "{\"principal\": {\"type\": \"ORG_KIND\", \"kind\": \"CARRIER\"},"
                                        + " \"permission\": \"VIEW\"}")
                        .permission())
                .isNotNull();
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesAreRefusedInAnyText() {
        assertThat(errorsOf(NewRoom.class, "{\"name\": \"A\", \"kind\": \"FORUM\", \"description\": \"a\\u0007b\"}"))
                .containsExactly(new FieldError("description", "must not contain control characters (U+0007)"));
        assertThat(errorsOf(NewRoom.class, "{\"name\": \"A\", \"kind\": \"FORUM\", \"description\": \"a\\ud800b\"}"))
                .containsExactly(new FieldError(
                        "description", "must be valid Unicode text: it holds an unpaired surrogate (U+D800)"));
        assertThat(errorsOf(NewRoom.class, "{\"name\": \"A\", \"kind\": \"FORUM\", \"description\": \"\\udc00\"}"))
                .extracting(FieldError::field)
                .containsExactly("description");
        // prose keeps its lines, tabs and every well-formed character, emoji included
        var description = read(
                        NewRoom.class,
                        "{\"name\": \"A\", \"kind\": \"FORUM\", \"description\": \"one\\ntwo\\tthree \\ud83d\\ude00\"}")
                .description();
        assertThat(description).isEqualTo("one\ntwo\tthree \uD83D\uDE00");
    }

    @Test
    void proseRefusesDeleteAndC1ControlsToo() {
        for (var control : List.of("\\u007f", "\\u0080", "\\u0085", "\\u009b", "\\u009f")) {
            assertThat(errorsOf(
                            NewRoom.class,
                            "{\"name\": \"A\", \"kind\": \"FORUM\", \"description\": \"a" + control + "b\"}"))
                    .as(control)
                    .singleElement()
                    .satisfies(error -> assertThat(error.message()).startsWith("must not contain control characters"));
        }
        // the first character past C1 is an ordinary one
        assertThat(read(NewRoom.class, "{\"name\": \"A\", \"kind\": \"FORUM\", \"description\": \"a\\u00a0b\"}")
                        .description())
                .isEqualTo("a\u00a0b");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirOffset() {
        assertThat(RecordReader.utf8("{\"a\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\"a\":\"caf\u00e9\"}");
        for (var bad : List.of(
                new byte[] {'{', '"', (byte) 0xFF},
                new byte[] {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {'{', '"', (byte) 0xC0, (byte) 0xAE},
                new byte[] {'{', '"', (byte) 0xE2, (byte) 0x82})) {
            assertThatThrownBy(() -> RecordReader.utf8(bad))
                    .isInstanceOfSatisfying(
                            InvalidInput.class,
                            e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                                assertThat(error.field()).isEqualTo("body");
                                assertThat(error.message()).contains("byte 2");
                            }));
        }
    }

    @Test
    void namesAreOneLineWithoutBidirectionalControlsAndStoredInNfc() {
        assertThat(errorsOf(NewRoom.class, "{\"name\": \"A\\nB\", \"kind\": \"FORUM\"}"))
                .containsExactly(new FieldError("name", "must be one line (U+000A breaks it)"));
        for (var separator : List.of("\\u2028", "\\u2029")) {
            assertThat(errorsOf(NewRoom.class, "{\"name\": \"A" + separator + "B\", \"kind\": \"FORUM\"}"))
                    .extracting(FieldError::field)
                    .as(separator)
                    .containsExactly("name");
        }
        assertThat(errorsOf(NewRoom.class, "{\"name\": \"invoice\\u202Egnp.exe\", \"kind\": \"FORUM\"}"))
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.field()).isEqualTo("name");
                    assertThat(error.message())
                            .startsWith("must not contain bidirectional control characters (U+202E)");
                });
        assertThat(errorsOf(NewRoom.class, "{\"name\": \"A\\u0085B\", \"kind\": \"FORUM\"}"))
                .extracting(FieldError::field)
                .containsExactly("name");
        // "é" as e plus a combining accent is stored as the one character
        assertThat(read(NewRoom.class, "{\"name\": \"Caf\\u0065\\u0301\", \"kind\": \"FORUM\"}")
                        .name())
                .isEqualTo("Caf\u00e9");
        // right-to-left names need no controls: they are welcome
        assertThat(read(
                                NewRoom.class,
                                "{\"name\": \"\u05d7\u05d3\u05e8 \u05d9\u05e9\u05d9\u05d1\u05d5\u05ea\", \"kind\": \"FORUM\"}")
                        .name())
                .hasSize(10);
    }

    // --- single fields

    @Test
    void unknownFieldIsRefusedListingTheKnownOnes() {
        var errors = errorsOf(NewRoom.class, "{\"name\": \"Room\", \"kind\": \"FORUM\", \"colour\": \"red\"}");

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("colour");
            assertThat(error.message()).startsWith("is not a known field").contains("name, kind, description");
        });
    }

    @Test
    void numberWhereTextBelongsIsRefused() {
        assertThat(errorsOf(NewRoom.class, "{\"name\": 42, \"kind\": \"FORUM\"}"))
                .containsExactly(new FieldError("name", "must be a string"));
    }

    @Test
    void objectWhereTextBelongsIsRefused() {
        assertThat(errorsOf(NewRoom.class, "{\"name\": {\"text\": \"Room\"}, \"kind\": \"FORUM\"}"))
                .containsExactly(new FieldError("name", "must be a string"));
    }

    @Test
    void unknownEnumValueIsRefusedListingTheAllowedOnes() {
        assertThat(errorsOf(NewRoom.class, "{\"name\": \"Room\", \"kind\": \"CHAT\"}"))
                .containsExactly(new FieldError("kind", "must be one of FORUM, DOCUMENTS"));
    }

    @Test
    void enumNamesAreCaseSensitive() {
        assertThat(errorsOf(NewRoom.class, "{\"name\": \"Room\", \"kind\": \"forum\"}"))
                .extracting(FieldError::field)
                .containsExactly("kind");
    }

    @Test
    void missingRequiredFieldIsReported() {
        assertThat(errorsOf(NewRoom.class, "{\"name\": \"Room\"}"))
                .containsExactly(new FieldError("kind", "is required"));
    }

    @Test
    void everyMissingRequiredFieldIsReported() {
        assertThat(errorsOf(NewRoom.class, "{}"))
                .containsExactlyInAnyOrder(
                        new FieldError("name", "is required"), new FieldError("kind", "is required"));
    }

    @Test
    void explicitNullForARequiredFieldCountsAsMissing() {
        assertThat(errorsOf(NewRoom.class, "{\"name\": \"Room\", \"kind\": null}"))
                .containsExactly(new FieldError("kind", "is required"));
    }

    @Test
    void blankRequiredTextIsRefused() {
        assertThat(errorsOf(NewRoom.class, "{\"name\": \"   \", \"kind\": \"FORUM\"}"))
                .containsExactly(new FieldError("name", "must not be blank"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u200b", "\\ufeff", "\\u00a0", "\\u3000", "\\u3164", " \\u200b\\u2060 "})
    void textThatShowsNothingIsBlank(String invisible) {
        assertThat(errorsOf(NewRoom.class, "{\"name\": \"" + invisible + "\", \"kind\": \"FORUM\"}"))
                .containsExactly(new FieldError("name", "must not be blank"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Fjordtel\\u200b",
                "wit\\u00adness",
                "a\\u200eb",
                "a\\u061cb",
                "a\\ufeffb",
                "Fjord\\u034ftel",
                "Fjordtel\\u00a0",
                "Fjordtel\\u200c",
                "\\u200dFjordtel",
                "Fjord\\u17b4tel",
                "Fjordtel\\u00a0 "
            })
    void invisibleCharactersAreRefusedInNames(String name) {
        assertThat(errorsOf(NewRoom.class, "{\"name\": \"" + name + "\", \"kind\": \"FORUM\"}"))
                .extracting(FieldError::field)
                .containsExactly("name");
    }

    @Test
    void joinersStayInNames() {
        // a Persian name needs U+200C; an emoji sequence U+200D
        var room = read(
                NewRoom.class,
                "{\"name\": \"\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \ud83d\udc69\u200d\ud83d\udcbb\", \"kind\": \"FORUM\"}");

        assertThat(room.name()).contains("\u200C", "\u200D");
    }

    @Test
    void overlongTextIsRefusedNamingTheLimit() {
        var body = "{\"name\": \"" + "n".repeat(121) + "\", \"kind\": \"FORUM\"}";

        assertThat(errorsOf(NewRoom.class, body))
                .containsExactly(new FieldError("name", "must be at most 120 characters"));
    }

    @Test
    void textAtTheLimitIsAccepted() {
        var room = read(NewRoom.class, "{\"name\": \"" + "n".repeat(120) + "\", \"kind\": \"FORUM\"}");

        assertThat(room.name()).hasSize(120);
    }

    @Test
    void charactersAreCountedNotUtf16Units() {
        // 120 emoji are 240 UTF-16 units but 120 characters
        var room = read(NewRoom.class, "{\"name\": \"" + "😀".repeat(120) + "\", \"kind\": \"FORUM\"}");

        assertThat(room.name().codePointCount(0, room.name().length())).isEqualTo(120);
    }

    @Test
    void tooShortTextIsRefusedNamingTheLimit() {
        var body = VALID_ACCOUNT.replace("correct horse battery", "short");

        assertThat(errorsOf(NewAccount.class, body))
                .containsExactly(new FieldError("password", "must be at least 12 characters"));
    }

    @Test
    void textNotMatchingItsPatternIsRefused() {
        var body = VALID_ACCOUNT.replace("rita.r", "Rita R");

        assertThat(errorsOf(NewAccount.class, body))
                .extracting(FieldError::field)
                .containsExactly("username");
    }

    @Test
    void nulCharacterIsRefused() {
        assertThat(errorsOf(NewRoom.class, "{\"name\": \"Ro\\u0000om\", \"kind\": \"FORUM\"}"))
                .containsExactly(new FieldError("name", "must not contain NUL characters"));
    }

    @Test
    void rfc3339DateTimeWithoutOffsetIsRefused() {
        var errors = errorsOf(
                NewRule.class,
                "{\"principal\": {\"type\": \"ORGANISATION\", \"id\": \"org-1\"}, \"permission\": \"VIEW\","
                        + " \"expiresAt\": \"2027-01-31T12:00:00\"}");

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("expiresAt");
            assertThat(error.message()).contains("RFC 3339");
        });
    }

    @Test
    void numberWhereADateTimeBelongsIsRefused() {
        var errors = errorsOf(
                NewRule.class,
                "{\"principal\": {\"type\": \"ORGANISATION\", \"id\": \"org-1\"}, \"permission\": \"VIEW\","
                        + " \"expiresAt\": 1800000000}");

        assertThat(errors).extracting(FieldError::field).containsExactly("expiresAt");
    }

    @Test
    void listFieldMustBeAnArray() {
        var body = VALID_ACCOUNT.replace("[\"COMPLIANCE\", \"ADMIN\"]", "\"ADMIN\"");

        assertThat(errorsOf(NewAccount.class, body)).containsExactly(new FieldError("roles", "must be an array"));
    }

    @Test
    void badListElementIsNamedByItsIndex() {
        var body = VALID_ACCOUNT.replace("[\"COMPLIANCE\", \"ADMIN\"]", "[\"ADMIN\", \"ROOT\", null]");

        assertThat(errorsOf(NewAccount.class, body))
                .containsExactly(
                        new FieldError("roles[1]", "must be one of ADMIN, COMPLIANCE"),
                        new FieldError("roles[2]", "must not be null"));
    }

    @Test
    void listLongerThanItsLimitIsRefused() {
        var body = VALID_ACCOUNT.replace("[\"COMPLIANCE\", \"ADMIN\"]", "[\"ADMIN\", \"COMPLIANCE\", \"ADMIN\"]");

        assertThat(errorsOf(NewAccount.class, body))
                .containsExactly(new FieldError("roles", "must be at most 2 items"));
    }

    // --- nested records

    @Test
    void nestedFieldIsNamedByItsPath() {
        var errors = errorsOf(NewRule.class, "{\"principal\": {\"type\": \"TEAM\"}, \"permission\": \"VIEW\"}");

        assertThat(errors).contains(new FieldError("principal.type", "must be one of ORGANISATION, ACCOUNT, ORG_KIND"));
    }

    @Test
    void invalidNestedFieldIsTheOnlyErrorReported() {
        // the client did send a principal: saying it is null as well would send them looking in the wrong place
        var errors = errorsOf(NewRule.class, "{\"principal\": {\"type\": \"TEAM\"}, \"permission\": \"VIEW\"}");

        assertThat(errors)
                .containsExactly(new FieldError("principal.type", "must be one of ORGANISATION, ACCOUNT, ORG_KIND"));
    }

    @Test
    void unknownNestedFieldIsNamedByItsPath() {
        var errors = errorsOf(
                NewRule.class,
                "{\"principal\": {\"type\": \"ORGANISATION\", \"id\": \"org-1\", \"role\": \"x\"},"
                        + " \"permission\": \"VIEW\"}");

        assertThat(errors).extracting(FieldError::field).containsExactly("principal.role");
    }

    @Test
    void missingNestedRequiredFieldIsNamedByItsPath() {
        var errors = errorsOf(NewRule.class, "{\"principal\": {\"id\": \"org-1\"}, \"permission\": \"VIEW\"}");

        assertThat(errors).contains(new FieldError("principal.type", "is required"));
    }

    @Test
    void textWhereANestedObjectBelongsIsRefused() {
        assertThat(errorsOf(NewRule.class, "{\"principal\": \"org-1\", \"permission\": \"VIEW\"}"))
                .containsExactly(new FieldError("principal", "must be an object"));
    }

    // --- everything at once

    @Test
    void allErrorsAreReportedTogether() {
        var invalid = catchThrowableOfType(
                InvalidInput.class,
                () -> read(
                        NewAccount.class,
                        """
                        {"username": "Al", "organisationId": 7, "password": "short",
                         "roles": ["ROOT"], "nickname": "al"}
                        """));

        assertThat(invalid).isNotNull();
        assertThat(invalid.errors())
                .extracting(FieldError::field)
                .contains("username", "displayName", "organisationId", "password", "roles[0]", "nickname");
        assertThat(invalid.errors())
                .contains(
                        new FieldError("displayName", "is required"),
                        new FieldError("organisationId", "must be a string"),
                        new FieldError("password", "must be at least 12 characters"),
                        new FieldError("roles[0]", "must be one of ADMIN, COMPLIANCE"));
        assertThat(invalid.getMessage()).isEqualTo(invalid.errors().size() + " fields are invalid");
    }

    @Test
    void errorsOfOuterAndNestedFieldsAreReportedTogether() {
        var errors = errorsOf(
                NewRule.class,
                "{\"principal\": {\"type\": \"TEAM\", \"id\": 1}, \"permission\": \"OWN\", \"expiresAt\": \"soon\"}");

        assertThat(errors)
                .extracting(FieldError::field)
                .contains("principal.type", "principal.id", "permission", "expiresAt");
    }

    @Test
    void singleErrorIsSummarisedInTheMessage() {
        var invalid = catchThrowableOfType(
                InvalidInput.class, () -> read(NewRoom.class, "{\"name\": \"Room\", \"kind\": \"CHAT\"}"));

        assertThat(invalid.getMessage()).isEqualTo("kind: must be one of FORUM, DOCUMENTS");
    }

    // --- what gets through

    @Test
    void validAccountIsDecodedWithRolesInTheOrderSent() {
        var account = read(NewAccount.class, VALID_ACCOUNT);

        assertThat(account)
                .isEqualTo(new NewAccount(
                        "rita.r",
                        "Rita Regulator",
                        "org-1",
                        "correct horse battery",
                        List.of(Role.COMPLIANCE, Role.ADMIN)));
    }

    @Test
    void validRuleIsDecodedWithItsExpiryAsAnInstant() {
        var rule = read(
                NewRule.class,
                "{\"principal\": {\"type\": \"ORG_KIND\", \"kind\": \"REGULATOR\"}, \"permission\": \"DOWNLOAD\","
                        + " \"expiresAt\": \"2027-01-31T12:00:00.5+01:00\"}");

        assertThat(rule)
                .isEqualTo(new NewRule(
                        new Principal(PrincipalType.ORG_KIND, null, OrgKind.REGULATOR),
                        Permission.DOWNLOAD,
                        Instant.parse("2027-01-31T11:00:00.500Z")));
    }

    @Test
    void optionalFieldsMayBeLeftOutOrNull() {
        assertThat(read(NewRoom.class, "{\"name\": \"Room\", \"kind\": \"DOCUMENTS\"}"))
                .isEqualTo(new NewRoom("Room", RoomKind.DOCUMENTS, null));
        assertThat(read(NewRoom.class, "{\"name\": \"Room\", \"kind\": \"DOCUMENTS\", \"description\": null}"))
                .isEqualTo(new NewRoom("Room", RoomKind.DOCUMENTS, null));
        assertThat(read(
                                NewRule.class,
                                "{\"principal\": {\"type\": \"ACCOUNT\", \"id\": \"acc-1\"}, \"permission\": \"VIEW\"}")
                        .expiresAt())
                .isNull();
    }

    @Test
    void textIsKeptAsSentIncludingEscapes() {
        var room = read(
                NewRoom.class,
                "{\"name\": \"Room \\\"A\\\" \\u00e9\", \"kind\": \"FORUM\", \"description\": \"line 1\\nline 2\"}");

        assertThat(room).isEqualTo(new NewRoom("Room \"A\" é", RoomKind.FORUM, "line 1\nline 2"));
    }

    @Test
    void readsOnlyClearroomRecords() {
        var reader = new RecordReader();

        assertThat(reader.isReadable(NewRoom.class, NewRoom.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE))
                .isTrue();
        assertThat(reader.isReadable(String.class, String.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE))
                .isFalse();
    }
}

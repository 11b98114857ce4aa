package org.clearroom.audit.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clearroom.audit.Action;
import org.clearroom.platform.control.Digests;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    static final Instant AT = Instant.parse("2026-03-01T12:00:00.123456789Z");
    static final String DIGEST = Digests.sha256Hex("the post body");

    static AuditEntry entry(String resource, String digest) {
        return new AuditEntry(AT, "acc-1", "org-1", Action.ROOM_CREATED, resource, "req-1", "203.0.113.7", digest);
    }

    @Test
    void canonicalFormIsTheExactSortedCompactObject() {
        var entry = entry("rooms/r-1", DIGEST);

        assertThat(entry.canonical())
                .isEqualTo("{\"action\":\"ROOM_CREATED\","
                        + "\"actor\":{\"account\":\"acc-1\",\"organisation\":\"org-1\"},"
                        + "\"at\":\"2026-03-01T12:00:00.123456Z\","
                        + "\"client\":\"203.0.113.7\","
                        + "\"digest\":\"sha256:" + DIGEST + "\","
                        + "\"format\":1,"
                        + "\"id\":\"" + entry.id() + "\","
                        + "\"requestId\":\"req-1\","
                        + "\"resource\":\"rooms/r-1\"}");
    }

    @Test
    void membersAreSortedAndNothingElseIsThere() {
        var canonical = entry("rooms/r-1", DIGEST).canonical();

        assertThat(topLevelKeys(canonical))
                .containsExactly("action", "actor", "at", "client", "digest", "format", "id", "requestId", "resource");
        assertThat(canonical).contains("\"actor\":{\"account\":\"acc-1\",\"organisation\":\"org-1\"}");
    }

    @Test
    void canonicalFormHasNoWhitespaceOutsideStrings() {
        var canonical = entry("rooms/with space", DIGEST).canonical();

        assertThat(outsideStrings(canonical)).doesNotContainPattern("\\s");
        assertThat(canonical).startsWith("{").endsWith("}");
    }

    @Test
    void digestIsPrefixedWithItsAlgorithm() {
        var canonical = entry("rooms/r-1", DIGEST).canonical();

        assertThat(DIGEST).matches("[0-9a-f]{64}");
        assertThat(canonical).contains("\"digest\":\"sha256:" + DIGEST + "\"");
    }

    @Test
    void missingDigestClientAndActorAreNull() {
        var entry = new AuditEntry(AT, null, null, Action.SIGN_IN_FAILED, "accounts/alice", "req-2", null, null);

        assertThat(entry.canonical())
                .contains("\"actor\":{\"account\":null,\"organisation\":null}")
                .contains("\"client\":null")
                .contains("\"digest\":null")
                .doesNotContain("sha256:");
    }

    @Test
    void timestampIsTruncatedToMicroseconds() {
        var canonical = entry("rooms/r-1", null).canonical();

        assertThat(canonical).contains("\"at\":\"2026-03-01T12:00:00.123456Z\"").doesNotContain("123456789");
    }

    @Test
    void timestampIsUtcWithAZ() {
        var canonical = entry("rooms/r-1", null).canonical();

        assertThat(canonical).containsPattern("\"at\":\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z\"");
    }

    @Test
    void stringsAreEscapedAsJcsAsks() {
        // JCS escapes only '"', '\', and controls (short forms where JSON has them, else lower-case \\u00xx);
        // everything else, '/' and non-ASCII included, is written as it is
        var canonical =
                entry("rooms/\"quoted\"\\back\n\t\u0001\u001f/é€\u2028😀", null).canonical();

        assertThat(canonical).contains("\"resource\":\"rooms/\\\"quoted\\\"\\\\back\\n\\t\\u0001\\u001f/é€\u2028😀\"");
    }

    @Test
    void formatIsAnIntegerNotAString() {
        assertThat(entry("rooms/r-1", null).canonical()).contains("\"format\":1,");
        assertThat(AuditEntry.FORMAT).isEqualTo(1);
    }

    @Test
    void everyEntryHasItsOwnId() {
        var first = entry("rooms/r-1", DIGEST);
        var second = entry("rooms/r-1", DIGEST);

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.canonical()).isNotEqualTo(second.canonical()).contains(first.id());
    }

    @Test
    void entryWithoutActionResourceOrRequestIsRefused() {
        assertThatNullPointerException()
                .isThrownBy(() -> new AuditEntry(AT, "a", "o", null, "rooms/r-1", "req", null, null));
        assertThatNullPointerException()
                .isThrownBy(() -> new AuditEntry(AT, "a", "o", Action.SIGN_IN, null, "req", null, null));
        assertThatNullPointerException()
                .isThrownBy(() -> new AuditEntry(AT, "a", "o", Action.SIGN_IN, "rooms/r-1", null, null, null));
        assertThatNullPointerException()
                .isThrownBy(() -> new AuditEntry(null, "a", "o", Action.SIGN_IN, "rooms/r-1", "req", null, null));
    }

    /** The text with the contents of every string literal removed (quotes kept). */
    static String outsideStrings(String json) {
        var out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    out.append(c);
                }
            } else {
                if (c == '"') {
                    inString = true;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The member names of the outermost object, in the order written. */
    static List<String> topLevelKeys(String json) {
        var keys = new ArrayList<String>();
        int depth = 0;
        boolean expectKey = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                int end = i + 1;
                var text = new StringBuilder();
                while (json.charAt(end) != '"') {
                    if (json.charAt(end) == '\\') {
                        end++;
                    }
                    text.append(json.charAt(end));
                    end++;
                }
                if (depth == 1 && expectKey) {
                    keys.add(text.toString());
                    expectKey = false;
                }
                i = end;
            } else if (c == '{') {
                depth++;
                expectKey = depth == 1;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 1) {
                expectKey = true;
            }
        }
        return keys;
    }
}

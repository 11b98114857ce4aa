package org.clearroom.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.clearroom.platform.FieldError;
import org.junit.jupiter.api.Test;

class CursorsTest {

    private final Cursors cursors = new Cursors("k".repeat(32).getBytes(StandardCharsets.UTF_8));

    @Test
    void aCursorReadsBackItsKeys() {
        var at = Instant.parse("2026-11-27T07:40:55.523395Z");
        var position = cursors.read("posts", cursors.of("posts", at, "id-1"), 2).orElseThrow();

        assertThat(position.instant(0)).isEqualTo(at);
        assertThat(position.text(1)).isEqualTo("id-1");
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertThat(cursors.read("posts", null, 2)).isEmpty();
        assertThat(cursors.read("posts", "", 2)).isEmpty();
    }

    @Test
    void aCursorOfAnotherListingOrOfAnotherKeyIsRefused() {
        var threads = cursors.of("threads", true, Instant.EPOCH, "x");
        assertRefused(() -> cursors.read("posts", threads, 2));
        var otherInstallation = new Cursors("z".repeat(32).getBytes(StandardCharsets.UTF_8));
        assertRefused(() -> cursors.read("posts", otherInstallation.of("posts", Instant.EPOCH, "x"), 2));
    }

    @Test
    void aCursorBuiltByHandIsRefusedEvenWithAPlausibleCheck() {
        // what the unkeyed SHA-256 check allowed: anyone could compute it
        var payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("posts\n+294277-01-01T00:00:00Z\nx".getBytes(StandardCharsets.UTF_8));
        var forged = payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);
        assertRefused(() -> cursors.read("posts", forged, 2));
        for (var garbage : List.of("%%%not-base64", "abc", "abc.def", ".", "x".repeat(Cursors.MAX_LENGTH + 1))) {
            assertRefused(() -> cursors.read("posts", garbage, 2));
        }
    }

    @Test
    void anAlteredCursorIsRefusedWhicheverCharacterChanged() {
        var cursor = cursors.of("posts", Instant.EPOCH, "id-1");
        for (int i = 0; i < cursor.length(); i++) {
            var chars = cursor.toCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            var altered = new String(chars);
            if (!altered.equals(cursor)) {
                assertRefused(() -> cursors.read("posts", altered, 2));
            }
        }
    }

    @Test
    void keysOutOfTheirRangeAreRefusedEvenWhenSigned() {
        // only the server's own bug could sign these; they still never reach a query
        var farFuture =
                cursors.read("t", cursors.of("t", "+294277-01-01T00:00:00Z"), 1).orElseThrow();
        assertRefused(() -> farFuture.instant(0));
        var negative = cursors.read("t", cursors.of("t", -20), 1).orElseThrow();
        assertRefused(() -> negative.number(0));
        var notANumber = cursors.read("t", cursors.of("t", "NaN"), 1).orElseThrow();
        assertRefused(() -> notANumber.real(0));
        var longText = cursors.read("t", cursors.of("t", "x".repeat(65)), 1).orElseThrow();
        assertRefused(() -> longText.text(0));
        var notAFlag = cursors.read("t", cursors.of("t", "yes"), 1).orElseThrow();
        assertRefused(() -> notAFlag.flag(0));
    }

    @Test
    void aCursorTellsItsReaderNothingOfWhatItHolds() {
        var cursor = cursors.of("posts:room-7", Instant.EPOCH, "secret-thread-id");
        var bytes = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.ISO_8859_1);

        assertThat(bytes).doesNotContain("posts", "room-7", "secret-thread-id", "1970");
        assertThat(cursors.of("posts:room-7", Instant.EPOCH, "secret-thread-id"))
                .as("sealed afresh each time")
                .isNotEqualTo(cursor);
    }

    @Test
    void aRankSurvivesTheRoundTripExactly() {
        float rank = 0.0607927f;
        assertThat(cursors.read("s", cursors.of("s", rank), 1).orElseThrow().real(0))
                .isEqualTo(rank);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.errors())
                .extracting(FieldError::field)
                .containsExactly("cursor"));
    }
}

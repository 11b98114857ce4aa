package org.clearroom.forums.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.clearroom.platform.control.InvalidInput;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void aCursorReadsBackItsKeys() {
        var at = Instant.parse("2026-11-27T07:40:55.523395Z");
        var cursor = Cursor.of("posts", at, "id-1");
        var keys = Cursor.read("posts", cursor, 2);
        assertThat(Cursor.instant(keys[0])).isEqualTo(at);
        assertThat(keys[1]).isEqualTo("id-1");
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertThat(Cursor.read("posts", null, 2)).isNull();
        assertThat(Cursor.read("posts", "", 2)).isNull();
    }

    @Test
    void aCursorOfAnotherListingOrAnAlteredOneIsRefused() {
        var cursor = Cursor.of("threads", true, Instant.EPOCH, "x");
        assertThatThrownBy(() -> Cursor.read("posts", cursor, 2))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("cursor");
        assertThatThrownBy(() -> Cursor.read("posts", "%%%not-base64", 2)).isInstanceOf(InvalidInput.class);
        var tampered = Cursor.of("posts", Instant.EPOCH, "id-1").replace('M', 'N');
        assertThatThrownBy(() -> Cursor.read("posts", tampered, 2)).isInstanceOf(InvalidInput.class);
        var altered = Cursor.of("posts", "yesterday", "x");
        var keys = Cursor.read("posts", altered, 2);
        assertThatThrownBy(() -> Cursor.instant(keys[0])).isInstanceOf(InvalidInput.class);
    }
}

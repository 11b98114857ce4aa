package org.clearroom.rooms.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.clearroom.rooms.RoomKind;
import org.junit.jupiter.api.Test;

class RoomEntityTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private static RoomEntity room() {
        return new RoomEntity("Evidence", RoomKind.DOCUMENTS, null, NOW.minus(Duration.ofDays(400)));
    }

    @Test
    void contentIsKeptForeverWithoutRetention() {
        assertThat(room().purgeBefore(NOW)).isEmpty();
    }

    @Test
    void retentionPurgesWhatIsOlderThanItsDays() {
        var room = room();
        assertThat(room.retainFor(30)).isTrue();
        assertThat(room.retainFor(30)).as("no change").isFalse();
        assertThat(room.purgeBefore(NOW)).contains(NOW.minus(Duration.ofDays(30)));
        assertThat(room.toRecord(java.util.Set.of()).retentionDays()).isEqualTo(30);
    }

    @Test
    void aLegalHoldBlocksPurgingUntilReleased() {
        var room = room();
        room.retainFor(7);
        room.placeHold(" Case 17 ", "officer", NOW);
        assertThat(room.purgeBefore(NOW)).isEmpty();
        assertThat(room.toRecord(java.util.Set.of()).legalHold().reason()).isEqualTo("Case 17");
        assertThatThrownBy(() -> room.placeHold("again", "officer", NOW)).isInstanceOf(IllegalStateException.class);
        room.releaseHold();
        assertThat(room.purgeBefore(NOW)).contains(NOW.minus(Duration.ofDays(7)));
        assertThat(room.toRecord(java.util.Set.of()).legalHold()).isNull();
        assertThatThrownBy(room::releaseHold).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void retentionIsOneDayToAHundredYears() {
        assertThatThrownBy(() -> room().retainFor(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> room().retainFor(36501)).isInstanceOf(IllegalArgumentException.class);
        assertThat(room().retainFor(null)).isFalse();
    }
}

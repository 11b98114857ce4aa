package org.clearroom.rooms.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.clearroom.platform.control.Actor;

/**
 * One kind of room content (forum posts, document bytes) that a room's retention purges. {@link
 * RoomRetention} calls every implementation, in the purge's transaction, once it has decided that the
 * room may be purged (it has a retention period and no legal hold); an implementation never decides
 * that itself.
 */
public interface ContentPurger {

    /**
     * Removes the content of room {@code roomId} created before {@code before}, keeping digests and ledger
     * entries, and leaves alone what an earlier run removed.
     *
     * @param actor who purges: the server ({@link Actor#SYSTEM}) or an operator
     * @param now the time the purge records
     * @return what was removed: counts by kind ({@code posts}) and the resource names ({@code posts/…}),
     *     sorted, for the one CONTENT_PURGED entry of the run
     */
    Purge purge(Actor actor, String roomId, Instant before, Instant now);

    /** What one component removed; both empty when nothing was old enough. */
    record Purge(Map<String, Integer> counts, List<String> resources) {

        public Purge {
            counts = Map.copyOf(counts);
            resources = List.copyOf(resources);
        }
    }
}

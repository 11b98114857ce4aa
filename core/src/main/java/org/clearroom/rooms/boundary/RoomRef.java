package org.clearroom.rooms.boundary;

import org.clearroom.rooms.RoomKind;

/**
 * A room as content components see it once {@link RoomGate} let the caller in: its id and kind, and the
 * resource name its rules and audit entries use ({@code rooms/{id}}).
 */
public record RoomRef(String id, RoomKind kind) {

    /** The resource name of a room in rules and audit entries: {@code rooms/{id}}. */
    public static String resourceOf(String roomId) {
        return RoomGate.RESOURCE_PREFIX + roomId;
    }

    public String resource() {
        return resourceOf(id);
    }
}

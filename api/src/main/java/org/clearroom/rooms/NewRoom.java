package org.clearroom.rooms;

import org.clearroom.platform.Length;
import org.clearroom.platform.Required;
import org.clearroom.platform.SingleLine;

public record NewRoom(
        @Required @SingleLine @Length(max = 120) String name,
        @Required RoomKind kind,
        @Length(max = 2000) String description) {}

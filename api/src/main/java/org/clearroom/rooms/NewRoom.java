package org.clearroom.rooms;

import org.clearroom.platform.Length;
import org.clearroom.platform.Required;

public record NewRoom(
        @Required @Length(max = 120) String name, @Required RoomKind kind, @Length(max = 2000) String description) {}

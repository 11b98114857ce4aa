package org.clearroom.rooms;

public enum RoomKind {
    FORUM,
    DOCUMENTS
}

package org.clearroom.platform.control;

import java.util.List;

/**
 * Work whose cost the request decides (a search) ran past its time limit and was stopped: 503, so the
 * caller knows to ask differently, and nothing was changed.
 */
public class TooSlow extends ClearroomException {

    public TooSlow(String detail) {
        super(503, "too-slow", "Stopped: took too long", detail, List.of());
    }
}

package org.clearroom.forums;

import java.util.List;
import org.clearroom.platform.Length;

/** Marks the listed notifications read, or all of them when {@code ids} is absent. */
public record MarkRead(@Length(max = 500) List<String> ids) {}

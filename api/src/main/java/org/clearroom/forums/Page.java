package org.clearroom.forums;

import java.util.List;

/**
 * One page of a listing, newest or oldest first. {@code next} is an opaque cursor for the following
 * page, null on the last one.
 */
public record Page<T>(List<T> items, String next) {}

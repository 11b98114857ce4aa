package org.clearroom.platform;

import java.util.List;

/**
 * One page of a listing. {@code next} is an opaque cursor for the following page, null on the last
 * one; pass it back as the listing's {@code cursor} parameter, with the same other parameters.
 */
public record Page<T>(List<T> items, String next) {}

package org.clearroom.platform;

/** One invalid input field: its JSON path ({@code principal.type}) and what is wrong with it. */
public record FieldError(String field, String message) {}

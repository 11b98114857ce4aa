package org.clearroom.access;

/** Why an account may or may not do something: the rule that allowed it, or the reason nothing did. */
public record Explanation(boolean allowed, Rule rule, String reason) {}

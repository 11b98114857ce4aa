package org.clearroom.access.control;

import org.clearroom.access.entity.AccessRule;

/** The answer of the policy: allowed or not, the rule that allowed it, and why, in words. */
public record Decision(boolean allowed, AccessRule rule, String reason) {}

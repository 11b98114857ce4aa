package org.clearroom.identity;

/**
 * What an organisation is to the others: access rules may name a whole kind. {@link #OPERATOR} is the
 * platform operators' own organisation (its ADMIN and COMPLIANCE accounts): no rule may name it or its
 * members, and no kind rule matches it, because operators never see content by their role.
 */
public enum OrgKind {
    VENDOR,
    CARRIER,
    REGULATOR,
    OBSERVER,
    OPERATOR
}

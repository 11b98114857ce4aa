package org.clearroom.identity;

/** What an organisation is to the others: access rules may name a whole kind. */
public enum OrgKind {
    VENDOR,
    CARRIER,
    REGULATOR,
    OBSERVER
}

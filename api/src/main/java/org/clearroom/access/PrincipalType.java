package org.clearroom.access;

public enum PrincipalType {
    ORGANISATION,
    ACCOUNT,
    ORG_KIND
}

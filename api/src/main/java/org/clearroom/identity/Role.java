package org.clearroom.identity;

/**
 * Platform roles. Neither grants content: ADMIN manages organisations, accounts, rooms and rules;
 * COMPLIANCE reads and verifies the audit ledger.
 */
public enum Role {
    ADMIN,
    COMPLIANCE
}

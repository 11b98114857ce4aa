package org.clearroom.audit;

/** Where a witness key stands: registered by its organisation, then approved or rejected by an operator. */
public enum WitnessStatus {
    PENDING,
    APPROVED,
    REJECTED
}

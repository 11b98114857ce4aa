package org.clearroom.audit;

/** What an audit entry records. Names are stable: they appear in exports and evidence. */
public enum Action {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_IN_LOCKED,
    SIGN_OUT,
    TOKEN_REVOKED,
    ORGANISATION_CREATED,
    ACCOUNT_CREATED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    ROOM_CREATED,
    RULE_GRANTED,
    RULE_REVOKED,
    ACCESS_EXPLAINED,
    LEDGER_EXPORTED,
    AUDIT_SEARCHED,
    EVIDENCE_EXPORTED,
    WITNESS_REGISTERED,
    WITNESS_APPROVED,
    WITNESS_REJECTED,
    CHECKPOINT_COSIGNED
}

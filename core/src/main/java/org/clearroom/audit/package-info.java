/**
 * The audit trail: one entry per exchange, written in the transaction of the change it describes, so
 * an entry exists exactly when its change does. The table refuses UPDATE, DELETE and TRUNCATE in the
 * database itself.
 *
 * <p>Each entry carries who (account, organisation), what (action), which resource, when, the request
 * id and client address, and the SHA-256 digest of the content involved (never the content). Its
 * RFC 8785 canonical JSON is fixed at insert time: those bytes are the Merkle leaf of the ledger.
 *
 * <p>Out of scope here (the ledger issue): sequencing, checkpoints, proofs, export and search.
 */
package org.clearroom.audit;

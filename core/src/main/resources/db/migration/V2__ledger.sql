-- The verifiable ledger over audit_entry (RFC 9162 Merkle tree, C2SP checkpoints).
--
-- audit_pending: entries not yet numbered. AuditTrail inserts here in the business transaction; the
-- one sequencer (PostgreSQL advisory lock) takes what it can see, numbers it and deletes it, so the
-- hot path takes no global lock and the sequencer's work is proportional to the batch, not the log.
-- Rows become visible to the sequencer when their transaction commits, so numbering follows commit
-- order, without gaps or duplicates.
create table audit_pending (
    entry_id varchar(36) primary key references audit_entry (id),
    position bigint      not null
);
create index audit_pending_position on audit_pending (position);

-- One row per numbered entry: its index in the log and the leaf hash fixed when it was numbered.
create table ledger_leaf (
    idx       bigint      primary key,
    entry_id  varchar(36) not null unique references audit_entry (id),
    leaf_hash bytea       not null check (octet_length(leaf_hash) = 32)
);

-- Every complete (perfect) subtree: level L, index i covers leaves [i * 2^L, (i + 1) * 2^L).
-- Level 0 repeats the leaf hashes. Any root or proof needs O(log n) of these rows.
create table ledger_node (
    level smallint not null,
    idx   bigint   not null,
    hash  bytea    not null check (octet_length(hash) = 32),
    primary key (level, idx)
);

-- Signed checkpoints, one per sequenced batch.
create table ledger_checkpoint (
    tree_size bigint      primary key,
    root_hash bytea       not null check (octet_length(root_hash) = 32),
    note      text        not null,
    signed_at timestamptz not null
);

-- Entries recorded before the ledger existed are numbered first, in insertion order.
insert into audit_pending (entry_id, position) select id, position from audit_entry;

create function ledger_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger ledger_leaf_append_only before update or delete on ledger_leaf
    for each row execute function ledger_refuse_change();
create trigger ledger_node_append_only before update or delete on ledger_node
    for each row execute function ledger_refuse_change();
create trigger ledger_checkpoint_append_only before update or delete on ledger_checkpoint
    for each row execute function ledger_refuse_change();
create trigger ledger_leaf_no_truncate before truncate on ledger_leaf
    for each statement execute function ledger_refuse_change();
create trigger ledger_node_no_truncate before truncate on ledger_node
    for each statement execute function ledger_refuse_change();
create trigger ledger_checkpoint_no_truncate before truncate on ledger_checkpoint
    for each statement execute function ledger_refuse_change();

-- Every new audit entry waits for the sequencer, queued in the transaction that records it.
create function audit_entry_enqueue() returns trigger language plpgsql as $$
begin
    insert into audit_pending (entry_id, position) values (new.id, new.position);
    return null;
end;
$$;
create trigger audit_entry_enqueue after insert on audit_entry
    for each row execute function audit_entry_enqueue();

-- Witnesses: organisations' Ed25519 cosigning keys (C2SP tlog-cosignature, cosignature/v1), and the
-- cosignatures they post on ledger checkpoints.

-- A key is registered by a member of its organisation (PENDING) and approved or rejected once by an
-- operator. Its organisation, name and key never change; only a PENDING key is ever decided. At most one
-- live (not rejected) key per organisation, per name and per public key: C2SP forbids one Ed25519 key
-- under two cosigner names, since the signed message does not commit to the name.
create table witness (
    id              varchar(36)  primary key,
    organisation_id varchar(36)  not null references organisation (id),
    name            varchar(200) not null,
    public_key      bytea        not null check (octet_length(public_key) = 32),
    key_id          bytea        not null check (octet_length(key_id) = 4),
    status          varchar(16)  not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    registered_by   varchar(36)  not null references account (id),
    created_at      timestamptz  not null,
    decided_by      varchar(36)  references account (id),
    decided_at      timestamptz,
    reason          varchar(500),
    version         bigint       not null default 0,
    check ((status = 'PENDING') = (decided_at is null))
);
create unique index witness_live_per_organisation on witness (organisation_id) where status <> 'REJECTED';
create unique index witness_live_name on witness (name) where status <> 'REJECTED';
create unique index witness_live_key on witness (public_key) where status <> 'REJECTED';
create index witness_key_id on witness (key_id);

create function witness_guard() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' then
        raise exception 'witness rows are never removed: % refused', tg_op using errcode = 'insufficient_privilege';
    end if;
    if old.status <> 'PENDING'
            or new.status = 'PENDING'
            or new.id <> old.id
            or new.organisation_id <> old.organisation_id
            or new.name <> old.name
            or new.public_key <> old.public_key
            or new.key_id <> old.key_id
            or new.registered_by <> old.registered_by
            or new.created_at <> old.created_at then
        raise exception 'a witness key is decided once, and its organisation, name and key never change'
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;
create trigger witness_decided_once before update or delete on witness
    for each row execute function witness_guard();
create trigger witness_no_truncate before truncate on witness
    for each statement execute function witness_guard();

-- Accepted cosignatures: the line's bytes after the name (key id || u64 timestamp || Ed25519 signature),
-- verified against the witness's key over the checkpoint's body before they were stored. One per witness
-- and checkpoint; append-only like the ledger itself.
create table cosignature (
    id          varchar(36) primary key,
    witness_id  varchar(36) not null references witness (id),
    tree_size   bigint      not null references ledger_checkpoint (tree_size),
    signature   bytea       not null check (octet_length(signature) = 76),
    signed_at   bigint      not null check (signed_at >= 0),
    accepted_at timestamptz not null,
    accepted_by varchar(36) not null references account (id),
    unique (witness_id, tree_size)
);
create index cosignature_tree_size on cosignature (tree_size, accepted_at);

create trigger cosignature_append_only before update or delete on cosignature
    for each row execute function ledger_refuse_change();
create trigger cosignature_no_truncate before truncate on cosignature
    for each statement execute function ledger_refuse_change();

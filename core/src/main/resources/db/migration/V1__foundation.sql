-- Foundation: identity, rooms, access rules and the append-only audit trail.

create table organisation (
    id          varchar(36)  primary key,
    name        varchar(120) not null,
    kind        varchar(16)  not null check (kind in ('VENDOR', 'CARRIER', 'REGULATOR', 'OBSERVER')),
    created_at  timestamptz  not null,
    version     bigint       not null default 0
);
create unique index organisation_name_key on organisation (lower(name));

create table account (
    id              varchar(36)  primary key,
    username        varchar(64)  not null unique,
    display_name    varchar(120) not null,
    organisation_id varchar(36)  not null references organisation (id),
    password_hash   varchar(512) not null,
    disabled        boolean      not null default false,
    created_at      timestamptz  not null,
    version         bigint       not null default 0
);
create index account_organisation on account (organisation_id);

create table account_role (
    account_id varchar(36) not null references account (id),
    role       varchar(16) not null check (role in ('ADMIN', 'COMPLIANCE')),
    primary key (account_id, role)
);

-- API tokens and browser sessions: only SHA-256 hashes of their secrets are kept.
create table credential (
    id           varchar(36)  primary key,
    account_id   varchar(36)  not null references account (id),
    kind         varchar(8)   not null check (kind in ('TOKEN', 'SESSION')),
    label        varchar(120),
    secret_hash  varchar(64)  not null unique,
    csrf_hash    varchar(64),
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    version      bigint       not null default 0
);
create index credential_account on credential (account_id);

create table login_failure (
    id        bigserial   primary key,
    username  varchar(64) not null,
    failed_at timestamptz not null
);
create index login_failure_recent on login_failure (username, failed_at);

create table room (
    id          varchar(36)   primary key,
    name        varchar(120)  not null,
    kind        varchar(16)   not null check (kind in ('FORUM', 'DOCUMENTS')),
    description varchar(2000),
    created_at  timestamptz   not null,
    version     bigint        not null default 0
);

create table access_rule (
    id             varchar(36)  primary key,
    resource       varchar(80)  not null,
    principal_type varchar(16)  not null check (principal_type in ('ORGANISATION', 'ACCOUNT', 'ORG_KIND')),
    principal_id   varchar(36),
    principal_kind varchar(16)  check (principal_kind in ('VENDOR', 'CARRIER', 'REGULATOR', 'OBSERVER')),
    permission     varchar(16)  not null
        check (permission in ('VIEW', 'CONTRIBUTE', 'UPLOAD', 'DOWNLOAD', 'MODERATE', 'PRESENT', 'ATTEND')),
    expires_at     timestamptz,
    created_at     timestamptz  not null,
    created_by     varchar(36),
    revoked_at     timestamptz,
    revoked_by     varchar(36),
    version        bigint       not null default 0,
    check ((principal_type = 'ORG_KIND') = (principal_kind is not null)),
    check ((principal_type = 'ORG_KIND') = (principal_id is null))
);
create index access_rule_resource on access_rule (resource) where revoked_at is null;

-- The audit trail. One row per exchange, written in the transaction of the change it describes.
-- "canonical" holds the RFC 8785 bytes that become the ledger leaf, fixed at insert time; the
-- ledger's sequencer (a later migration) numbers rows in a table of its own, so this one is only
-- ever appended to. "position" orders rows by insertion for that sequencer and for paging.
create table audit_entry (
    id                 varchar(36)  primary key,
    position           bigserial    not null unique,
    recorded_at        timestamptz  not null,
    actor_account      varchar(36),
    actor_organisation varchar(36),
    action             varchar(40)  not null,
    resource           varchar(200) not null,
    request_id         varchar(64)  not null,
    client_address     varchar(64),
    content_digest     varchar(64),
    canonical          text         not null
);
create index audit_entry_actor_organisation on audit_entry (actor_organisation, recorded_at);
create index audit_entry_actor_account on audit_entry (actor_account, recorded_at);
create index audit_entry_resource on audit_entry (resource, recorded_at);

create function audit_entry_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change();

-- Forums: threads, posts with every revision, reactions, flags, the moderation log, subscriptions,
-- notifications, read state and the read receipts that keep read auditing to one entry per hour.
-- room_id is repeated on posts so that search and retention filter by room without a join.

create table forum_thread (
    id            varchar(36)  primary key,
    room_id       varchar(36)  not null references room (id),
    title         varchar(200),
    author        varchar(36)  not null references account (id),
    created_at    timestamptz  not null,
    last_post_at  timestamptz  not null,
    post_count    integer      not null default 0,
    pinned        boolean      not null default false,
    locked        boolean      not null default false,
    purged_at     timestamptz,
    version       bigint       not null default 0,
    search        tsvector     generated always as (to_tsvector('english', coalesce(title, ''))) stored,
    check ((title is null) = (purged_at is not null))
);
create index forum_thread_listing on forum_thread (room_id, pinned, last_post_at, id);
create index forum_thread_search on forum_thread using gin (search);

create table forum_post (
    id            varchar(36)  primary key,
    -- checked at commit: the entity manager does not promise to insert a thread before its first post
    thread_id     varchar(36)  not null references forum_thread (id) deferrable initially deferred,
    room_id       varchar(36)  not null references room (id),
    author        varchar(36)  not null references account (id),
    body          text,
    html          text,
    digest        varchar(64)  not null,
    revision      integer      not null default 1,
    created_at    timestamptz  not null,
    revised_at    timestamptz,
    hidden_at     timestamptz,
    hidden_by     varchar(36),
    hidden_reason varchar(500),
    purged_at     timestamptz,
    version       bigint       not null default 0,
    -- indexed from the rendered HTML: the parser skips tags, so Markdown syntax neither matches nor
    -- shows in snippets
    search        tsvector     generated always as (to_tsvector('english', coalesce(html, ''))) stored,
    check ((body is null) = (purged_at is not null)),
    check ((hidden_at is null) = (hidden_reason is null))
);
create index forum_post_thread on forum_post (thread_id, created_at, id);
create index forum_post_retention on forum_post (room_id, created_at) where purged_at is null;
create index forum_post_search on forum_post using gin (search);

create table post_revision (
    post_id     varchar(36)  not null references forum_post (id),
    number      integer      not null,
    body        text,
    digest      varchar(64)  not null,
    author      varchar(36)  not null references account (id),
    created_at  timestamptz  not null,
    primary key (post_id, number)
);

create table post_reaction (
    post_id     varchar(36)  not null references forum_post (id),
    account_id  varchar(36)  not null references account (id),
    reaction    varchar(16)  not null,
    created_at  timestamptz  not null,
    primary key (post_id, account_id, reaction)
);

create table post_flag (
    id           varchar(36)  primary key,
    post_id      varchar(36)  not null references forum_post (id),
    room_id      varchar(36)  not null references room (id),
    reporter     varchar(36)  not null references account (id),
    reason       varchar(16)  not null check (reason in ('SPAM', 'OFF_TOPIC', 'INAPPROPRIATE', 'ILLEGAL', 'OTHER')),
    text         varchar(1000),
    created_at   timestamptz  not null,
    outcome      varchar(8)   check (outcome in ('HIDE', 'DISMISS')),
    resolved_by  varchar(36),
    resolved_at  timestamptz,
    note         varchar(500),
    version      bigint       not null default 0,
    check ((outcome is null) = (resolved_at is null))
);
-- one open flag per reporter and post
create unique index post_flag_open on post_flag (post_id, reporter) where outcome is null;
create index post_flag_queue on post_flag (room_id, created_at, id);

create table moderation_event (
    id             varchar(36)  primary key,
    room_id        varchar(36)  not null references room (id),
    moderator      varchar(36),
    action         varchar(16)  not null,
    thread_id      varchar(36),
    post_id        varchar(36),
    other_room_id  varchar(36),
    reason         varchar(500),
    created_at     timestamptz  not null
);
create index moderation_event_room on moderation_event (room_id, created_at, id);

-- target is 'rooms/{id}' or 'threads/{id}'
create table subscription (
    account_id  varchar(36)  not null references account (id),
    target      varchar(80)  not null,
    created_at  timestamptz  not null,
    primary key (account_id, target)
);
create index subscription_target on subscription (target);

create table notification (
    id          varchar(36)  primary key,
    account_id  varchar(36)  not null references account (id),
    kind        varchar(16)  not null check (kind in ('MENTION', 'REPLY', 'NEW_THREAD')),
    room_id     varchar(36)  not null,
    thread_id   varchar(36)  not null,
    post_id     varchar(36)  not null,
    actor       varchar(36),
    created_at  timestamptz  not null,
    read_at     timestamptz,
    unique (account_id, post_id)
);
create index notification_account on notification (account_id, created_at, id);
create index notification_unread on notification (account_id) where read_at is null;

-- the newest post each account has read in each thread, for unread counts
create table thread_read (
    account_id  varchar(36)  not null,
    thread_id   varchar(36)  not null references forum_thread (id),
    read_until  timestamptz  not null,
    primary key (account_id, thread_id)
);

-- when a read of a resource by an account was last recorded in the audit trail
create table read_receipt (
    account_id   varchar(36)  not null,
    resource     varchar(80)  not null,
    recorded_at  timestamptz  not null,
    primary key (account_id, resource)
);

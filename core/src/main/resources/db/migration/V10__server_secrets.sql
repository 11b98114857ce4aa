-- Secrets every server of one installation shares, made once with the schema. "cursors" keys the
-- HMAC-SHA-256 that authenticates paging cursors (platform.control.Cursors): a cursor one node hands
-- out is honoured by every other, and nobody can build one. gen_random_uuid() draws from the server's
-- strong random source; two of them give 244 random bits.
create table server_secret (
    name       varchar(40) primary key,
    secret     bytea       not null check (octet_length(secret) >= 32),
    created_at timestamptz not null default now()
);
insert into server_secret (name, secret)
    values ('cursors', decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

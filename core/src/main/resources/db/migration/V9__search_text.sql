-- Text search indexes a normalised form of what is stored, so that indexing, searching and headlines
-- take time linear in the size of the text. PostgreSQL's text-search parser takes time quadratic in
-- the length of a run without spaces such as "_a_a_a..." (a post of 8,000 repeats took 1.5 to 2 s to
-- store, 22,000 repeats 13.7 s, and every search hitting it 2.4 to 2.8 s). The normal form drops the
-- tags of the rendered HTML and breaks every run of 64 characters without a space; a word longer than
-- that is not one anybody searches for. Search headlines are made from the same normal form.
create function clearroom_search_text(document text) returns text
    language sql immutable strict parallel safe
    as $$ select regexp_replace(regexp_replace(document, '<[^>]*>', ' ', 'g'), '([^[:space:]]{64})', '\1 ', 'g') $$;

alter table forum_post drop column search;
alter table forum_post add column search tsvector
    generated always as (to_tsvector('english', clearroom_search_text(coalesce(html, '')))) stored;
create index forum_post_search on forum_post using gin (search);

alter table forum_thread drop column search;
alter table forum_thread add column search tsvector
    generated always as (to_tsvector('english', clearroom_search_text(coalesce(title, '')))) stored;
create index forum_thread_search on forum_thread using gin (search);

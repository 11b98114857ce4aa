-- Search ranks the newest matches of a query (forums.boundary.Search.CANDIDATES): for a common word
-- PostgreSQL walks posts newest first and keeps those that match, instead of ranking every match.
create index forum_post_recent on forum_post (created_at) where purged_at is null;

-- Retention and legal hold per room. Content older than the retention period is purged by the
-- component that owns it (forum posts, document bytes); the ledger keeps the entries and digests.
-- A legal hold blocks every purge in the room until it is released.
alter table room add column retention_days integer check (retention_days is null or retention_days between 1 and 36500);
alter table room add column legal_hold_reason varchar(500);
alter table room add column legal_hold_since timestamptz;
alter table room add column legal_hold_by varchar(36);
alter table room add constraint room_legal_hold_complete
    check ((legal_hold_reason is null) = (legal_hold_since is null));

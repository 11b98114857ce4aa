-- The sequencer's hot statements: measured in bench (docs/PERFORMANCE.md), the foreign keys from the
-- queue and the leaves to audit_entry cost every sequenced row a lookup and a row lock, and protect
-- nothing the append-only triggers do not already protect (audit_entry refuses DELETE; the queue is
-- filled only by audit_entry's own trigger; ledger_leaf.entry_id stays unique).
alter table audit_pending drop constraint audit_pending_entry_id_fkey;
alter table ledger_leaf drop constraint ledger_leaf_entry_id_fkey;

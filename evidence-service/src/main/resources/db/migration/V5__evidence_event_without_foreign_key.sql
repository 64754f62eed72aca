-- Evidence keeps the id of the ingested event it came from, without a foreign key, like its source
-- and rule (V4). With the key, deleting a source cascaded to its ingested events and every deleted
-- event ran ON DELETE SET NULL against evidence, which has no index on the column: one scan of the
-- whole evidence table per event (a source with a million events would never finish deleting), and
-- each evidence row inserted paid a key check. Deleting a source now clears the reference itself
-- (IntegrationService.delete) before its events go.
ALTER TABLE evidence.evidence DROP CONSTRAINT evidence_source_event_id_fkey;

-- A generic event carries the integrator's own id for it (externalId), and a source applies each id
-- once: a batch retried without its Idempotency-Key, or an event resent in a later batch, has no
-- second effect. The column is external_event_id because external_id already names the user's
-- identity in the tool. It stays empty for webhook events (their delivery id plays this part) and
-- for generic events ingested before this migration.
ALTER TABLE evidence.ingested_event ADD COLUMN external_event_id text
    CONSTRAINT ingested_event_external_event_id_length CHECK (length(external_event_id) BETWEEN 1 AND 200);

-- The guarantee itself: concurrent batches naming the same id insert with ON CONFLICT DO NOTHING, so
-- exactly one of them records the event (and makes its evidence); the others see it as a duplicate.
-- Partial, so webhook events and older rows cost the index nothing.
CREATE UNIQUE INDEX ingested_event_external_event_unique ON evidence.ingested_event (source_id, external_event_id)
    WHERE external_event_id IS NOT NULL;

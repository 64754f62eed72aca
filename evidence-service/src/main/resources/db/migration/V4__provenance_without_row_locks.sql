-- Evidence keeps naming the integration source and mapping rule it came from, but without foreign
-- keys. Each key check locked the referenced row (FOR KEY SHARE) once per inserted row: a batch of
-- 1,000 events locked the same source and the same few rules a thousand times, and concurrent
-- batches turned those locks into multixacts. Measured on the benchmark, ingestion went from about
-- 16,000 to 20,500 events/s without them. The guarantees are kept in code instead: ingestion locks
-- the rules once per batch (EventStore), its ingested events lock the source, and deleting a source
-- or rule first clears the evidence that names it (what ON DELETE SET NULL did).
ALTER TABLE evidence.evidence DROP CONSTRAINT evidence_source_id_fkey;
ALTER TABLE evidence.evidence DROP CONSTRAINT evidence_rule_id_fkey;

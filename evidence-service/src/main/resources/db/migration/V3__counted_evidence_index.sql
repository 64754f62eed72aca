-- Strength and counts read only confirmed or verified evidence, for many people at once. With just
-- (person_id, occurred_at) PostgreSQL fetched every item of each person from the heap and threw most
-- away (suggested items outnumber counted ones); this partial index holds exactly the counted items
-- and the columns the aggregates read, so they are answered by an index-only scan. On the benchmark's
-- 10,000-person team it took evidence strength from 270 ms to 130 ms.
CREATE INDEX evidence_counted_idx ON evidence.evidence (person_id, occurred_at)
    INCLUDE (status, kind, competencies)
    WHERE status IN ('CONFIRMED', 'VERIFIED');

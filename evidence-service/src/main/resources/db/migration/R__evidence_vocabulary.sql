-- The kinds, sources and statuses the database accepts are the constants of EvidenceKind,
-- EvidenceSource and EvidenceStatus, handed in by VocabularyPlaceholders: each enum is the one list.
-- Flyway re-applies this file whenever a list changes (a repeatable migration's checksum covers its
-- placeholders). The checks replace the ones V1 wrote out by hand.
ALTER TABLE evidence.evidence DROP CONSTRAINT IF EXISTS evidence_kind_check;
ALTER TABLE evidence.evidence ADD CONSTRAINT evidence_kind_check CHECK (kind IN (${evidence_kinds}));
ALTER TABLE evidence.evidence DROP CONSTRAINT IF EXISTS evidence_source_check;
ALTER TABLE evidence.evidence ADD CONSTRAINT evidence_source_check CHECK (source IN (${evidence_sources}));
ALTER TABLE evidence.evidence DROP CONSTRAINT IF EXISTS evidence_status_check;
ALTER TABLE evidence.evidence ADD CONSTRAINT evidence_status_check CHECK (status IN (${evidence_statuses}));

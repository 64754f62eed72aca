-- A version per person that changes whenever anything evidence strength reads changes: a counted
-- (confirmed or verified) item appears, goes, moves to another person or changes its kind,
-- competencies, date or status. assessment-service keeps each person's readiness as a read model
-- and asks for these versions to know whose figures it must compute again (docs/service-contracts.md).
-- Triggers keep the versions, so no write path can forget to; suggested items (everything ingestion
-- writes) are filtered out by the triggers' WHEN clauses and cost nothing.
CREATE SEQUENCE evidence.strength_version_seq;

CREATE TABLE evidence.strength_version (
    person_id uuid   PRIMARY KEY,
    version   bigint NOT NULL
);

CREATE FUNCTION evidence.bump_strength_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO evidence.strength_version (person_id, version)
        VALUES (NEW.person_id, nextval('evidence.strength_version_seq'))
        ON CONFLICT (person_id) DO UPDATE SET version = excluded.version;
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.person_id <> NEW.person_id) THEN
        INSERT INTO evidence.strength_version (person_id, version)
        VALUES (OLD.person_id, nextval('evidence.strength_version_seq'))
        ON CONFLICT (person_id) DO UPDATE SET version = excluded.version;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER evidence_counted_inserted AFTER INSERT ON evidence.evidence
    FOR EACH ROW WHEN (NEW.status IN ('CONFIRMED', 'VERIFIED'))
    EXECUTE FUNCTION evidence.bump_strength_version();

CREATE TRIGGER evidence_counted_updated AFTER UPDATE ON evidence.evidence
    FOR EACH ROW WHEN ((OLD.status IN ('CONFIRMED', 'VERIFIED') OR NEW.status IN ('CONFIRMED', 'VERIFIED'))
        AND (OLD.person_id, OLD.status, OLD.kind, OLD.competencies, OLD.occurred_at)
            IS DISTINCT FROM (NEW.person_id, NEW.status, NEW.kind, NEW.competencies, NEW.occurred_at))
    EXECUTE FUNCTION evidence.bump_strength_version();

CREATE TRIGGER evidence_counted_deleted AFTER DELETE ON evidence.evidence
    FOR EACH ROW WHEN (OLD.status IN ('CONFIRMED', 'VERIFIED'))
    EXECUTE FUNCTION evidence.bump_strength_version();

-- Everyone who already has counted evidence starts with a version.
INSERT INTO evidence.strength_version (person_id, version)
SELECT person_id, nextval('evidence.strength_version_seq')
FROM (SELECT DISTINCT person_id FROM evidence.evidence WHERE status IN ('CONFIRMED', 'VERIFIED')) p;

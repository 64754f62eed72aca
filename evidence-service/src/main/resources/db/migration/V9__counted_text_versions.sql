-- Evidence counts with tags match words in a counted item's title, summary and links, so a change to
-- those must move the person's version too: evidence-service keeps counts per window as a read model
-- (aggregate.CountsReadModel) and reuses them only while the version is unchanged. Edits to counted
-- items' text are rare, so readiness (which reads the same versions) recomputes a little more often.
DROP TRIGGER evidence_counted_updated ON evidence.evidence;

CREATE TRIGGER evidence_counted_updated AFTER UPDATE ON evidence.evidence
    FOR EACH ROW WHEN ((OLD.status IN ('CONFIRMED', 'VERIFIED') OR NEW.status IN ('CONFIRMED', 'VERIFIED'))
        AND (OLD.person_id, OLD.status, OLD.kind, OLD.competencies, OLD.occurred_at, OLD.title, OLD.summary, OLD.links)
            IS DISTINCT FROM (NEW.person_id, NEW.status, NEW.kind, NEW.competencies, NEW.occurred_at, NEW.title,
                              NEW.summary, NEW.links))
    EXECUTE FUNCTION evidence.bump_strength_version();

-- Tells whoever listens on channel ascent_people_changed (the gateway's answer cache, docs/architecture.md
-- §6) whose answers a committed change to their evidence may have altered: a payload is comma-separated
-- person ids, or `*` for everyone. Every change counts, suggested items included (a person's recent
-- evidence lists them). One notification per statement, so a batch of ingested events sends one.
CREATE FUNCTION evidence.notify_people_changed(people uuid[]) RETURNS void LANGUAGE sql AS $$
    -- A payload holds at most 8000 bytes: more than 200 ids (37 bytes each) are said as everyone.
    SELECT pg_notify('ascent_people_changed',
                     CASE WHEN cardinality(people) > 200 THEN '*' ELSE array_to_string(people, ',') END)
    WHERE cardinality(people) > 0;
$$;

CREATE FUNCTION evidence.evidence_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM evidence.notify_people_changed(ARRAY(SELECT DISTINCT person_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM evidence.notify_people_changed(ARRAY(SELECT DISTINCT person_id FROM old_rows));
    ELSE
        PERFORM evidence.notify_people_changed(ARRAY(SELECT person_id FROM new_rows
                                                     UNION SELECT person_id FROM old_rows));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER evidence_inserted_notify AFTER INSERT ON evidence.evidence
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evidence.evidence_notify();
CREATE TRIGGER evidence_updated_notify AFTER UPDATE ON evidence.evidence
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION evidence.evidence_notify();
CREATE TRIGGER evidence_deleted_notify AFTER DELETE ON evidence.evidence
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION evidence.evidence_notify();

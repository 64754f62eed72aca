-- Tells whoever listens on channel ascent_people_changed (the gateway's answer cache, docs/architecture.md
-- §6) whose answers a committed change may have altered: a payload is comma-separated person ids, or `*`
-- for everyone. PostgreSQL delivers it at commit, and only then; a rolled-back change says nothing.
-- Triggers send it, so no write path can forget to: what a person's readiness reads already moves their
-- readiness_input version (V7), so that table's changes stand for ratings, assessments, calibrations and
-- peer invitations; the person row itself, the organisation's setting and a published framework are the rest.
CREATE FUNCTION assessment.notify_people_changed(people uuid[]) RETURNS void LANGUAGE sql AS $$
    -- A payload holds at most 8000 bytes: more than 200 ids (37 bytes each) are said as everyone.
    SELECT pg_notify('ascent_people_changed',
                     CASE WHEN cardinality(people) > 200 THEN '*' ELSE array_to_string(people, ',') END)
    WHERE cardinality(people) > 0;
$$;

CREATE FUNCTION assessment.notify_everyone_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ascent_people_changed', '*');
    RETURN NULL;
END
$$;

CREATE FUNCTION assessment.readiness_input_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM assessment.notify_people_changed(ARRAY(SELECT DISTINCT person_id FROM changed));
    RETURN NULL;
END
$$;

CREATE TRIGGER readiness_input_inserted_notify AFTER INSERT ON assessment.readiness_input
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION assessment.readiness_input_notify();
CREATE TRIGGER readiness_input_updated_notify AFTER UPDATE ON assessment.readiness_input
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION assessment.readiness_input_notify();

-- A person's own row: their profile and standing. Who manages whom and a team's founder-led override
-- are inherited down the line (effectiveFounderLed), so a change to either is everyone's.
CREATE FUNCTION assessment.person_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM assessment.notify_people_changed(ARRAY(SELECT id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        -- Nobody reports to a person being deleted (the manager key): theirs is the only answer it alters.
        PERFORM assessment.notify_people_changed(ARRAY(SELECT id FROM old_rows));
    ELSIF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                  WHERE (o.manager_id, o.founder_led) IS DISTINCT FROM (n.manager_id, n.founder_led)) THEN
        PERFORM pg_notify('ascent_people_changed', '*');
    ELSE
        PERFORM assessment.notify_people_changed(ARRAY(SELECT id FROM new_rows));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER person_inserted_notify AFTER INSERT ON assessment.person
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assessment.person_notify();
CREATE TRIGGER person_updated_notify AFTER UPDATE ON assessment.person
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION assessment.person_notify();
CREATE TRIGGER person_deleted_notify AFTER DELETE ON assessment.person
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION assessment.person_notify();

CREATE TRIGGER organisation_setting_notify AFTER INSERT OR UPDATE OR DELETE ON assessment.organisation_setting
    FOR EACH STATEMENT EXECUTE FUNCTION assessment.notify_everyone_changed();

-- Drafts are nobody's readiness; a version published (or, should one ever be, withdrawn) is everyone's.
CREATE TRIGGER framework_published_inserted_notify AFTER INSERT ON assessment.framework_version
    FOR EACH ROW WHEN (NEW.status = 'PUBLISHED') EXECUTE FUNCTION assessment.notify_everyone_changed();
CREATE TRIGGER framework_published_updated_notify AFTER UPDATE ON assessment.framework_version
    FOR EACH ROW WHEN (NEW.status = 'PUBLISHED' OR OLD.status = 'PUBLISHED')
    EXECUTE FUNCTION assessment.notify_everyone_changed();
CREATE TRIGGER framework_published_deleted_notify AFTER DELETE ON assessment.framework_version
    FOR EACH ROW WHEN (OLD.status = 'PUBLISHED') EXECUTE FUNCTION assessment.notify_everyone_changed();

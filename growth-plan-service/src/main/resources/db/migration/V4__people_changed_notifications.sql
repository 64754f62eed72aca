-- Tells whoever listens on channel ascent_people_changed (the gateway's answer cache, docs/architecture.md
-- §6) whose answers a committed change to their plans may have altered: a payload is comma-separated
-- person ids, or `*` for everyone (a published playbook: plans show its action catalogue).
CREATE FUNCTION growth_plan.notify_people_changed(people uuid[]) RETURNS void LANGUAGE sql AS $$
    -- A payload holds at most 8000 bytes: more than 200 ids (37 bytes each) are said as everyone.
    SELECT pg_notify('ascent_people_changed',
                     CASE WHEN cardinality(people) > 200 THEN '*' ELSE array_to_string(people, ',') END)
    WHERE cardinality(people) > 0;
$$;

-- Plans name their person; actions and check-ins name their plan.
CREATE FUNCTION growth_plan.plan_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM growth_plan.notify_people_changed(ARRAY(SELECT DISTINCT person_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM growth_plan.notify_people_changed(ARRAY(SELECT DISTINCT person_id FROM old_rows));
    ELSE
        PERFORM growth_plan.notify_people_changed(ARRAY(SELECT person_id FROM new_rows
                                                        UNION SELECT person_id FROM old_rows));
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION growth_plan.plan_part_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM growth_plan.notify_people_changed(ARRAY(
            SELECT DISTINCT p.person_id FROM growth_plan.plan p WHERE p.id IN (SELECT plan_id FROM new_rows)));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM growth_plan.notify_people_changed(ARRAY(
            SELECT DISTINCT p.person_id FROM growth_plan.plan p WHERE p.id IN (SELECT plan_id FROM old_rows)));
    ELSE
        PERFORM growth_plan.notify_people_changed(ARRAY(
            SELECT DISTINCT p.person_id FROM growth_plan.plan p
            WHERE p.id IN (SELECT plan_id FROM new_rows UNION SELECT plan_id FROM old_rows)));
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION growth_plan.notify_everyone_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ascent_people_changed', '*');
    RETURN NULL;
END
$$;

CREATE TRIGGER plan_inserted_notify AFTER INSERT ON growth_plan.plan
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION growth_plan.plan_notify();
CREATE TRIGGER plan_updated_notify AFTER UPDATE ON growth_plan.plan
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION growth_plan.plan_notify();
CREATE TRIGGER plan_deleted_notify AFTER DELETE ON growth_plan.plan
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION growth_plan.plan_notify();

CREATE TRIGGER plan_action_inserted_notify AFTER INSERT ON growth_plan.plan_action
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION growth_plan.plan_part_notify();
CREATE TRIGGER plan_action_updated_notify AFTER UPDATE ON growth_plan.plan_action
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION growth_plan.plan_part_notify();
CREATE TRIGGER plan_action_deleted_notify AFTER DELETE ON growth_plan.plan_action
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION growth_plan.plan_part_notify();

CREATE TRIGGER check_in_inserted_notify AFTER INSERT ON growth_plan.check_in
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION growth_plan.plan_part_notify();
CREATE TRIGGER check_in_updated_notify AFTER UPDATE ON growth_plan.check_in
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION growth_plan.plan_part_notify();
CREATE TRIGGER check_in_deleted_notify AFTER DELETE ON growth_plan.check_in
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION growth_plan.plan_part_notify();

CREATE TRIGGER playbook_published_notify AFTER INSERT ON growth_plan.playbook_version
    FOR EACH STATEMENT EXECUTE FUNCTION growth_plan.notify_everyone_changed();

-- A version per person that changes whenever the ratings readiness reads for them change: a
-- submitted assessment of them appears, goes or changes (its ratings included), a calibration or a
-- peer invitation for them is added or removed. With evidence-service's strength versions (its V8)
-- and the person's own standing, it tells the readiness read model whose figures it must compute
-- again; everyone else's are reused. Triggers keep the versions, so no write path can skip them;
-- drafts are filtered out before they cost anything.
CREATE SEQUENCE assessment.readiness_input_seq;

CREATE TABLE assessment.readiness_input (
    person_id uuid   PRIMARY KEY REFERENCES assessment.person (id) ON DELETE CASCADE,
    version   bigint NOT NULL
);

CREATE FUNCTION assessment.bump_readiness_input(subject uuid) RETURNS void LANGUAGE sql AS $$
    INSERT INTO assessment.readiness_input (person_id, version)
    VALUES (subject, nextval('assessment.readiness_input_seq'))
    ON CONFLICT (person_id) DO UPDATE SET version = excluded.version;
$$;

-- For the tables that name the person as subject_id.
CREATE FUNCTION assessment.readiness_subject_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        PERFORM assessment.bump_readiness_input(NEW.subject_id);
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.subject_id <> NEW.subject_id) THEN
        PERFORM assessment.bump_readiness_input(OLD.subject_id);
    END IF;
    RETURN NULL;
END
$$;

-- A rating counts once its assessment is submitted; a draft's ratings are bumped for at submission.
CREATE FUNCTION assessment.readiness_rating_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM assessment.bump_readiness_input(a.subject_id)
    FROM assessment.assessment a
    WHERE a.status = 'SUBMITTED'
      AND a.id IN (CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.assessment_id END,
                   CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.assessment_id END);
    RETURN NULL;
END
$$;

CREATE TRIGGER assessment_submitted_inserted AFTER INSERT ON assessment.assessment
    FOR EACH ROW WHEN (NEW.status = 'SUBMITTED') EXECUTE FUNCTION assessment.readiness_subject_changed();
CREATE TRIGGER assessment_submitted_updated AFTER UPDATE ON assessment.assessment
    FOR EACH ROW WHEN (OLD.status = 'SUBMITTED' OR NEW.status = 'SUBMITTED')
    EXECUTE FUNCTION assessment.readiness_subject_changed();
CREATE TRIGGER assessment_submitted_deleted AFTER DELETE ON assessment.assessment
    FOR EACH ROW WHEN (OLD.status = 'SUBMITTED') EXECUTE FUNCTION assessment.readiness_subject_changed();

CREATE TRIGGER assessment_rating_changed AFTER INSERT OR UPDATE OR DELETE ON assessment.assessment_rating
    FOR EACH ROW EXECUTE FUNCTION assessment.readiness_rating_changed();

CREATE TRIGGER calibration_changed AFTER INSERT OR UPDATE OR DELETE ON assessment.calibration
    FOR EACH ROW EXECUTE FUNCTION assessment.readiness_subject_changed();

CREATE TRIGGER peer_invitation_changed AFTER INSERT OR UPDATE OR DELETE ON assessment.peer_invitation
    FOR EACH ROW EXECUTE FUNCTION assessment.readiness_subject_changed();

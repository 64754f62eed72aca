-- Promotion cases: a case for a person and a target level, assembled from the record (a frozen readiness
-- snapshot), argued in two narratives, reviewed by invited reviewers and decided. A decided case is
-- immutable: the service refuses changes with 409, and the triggers below refuse them whatever the path.

CREATE TABLE assessment.promotion_case (
    id                 uuid        PRIMARY KEY,
    person_id          uuid        NOT NULL REFERENCES assessment.person (id),
    opened_by          uuid        NOT NULL REFERENCES assessment.person (id),
    from_level         text        NOT NULL,
    target_level       text        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'DECIDED')),
    snapshot           jsonb       NOT NULL,
    snapshot_taken_at  timestamptz NOT NULL,
    outcome            text        CHECK (outcome IN ('PROMOTED', 'NOT_YET')),
    decision_rationale text        CHECK (length(decision_rationale) BETWEEN 1 AND 8000),
    decision_gaps      jsonb,
    decided_by         uuid        REFERENCES assessment.person (id),
    decided_at         timestamptz,
    next_plan_id       uuid,
    next_plan_problem  text,
    submitted_at       timestamptz,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    version            bigint      NOT NULL DEFAULT 0,
    CHECK ((status = 'DECIDED') = (outcome IS NOT NULL AND decided_by IS NOT NULL AND decided_at IS NOT NULL
                                   AND decision_rationale IS NOT NULL))
);
-- One undecided case per person at a time: a second would split the argument.
CREATE UNIQUE INDEX promotion_case_one_open ON assessment.promotion_case (person_id) WHERE status <> 'DECIDED';
CREATE INDEX promotion_case_person_idx ON assessment.promotion_case (person_id, created_at DESC);
CREATE INDEX promotion_case_created_idx ON assessment.promotion_case (created_at DESC, id DESC);

-- The person's and the manager's narratives: each has one author, who alone may change it.
CREATE TABLE assessment.promotion_narrative (
    case_id    uuid        NOT NULL REFERENCES assessment.promotion_case (id),
    role       text        NOT NULL CHECK (role IN ('PERSON', 'MANAGER')),
    author_id  uuid        NOT NULL REFERENCES assessment.person (id),
    what_i_did text        NOT NULL CHECK (length(what_i_did) <= 8000),
    impact     text        NOT NULL CHECK (length(impact) <= 8000),
    what_next  text        NOT NULL CHECK (length(what_next) <= 8000),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (case_id, role)
);

CREATE TABLE assessment.promotion_reviewer (
    case_id     uuid        NOT NULL REFERENCES assessment.promotion_case (id),
    reviewer_id uuid        NOT NULL REFERENCES assessment.person (id),
    invited_by  uuid        NOT NULL REFERENCES assessment.person (id),
    invited_at  timestamptz NOT NULL,
    PRIMARY KEY (case_id, reviewer_id)
);
CREATE INDEX promotion_reviewer_reviewer_idx ON assessment.promotion_reviewer (reviewer_id);

CREATE TABLE assessment.promotion_comment (
    id         uuid        PRIMARY KEY,
    case_id    uuid        NOT NULL REFERENCES assessment.promotion_case (id),
    author_id  uuid        NOT NULL REFERENCES assessment.person (id),
    body       text        NOT NULL CHECK (length(body) BETWEEN 1 AND 8000),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX promotion_comment_case_idx ON assessment.promotion_comment (case_id, created_at);

-- Every change, with who and when: the case's own record of how it was argued and decided.
CREATE TABLE assessment.promotion_case_event (
    id       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id  uuid        NOT NULL REFERENCES assessment.promotion_case (id),
    actor_id uuid,
    action   text        NOT NULL,
    detail   text,
    at       timestamptz NOT NULL
);
CREATE INDEX promotion_case_event_case_idx ON assessment.promotion_case_event (case_id, id);

CREATE FUNCTION assessment.promotion_case_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- the decision itself is the last change; the next plan's outcome is recorded after it
    IF OLD.status = 'DECIDED' AND (NEW.status, NEW.outcome, NEW.snapshot, NEW.decision_rationale, NEW.decision_gaps,
                                   NEW.decided_by, NEW.decided_at, NEW.target_level, NEW.person_id)
            IS DISTINCT FROM (OLD.status, OLD.outcome, OLD.snapshot, OLD.decision_rationale, OLD.decision_gaps,
                              OLD.decided_by, OLD.decided_at, OLD.target_level, OLD.person_id) THEN
        RAISE EXCEPTION 'promotion case % is decided and cannot change', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER promotion_case_frozen BEFORE UPDATE ON assessment.promotion_case
    FOR EACH ROW EXECUTE FUNCTION assessment.promotion_case_frozen();

CREATE FUNCTION assessment.promotion_case_part_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    parent uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.case_id ELSE NEW.case_id END;
BEGIN
    IF EXISTS (SELECT 1 FROM assessment.promotion_case WHERE id = parent AND status = 'DECIDED') THEN
        RAISE EXCEPTION 'promotion case % is decided and cannot change', parent USING ERRCODE = 'check_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER promotion_narrative_frozen BEFORE INSERT OR UPDATE OR DELETE ON assessment.promotion_narrative
    FOR EACH ROW EXECUTE FUNCTION assessment.promotion_case_part_frozen();
CREATE TRIGGER promotion_reviewer_frozen BEFORE INSERT OR UPDATE OR DELETE ON assessment.promotion_reviewer
    FOR EACH ROW EXECUTE FUNCTION assessment.promotion_case_part_frozen();
CREATE TRIGGER promotion_comment_frozen BEFORE INSERT OR UPDATE OR DELETE ON assessment.promotion_comment
    FOR EACH ROW EXECUTE FUNCTION assessment.promotion_case_part_frozen();

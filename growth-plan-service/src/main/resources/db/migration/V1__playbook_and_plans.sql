-- The playbook: each imported document is a new, numbered version. Published versions never change
-- (the trigger below refuses updates and deletes); plans name the version their actions came from.
CREATE TABLE growth_plan.playbook_version (
    id           uuid        PRIMARY KEY,
    version      integer     NOT NULL CONSTRAINT playbook_version_version_key UNIQUE CHECK (version >= 1),
    source       text        NOT NULL CHECK (source IN ('DEFAULT', 'IMPORT')),
    action_count integer     NOT NULL CHECK (action_count >= 0),
    document     jsonb       NOT NULL,
    created_at   timestamptz NOT NULL
);

CREATE FUNCTION growth_plan.playbook_version_is_immutable() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'playbook version % is published and cannot change', OLD.version
        USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TRIGGER playbook_version_immutable
    BEFORE UPDATE OR DELETE ON growth_plan.playbook_version
    FOR EACH ROW EXECUTE FUNCTION growth_plan.playbook_version_is_immutable();

-- A growth plan for one person towards one target level. The readiness it was generated from is
-- kept as a snapshot, with the framework and playbook versions, so later edits never rewrite it.
CREATE TABLE growth_plan.plan (
    id                 uuid        PRIMARY KEY,
    person_id          uuid        NOT NULL,
    current_level      text        NOT NULL,
    current_tier       text        NOT NULL,
    target_level       text        NOT NULL,
    target_tier        text        NOT NULL,
    founder_led        boolean     NOT NULL,
    status             text        NOT NULL
        CHECK (status IN ('DRAFT', 'ACTIVE', 'COMPLETED', 'ABANDONED', 'SUPERSEDED')),
    horizon_days       integer     NOT NULL CHECK (horizon_days BETWEEN 1 AND 730),
    starts_on          date        NOT NULL,
    ends_on            date        NOT NULL,
    framework_version  integer     NOT NULL,
    playbook_version   integer     NOT NULL REFERENCES growth_plan.playbook_version (version),
    readiness_snapshot jsonb       NOT NULL,
    focus              jsonb       NOT NULL,
    supersedes_id      uuid        REFERENCES growth_plan.plan (id),
    superseded_by_id   uuid        REFERENCES growth_plan.plan (id),
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    version            bigint      NOT NULL DEFAULT 0
);

CREATE INDEX plan_person_created_idx ON growth_plan.plan (person_id, created_at, id);
CREATE INDEX plan_created_idx ON growth_plan.plan (created_at, id);
-- at most one open (draft or active) plan per person
CREATE UNIQUE INDEX plan_one_open_per_person ON growth_plan.plan (person_id) WHERE status IN ('DRAFT', 'ACTIVE');

-- One step of a plan, copied from the playbook action it came from (the playbook may move on).
CREATE TABLE growth_plan.plan_action (
    id                uuid    PRIMARY KEY,
    plan_id           uuid    NOT NULL REFERENCES growth_plan.plan (id),
    position          integer NOT NULL CHECK (position >= 0),
    action_code       text    NOT NULL,
    competency        text    NOT NULL,
    category          text    NOT NULL CHECK (category IN ('CREDIBILITY', 'STRATEGY')),
    title             text    NOT NULL,
    due_on            date    NOT NULL,
    expected_evidence jsonb   NOT NULL,
    swapped_from      text,
    version           bigint  NOT NULL DEFAULT 0,
    CONSTRAINT plan_action_position_key UNIQUE (plan_id, position) DEFERRABLE INITIALLY DEFERRED
);

CREATE INDEX plan_action_plan_idx ON growth_plan.plan_action (plan_id);

-- Notes on a plan by the person or their manager.
CREATE TABLE growth_plan.check_in (
    id          uuid        PRIMARY KEY,
    plan_id     uuid        NOT NULL REFERENCES growth_plan.plan (id),
    author_role text        NOT NULL CHECK (author_role IN ('PERSON', 'MANAGER')),
    note        text        NOT NULL CHECK (length(note) BETWEEN 1 AND 4000),
    on_date     date        NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE INDEX check_in_plan_idx ON growth_plan.check_in (plan_id, created_at, id);

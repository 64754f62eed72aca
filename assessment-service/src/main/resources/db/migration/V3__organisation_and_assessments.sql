-- Founder-led is an organisation setting that a team can override: NULL on a person inherits the
-- organisation's value, and the setting of a person's nearest manager with one applies to them.
ALTER TABLE assessment.person ADD COLUMN founder_led boolean;

CREATE TABLE assessment.organisation_setting (
    singleton   boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    founder_led boolean     NOT NULL DEFAULT false,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
-- The organisation's one settings row is part of the schema's shape, not demo data.
INSERT INTO assessment.organisation_setting (singleton) VALUES (true);

CREATE TABLE assessment.assessment_cycle (
    id                uuid        PRIMARY KEY,
    name              text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    starts_on         date        NOT NULL,
    ends_on           date        NOT NULL,
    framework_version integer     NOT NULL REFERENCES assessment.framework_version (version),
    created_at        timestamptz NOT NULL,
    CHECK (ends_on >= starts_on)
);

CREATE TABLE assessment.cycle_participant (
    cycle_id  uuid NOT NULL REFERENCES assessment.assessment_cycle (id) ON DELETE CASCADE,
    person_id uuid NOT NULL REFERENCES assessment.person (id),
    PRIMARY KEY (cycle_id, person_id)
);

CREATE TABLE assessment.peer_invitation (
    cycle_id   uuid        NOT NULL REFERENCES assessment.assessment_cycle (id) ON DELETE CASCADE,
    subject_id uuid        NOT NULL REFERENCES assessment.person (id),
    peer_id    uuid        NOT NULL REFERENCES assessment.person (id),
    invited_at timestamptz NOT NULL,
    PRIMARY KEY (cycle_id, subject_id, peer_id),
    CHECK (subject_id <> peer_id)
);

CREATE TABLE assessment.assessment (
    id                uuid        PRIMARY KEY,
    cycle_id          uuid        NOT NULL REFERENCES assessment.assessment_cycle (id),
    subject_id        uuid        NOT NULL REFERENCES assessment.person (id),
    assessor_id       uuid        NOT NULL REFERENCES assessment.person (id),
    kind              text        NOT NULL CHECK (kind IN ('SELF', 'MANAGER', 'PEER')),
    status            text        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED')),
    framework_version integer     NOT NULL REFERENCES assessment.framework_version (version),
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    submitted_at      timestamptz,
    version           bigint      NOT NULL DEFAULT 0,
    CONSTRAINT assessment_one_per_assessor UNIQUE (cycle_id, subject_id, assessor_id, kind),
    CHECK ((status = 'SUBMITTED') = (submitted_at IS NOT NULL)),
    CHECK ((kind = 'SELF') = (subject_id = assessor_id))
);
CREATE INDEX assessment_subject_idx ON assessment.assessment (subject_id, status, submitted_at);
CREATE INDEX assessment_cycle_idx ON assessment.assessment (cycle_id);

CREATE TABLE assessment.assessment_rating (
    assessment_id uuid     NOT NULL REFERENCES assessment.assessment (id) ON DELETE CASCADE,
    competency    text     NOT NULL,
    rating        smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment       text     CHECK (length(comment) <= 4000),
    PRIMARY KEY (assessment_id, competency)
);

-- Calibrated ratings are appended, never updated: the newest per person and competency counts,
-- the rest is the history.
CREATE TABLE assessment.calibration (
    id                uuid        PRIMARY KEY,
    subject_id        uuid        NOT NULL REFERENCES assessment.person (id),
    cycle_id          uuid        REFERENCES assessment.assessment_cycle (id),
    competency        text        NOT NULL,
    rating            smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    rationale         text        NOT NULL CHECK (length(rationale) BETWEEN 1 AND 4000),
    calibrated_by     uuid        NOT NULL REFERENCES assessment.person (id),
    framework_version integer     NOT NULL REFERENCES assessment.framework_version (version),
    created_at        timestamptz NOT NULL
);
CREATE INDEX calibration_subject_idx ON assessment.calibration (subject_id, competency, created_at DESC);

-- Readiness over time. Compact by construction: at most one row per person, target level and day
-- (a later computation the same day replaces it), and a row is only written when readiness differs
-- from that person's latest snapshot for the target, so an unchanged person costs nothing.
CREATE TABLE assessment.readiness_snapshot (
    person_id         uuid        NOT NULL REFERENCES assessment.person (id) ON DELETE CASCADE,
    target_level      text        NOT NULL,
    taken_on          date        NOT NULL,
    framework_version integer     NOT NULL,
    readiness_percent smallint    NOT NULL CHECK (readiness_percent BETWEEN 0 AND 100),
    status            text        NOT NULL CHECK (status IN ('NOT_READY', 'EMERGING', 'READY')),
    demonstrated      smallint    NOT NULL CHECK (demonstrated >= 0),
    expected          smallint    NOT NULL CHECK (expected >= demonstrated),
    recorded_at       timestamptz NOT NULL,
    PRIMARY KEY (person_id, target_level, taken_on)
);
-- History reads one person's (or a team's) days across targets.
CREATE INDEX readiness_snapshot_person_day ON assessment.readiness_snapshot (person_id, taken_on);

-- People and their reporting lines. Emails are stored lower-cased, so plain uniqueness suffices.
CREATE TABLE assessment.person (
    id                uuid        PRIMARY KEY,
    name              text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email             text        NOT NULL CONSTRAINT person_email_key UNIQUE,
    level_code        text        NOT NULL,
    target_level_code text,
    manager_id        uuid        REFERENCES assessment.person (id),
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    version           bigint      NOT NULL DEFAULT 0,
    CONSTRAINT person_not_own_manager CHECK (manager_id IS NULL OR manager_id <> id)
);

CREATE INDEX person_manager_idx ON assessment.person (manager_id);
CREATE INDEX person_created_idx ON assessment.person (created_at, id);

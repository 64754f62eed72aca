-- Framework versions: each holds the whole framework document. Published versions never change;
-- assessments and readiness record the version they used.
CREATE TABLE assessment.framework_version (
    version      integer     PRIMARY KEY CHECK (version > 0),
    status       text        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    name         text        NOT NULL,
    document     jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz,
    CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
);

-- At most one draft at a time: a new import replaces it.
CREATE UNIQUE INDEX framework_version_one_draft ON assessment.framework_version (status) WHERE status = 'DRAFT';

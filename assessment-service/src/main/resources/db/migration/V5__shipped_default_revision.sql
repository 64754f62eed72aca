-- The framework that ships with Ascent is versioned data: each release's default carries a revision
-- number (frameworks/default-pm.yaml), recorded on the version it was published as. On start-up a
-- shipped revision newer than any published before becomes the next version, but only while the
-- current version is itself a shipped default: a version without a revision is an admin's own
-- framework and is never replaced. Earlier versions are kept as they are.
ALTER TABLE assessment.framework_version
    ADD COLUMN default_revision integer CHECK (default_revision > 0),
    ADD CHECK (default_revision IS NULL OR status = 'PUBLISHED');

-- A shipped revision is published at most once, whichever instance starts first.
CREATE UNIQUE INDEX framework_version_one_per_default_revision
    ON assessment.framework_version (default_revision) WHERE default_revision IS NOT NULL;

-- Installations from before this migration: the start-up loader published the shipped default
-- (revision 1) as version 1 into the empty database, before anyone could import a framework.
UPDATE assessment.framework_version
   SET default_revision = 1
 WHERE version = 1 AND status = 'PUBLISHED' AND name = 'Ascent product management framework';

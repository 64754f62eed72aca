-- The playbook that ships with Ascent is versioned data: each release's playbook carries a revision
-- number (playbook/default-playbook.yaml), recorded on the version it was published as. On start-up a
-- shipped revision newer than any published before becomes the next version, but only while the
-- current version is itself a shipped playbook: a version without a revision is an admin's own
-- playbook and is never replaced. Earlier versions are kept as they are.
ALTER TABLE growth_plan.playbook_version
    ADD COLUMN default_revision integer CHECK (default_revision > 0),
    ADD CONSTRAINT playbook_version_revision_only_shipped CHECK (default_revision IS NULL OR source = 'DEFAULT');

-- A shipped revision is published at most once, whichever instance starts first.
CREATE UNIQUE INDEX playbook_version_one_per_default_revision
    ON growth_plan.playbook_version (default_revision) WHERE default_revision IS NOT NULL;

-- Installations from before this migration: the start-up loader published the shipped playbook
-- (revision 1) as version 1, the only version it ever published. Published versions are otherwise
-- immutable; the trigger is set aside for this one backfill only.
ALTER TABLE growth_plan.playbook_version DISABLE TRIGGER playbook_version_immutable;
UPDATE growth_plan.playbook_version SET default_revision = 1 WHERE source = 'DEFAULT';
ALTER TABLE growth_plan.playbook_version ENABLE TRIGGER playbook_version_immutable;

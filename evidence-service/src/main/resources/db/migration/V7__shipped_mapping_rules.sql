-- The default mapping rules now ship as versioned data (mapping-rules/default-rules.yaml, with a
-- revision) that the service applies on start-up (ShippedMappingRules), instead of a migration that
-- restates them. A rule remembers the shipped revision it came from; an admin's own rule, or a
-- shipped rule an admin has edited, has none, and no later revision touches it.
ALTER TABLE evidence.mapping_rule ADD COLUMN shipped_revision integer
    CONSTRAINT mapping_rule_shipped_revision_positive CHECK (shipped_revision >= 1);

-- The rules V2 inserted are revision 1. Those an admin has edited since (Hibernate's version counter
-- has moved) are the admin's now and stay unmarked.
UPDATE evidence.mapping_rule SET shipped_revision = 1
WHERE version = 0 AND id IN (
    '0b6c4c1e-4d1a-4c55-9a37-6a1f0d2e0001', '0b6c4c1e-4d1a-4c55-9a37-6a1f0d2e0002', '0b6c4c1e-4d1a-4c55-9a37-6a1f0d2e0003',
    '0b6c4c1e-4d1a-4c55-9a37-6a1f0d2e0004', '0b6c4c1e-4d1a-4c55-9a37-6a1f0d2e0005', '0b6c4c1e-4d1a-4c55-9a37-6a1f0d2e0006',
    '0b6c4c1e-4d1a-4c55-9a37-6a1f0d2e0007', '0b6c4c1e-4d1a-4c55-9a37-6a1f0d2e0008', '0b6c4c1e-4d1a-4c55-9a37-6a1f0d2e0009',
    '0b6c4c1e-4d1a-4c55-9a37-6a1f0d2e0010', '0b6c4c1e-4d1a-4c55-9a37-6a1f0d2e0011');

-- Which revision of each piece of shipped content this database has applied: a revision is applied
-- once, even when an admin has since deleted or edited every rule it brought.
CREATE TABLE evidence.shipped_content (
    name       text        PRIMARY KEY,
    revision   integer     NOT NULL CHECK (revision >= 1),
    applied_at timestamptz NOT NULL
);
INSERT INTO evidence.shipped_content (name, revision, applied_at) VALUES ('mapping-rules', 1, now());

-- The service's runtime role: it may read and write the rows of its own schema and nothing else
-- (no DDL; Flyway alone changes the schema). Re-applied whenever this file or its placeholders change.
-- CONNECT comes from PUBLIC's default; granting it here would race with the other services'
-- migrations on the shared pg_database row.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${service_role}') THEN
        CREATE ROLE ${service_role} LOGIN PASSWORD '${service_password}';
    ELSE
        ALTER ROLE ${service_role} LOGIN PASSWORD '${service_password}';
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    -- another instance created it at the same moment
    NULL;
END $$;

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${service_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${flyway:defaultSchema} TO ${service_role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${flyway:defaultSchema} TO ${service_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA ${flyway:defaultSchema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${service_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA ${flyway:defaultSchema} GRANT USAGE, SELECT ON SEQUENCES TO ${service_role};

-- One version for the whole directory (the person table), which moves with every statement that
-- changes it, committed with the change. assessment-service keeps the reporting tree in memory for team
-- answers (OrgChartReadModel) and reads this version before each use: a walk down a 10,000-person team
-- in SQL was two of a team report's costliest statements. Read before the rows it stands for, the
-- version can only make a reader load the rows again, never keep stale ones. A statement trigger costs
-- one row update per statement, and concurrent changes to people queue on it until commit, which
-- directory writes (an admin's, an integration's people sync) can afford. It fires BEFORE the statement
-- touches any person row: a transaction takes the version's row lock ahead of its first person row
-- lock, so two transactions changing several people in different orders queue instead of deadlocking.
CREATE TABLE assessment.directory_version (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version   bigint  NOT NULL
);
INSERT INTO assessment.directory_version (singleton, version) VALUES (true, 1);

CREATE FUNCTION assessment.directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE assessment.directory_version SET version = version + 1 WHERE singleton;
    RETURN NULL;
END
$$;

CREATE TRIGGER person_directory_changed BEFORE INSERT OR UPDATE OR DELETE ON assessment.person
    FOR EACH STATEMENT EXECUTE FUNCTION assessment.directory_changed();
CREATE TRIGGER person_directory_truncated BEFORE TRUNCATE ON assessment.person
    FOR EACH STATEMENT EXECUTE FUNCTION assessment.directory_changed();

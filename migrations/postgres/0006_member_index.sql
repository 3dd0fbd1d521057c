-- The members table filters and sorts an in-memory copy of each program's members, kept
-- by every app instance. These two tables tell an instance what changed since its copy:
-- a version per program, and for each member the version of their last change. Triggers
-- write both, so every path that changes a member is seen (profile saves, imports,
-- sign-ins, relationships, cascades).
--
-- A statement bumps its program's version once; the row lock it takes is held until
-- commit, so versions become visible in the order they were given and an instance that
-- has read version N has seen every change up to N.
--
-- No foreign keys: rows of a deleted program or person are harmless, and a cascade must
-- be able to note its own deletions.
CREATE TABLE member_index_versions (
    program_id  BIGINT PRIMARY KEY,
    version     BIGINT NOT NULL
);

CREATE TABLE member_changes (
    program_id  BIGINT NOT NULL,
    user_id     BIGINT NOT NULL,
    version     BIGINT NOT NULL,
    PRIMARY KEY (program_id, user_id)
);
CREATE INDEX member_changes_by_version ON member_changes (program_id, version);

-- "These members of these programs changed" (pairs of the two arrays): bumps each
-- program's version once and stamps its members with it.
CREATE FUNCTION note_members_changed(programs BIGINT[], users BIGINT[]) RETURNS void AS $$
    WITH changed AS (
        SELECT DISTINCT c.program_id, c.user_id FROM unnest(programs, users) AS c(program_id, user_id)
    ), bumped AS (
        INSERT INTO member_index_versions AS v (program_id, version)
        SELECT DISTINCT program_id, 1 FROM changed
        ON CONFLICT (program_id) DO UPDATE SET version = v.version + 1
        RETURNING v.program_id, v.version
    )
    INSERT INTO member_changes (program_id, user_id, version)
    SELECT c.program_id, c.user_id, b.version FROM changed c JOIN bumped b ON b.program_id = c.program_id
    ON CONFLICT (program_id, user_id) DO UPDATE SET version = excluded.version;
$$ LANGUAGE sql;

-- Statement triggers: `changed_rows` is the transition table of the statement's rows.
CREATE FUNCTION note_member_changes() RETURNS trigger AS $$
DECLARE programs BIGINT[]; users BIGINT[];
BEGIN
    SELECT array_agg(program_id), array_agg(user_id) INTO programs, users FROM changed_rows;
    PERFORM note_members_changed(programs, users);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION note_relationship_changes() RETURNS trigger AS $$
DECLARE programs BIGINT[]; users BIGINT[];
BEGIN
    SELECT array_agg(program_id), array_agg(user_id) INTO programs, users FROM (
        SELECT program_id, mentor_id AS user_id FROM changed_rows
        UNION ALL SELECT program_id, mentee_id FROM changed_rows
    ) AS pairs;
    PERFORM note_members_changed(programs, users);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Updates note the new rows: no statement moves a row to another program or person.
CREATE TRIGGER memberships_note_insert AFTER INSERT ON memberships
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_member_changes();
CREATE TRIGGER memberships_note_update AFTER UPDATE ON memberships
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_member_changes();
CREATE TRIGGER memberships_note_delete AFTER DELETE ON memberships
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_member_changes();
CREATE TRIGGER custom_field_values_note_insert AFTER INSERT ON custom_field_values
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_member_changes();
CREATE TRIGGER custom_field_values_note_update AFTER UPDATE ON custom_field_values
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_member_changes();
CREATE TRIGGER custom_field_values_note_delete AFTER DELETE ON custom_field_values
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_member_changes();
CREATE TRIGGER positions_note_insert AFTER INSERT ON positions
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_member_changes();
CREATE TRIGGER positions_note_update AFTER UPDATE ON positions
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_member_changes();
CREATE TRIGGER positions_note_delete AFTER DELETE ON positions
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_member_changes();
CREATE TRIGGER relationships_note_insert AFTER INSERT ON relationships
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_relationship_changes();
CREATE TRIGGER relationships_note_update AFTER UPDATE ON relationships
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_relationship_changes();
CREATE TRIGGER relationships_note_delete AFTER DELETE ON relationships
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_relationship_changes();

-- The members table no longer filters or sorts in SQL: these only slowed writes.
DROP INDEX memberships_by_name;
DROP INDEX memberships_by_sign_in;
DROP INDEX memberships_by_joined;
DROP INDEX custom_field_values_by_option_member;

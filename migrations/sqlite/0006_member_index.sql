-- The members table filters and sorts an in-memory copy of each program's members, kept
-- by every app instance. These two tables tell an instance what changed since its copy:
-- a version per program, and for each member the version of their last change. Triggers
-- write both, so every path that changes a member is seen (profile saves, imports,
-- sign-ins, relationships, cascades).
--
-- No foreign keys: rows of a deleted program or person are harmless, and a cascade must
-- be able to note its own deletions.
CREATE TABLE member_index_versions (
    program_id  INTEGER PRIMARY KEY,
    version     INTEGER NOT NULL
);

CREATE TABLE member_changes (
    program_id  INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    PRIMARY KEY (program_id, user_id)
) WITHOUT ROWID;
CREATE INDEX member_changes_by_version ON member_changes (program_id, version);

-- "This member of this program changed": inserting into this view bumps the program's
-- version and stamps the member with it. The table triggers below only insert here.
CREATE VIEW member_change_notes AS SELECT program_id, user_id FROM member_changes;

CREATE TRIGGER member_change_notes_insert INSTEAD OF INSERT ON member_change_notes BEGIN
    INSERT INTO member_index_versions (program_id, version) VALUES (NEW.program_id, 1)
        ON CONFLICT (program_id) DO UPDATE SET version = version + 1;
    INSERT INTO member_changes (program_id, user_id, version)
        SELECT NEW.program_id, NEW.user_id, version FROM member_index_versions WHERE program_id = NEW.program_id
        ON CONFLICT (program_id, user_id) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER memberships_note_insert AFTER INSERT ON memberships BEGIN
    INSERT INTO member_change_notes VALUES (NEW.program_id, NEW.user_id);
END;

-- Only the columns the table filters or sorts on (not the admin's column choice).
CREATE TRIGGER memberships_note_update AFTER UPDATE ON memberships
WHEN OLD.role IS NOT NEW.role OR OLD.is_active IS NOT NEW.is_active
    OR OLD.person_active IS NOT NEW.person_active OR OLD.completeness IS NOT NEW.completeness
    OR OLD.joined_at IS NOT NEW.joined_at OR OLD.deactivated_at IS NOT NEW.deactivated_at
    OR OLD.last_sign_in_at IS NOT NEW.last_sign_in_at OR OLD.sort_name IS NOT NEW.sort_name
    OR OLD.search_text IS NOT NEW.search_text
BEGIN
    INSERT INTO member_change_notes VALUES (NEW.program_id, NEW.user_id);
END;

CREATE TRIGGER memberships_note_delete AFTER DELETE ON memberships BEGIN
    INSERT INTO member_change_notes VALUES (OLD.program_id, OLD.user_id);
END;

CREATE TRIGGER custom_field_values_note_insert AFTER INSERT ON custom_field_values BEGIN
    INSERT INTO member_change_notes VALUES (NEW.program_id, NEW.user_id);
END;

CREATE TRIGGER custom_field_values_note_update AFTER UPDATE ON custom_field_values BEGIN
    INSERT INTO member_change_notes VALUES (OLD.program_id, OLD.user_id), (NEW.program_id, NEW.user_id);
END;

CREATE TRIGGER custom_field_values_note_delete AFTER DELETE ON custom_field_values BEGIN
    INSERT INTO member_change_notes VALUES (OLD.program_id, OLD.user_id);
END;

CREATE TRIGGER positions_note_insert AFTER INSERT ON positions BEGIN
    INSERT INTO member_change_notes VALUES (NEW.program_id, NEW.user_id);
END;

CREATE TRIGGER positions_note_update AFTER UPDATE ON positions BEGIN
    INSERT INTO member_change_notes VALUES (OLD.program_id, OLD.user_id), (NEW.program_id, NEW.user_id);
END;

CREATE TRIGGER positions_note_delete AFTER DELETE ON positions BEGIN
    INSERT INTO member_change_notes VALUES (OLD.program_id, OLD.user_id);
END;

CREATE TRIGGER relationships_note_insert AFTER INSERT ON relationships BEGIN
    INSERT INTO member_change_notes VALUES (NEW.program_id, NEW.mentor_id), (NEW.program_id, NEW.mentee_id);
END;

CREATE TRIGGER relationships_note_update AFTER UPDATE ON relationships BEGIN
    INSERT INTO member_change_notes VALUES (OLD.program_id, OLD.mentor_id), (OLD.program_id, OLD.mentee_id), (NEW.program_id, NEW.mentor_id), (NEW.program_id, NEW.mentee_id);
END;

CREATE TRIGGER relationships_note_delete AFTER DELETE ON relationships BEGIN
    INSERT INTO member_change_notes VALUES (OLD.program_id, OLD.mentor_id), (OLD.program_id, OLD.mentee_id);
END;

-- The members table no longer filters or sorts in SQL: these only slowed writes.
DROP INDEX memberships_by_name;
DROP INDEX memberships_by_sign_in;
DROP INDEX memberships_by_joined;
DROP INDEX custom_field_values_by_option_member;

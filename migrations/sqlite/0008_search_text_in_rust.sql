-- Names and e-mail addresses are folded for search and sorting in Rust (app/src/fold.rs)
-- when the members index loads them, the same way on both engines; SQLite's lower() only
-- knew ASCII. The membership keeps copies of the account state and last sign-in only.
DROP TRIGGER memberships_copy_person;
DROP TRIGGER users_copy_to_memberships;
DROP TRIGGER memberships_note_update;
ALTER TABLE memberships DROP COLUMN sort_name;
ALTER TABLE memberships DROP COLUMN search_text;

CREATE TRIGGER memberships_copy_person AFTER INSERT ON memberships BEGIN
    UPDATE memberships SET
        person_active = (SELECT u.is_active FROM users u WHERE u.id = NEW.user_id),
        last_sign_in_at = (SELECT u.last_sign_in_at FROM users u WHERE u.id = NEW.user_id)
    WHERE program_id = NEW.program_id AND user_id = NEW.user_id;
END;

CREATE TRIGGER users_copy_to_memberships AFTER UPDATE OF is_active, last_sign_in_at ON users BEGIN
    UPDATE memberships SET person_active = NEW.is_active, last_sign_in_at = NEW.last_sign_in_at
    WHERE user_id = NEW.id;
END;

-- Only the columns the members table filters or sorts on (not the admin's column choice).
CREATE TRIGGER memberships_note_update AFTER UPDATE ON memberships
WHEN OLD.role IS NOT NEW.role OR OLD.is_active IS NOT NEW.is_active
    OR OLD.person_active IS NOT NEW.person_active OR OLD.completeness IS NOT NEW.completeness
    OR OLD.joined_at IS NOT NEW.joined_at OR OLD.deactivated_at IS NOT NEW.deactivated_at
    OR OLD.last_sign_in_at IS NOT NEW.last_sign_in_at
BEGIN
    INSERT INTO member_change_notes VALUES (NEW.program_id, NEW.user_id);
END;

-- A new name or e-mail address changes what the index searches, in every program.
CREATE TRIGGER users_note_renames AFTER UPDATE ON users
WHEN OLD.first_name IS NOT NEW.first_name OR OLD.last_name IS NOT NEW.last_name
    OR OLD.email IS NOT NEW.email
BEGIN
    INSERT INTO member_change_notes SELECT program_id, user_id FROM memberships WHERE user_id = NEW.id;
END;

-- Names and e-mail addresses are folded for search and sorting in Rust (app/src/fold.rs)
-- when the members index loads them, the same way on both engines. The membership keeps
-- copies of the account state and last sign-in only.
DROP TRIGGER memberships_copy_person ON memberships;
DROP TRIGGER users_copy_to_memberships ON users;
DROP TRIGGER memberships_note_update ON memberships;
DROP FUNCTION memberships_copy_person();
DROP FUNCTION users_copy_to_memberships();
ALTER TABLE memberships DROP COLUMN sort_name;
ALTER TABLE memberships DROP COLUMN search_text;

CREATE FUNCTION memberships_copy_person() RETURNS trigger AS $$
BEGIN
    SELECT u.is_active, u.last_sign_in_at INTO NEW.person_active, NEW.last_sign_in_at
      FROM users u WHERE u.id = NEW.user_id;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER memberships_copy_person BEFORE INSERT ON memberships
    FOR EACH ROW EXECUTE FUNCTION memberships_copy_person();

CREATE FUNCTION users_copy_to_memberships() RETURNS trigger AS $$
BEGIN
    UPDATE memberships SET person_active = NEW.is_active, last_sign_in_at = NEW.last_sign_in_at
    WHERE user_id = NEW.id;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER users_copy_to_memberships AFTER UPDATE OF is_active, last_sign_in_at ON users
    FOR EACH ROW EXECUTE FUNCTION users_copy_to_memberships();

-- Only the columns the members table filters or sorts on (not the admin's column choice),
-- and only when their value changes: the same rule as SQLite's trigger.
CREATE FUNCTION note_membership_updates() RETURNS trigger AS $$
DECLARE programs BIGINT[]; users BIGINT[];
BEGIN
    SELECT array_agg(n.program_id), array_agg(n.user_id) INTO programs, users
      FROM new_rows n JOIN old_rows o ON o.program_id = n.program_id AND o.user_id = n.user_id
     WHERE (o.role, o.is_active, o.person_active, o.completeness, o.joined_at, o.deactivated_at, o.last_sign_in_at)
           IS DISTINCT FROM
           (n.role, n.is_active, n.person_active, n.completeness, n.joined_at, n.deactivated_at, n.last_sign_in_at);
    PERFORM note_members_changed(programs, users);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER memberships_note_update AFTER UPDATE ON memberships
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_membership_updates();

-- A new name or e-mail address changes what the index searches, in every program.
CREATE FUNCTION note_person_renames() RETURNS trigger AS $$
DECLARE programs BIGINT[]; users BIGINT[];
BEGIN
    SELECT array_agg(m.program_id), array_agg(m.user_id) INTO programs, users
      FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN memberships m ON m.user_id = n.id
     WHERE (o.first_name, o.last_name, o.email) IS DISTINCT FROM (n.first_name, n.last_name, n.email);
    PERFORM note_members_changed(programs, users);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER users_note_renames AFTER UPDATE ON users
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_person_renames();

-- The same key as SQLite's (a program's members stored together) and the same index by
-- person (found by the schema parity test).
ALTER TABLE memberships DROP CONSTRAINT memberships_pkey;
ALTER TABLE memberships ADD PRIMARY KEY (program_id, user_id);
CREATE INDEX memberships_by_user ON memberships (user_id);

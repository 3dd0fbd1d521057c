-- The admin members table: each administrator's column choice (per program), and the
-- indexes its filters and sorts use.

-- Comma-separated column codes; '' = every column.
ALTER TABLE memberships ADD COLUMN members_columns TEXT NOT NULL DEFAULT '';
CREATE INDEX memberships_by_joined ON memberships (program_id, joined_at);
CREATE INDEX memberships_by_member_admin ON memberships (member_admin_id);
CREATE INDEX saved_member_filters_by_admin ON saved_member_filters (program_id, admin_id, used_at);

-- The members table filters and sorts on one table: each membership carries a copy of
-- the person's sortable name, search text (names and e-mail, lower-cased), last sign-in
-- and account state. Triggers keep the copies exact, whatever writes the person.
ALTER TABLE memberships ADD COLUMN sort_name TEXT NOT NULL DEFAULT '';
ALTER TABLE memberships ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE memberships ADD COLUMN person_active BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE memberships ADD COLUMN last_sign_in_at TIMESTAMPTZ;

UPDATE memberships m SET
    sort_name = lower(u.last_name || ' ' || u.first_name),
    search_text = lower(u.first_name || ' ' || u.last_name || ' ' || u.email),
    person_active = u.is_active,
    last_sign_in_at = u.last_sign_in_at
FROM users u WHERE u.id = m.user_id;

CREATE FUNCTION memberships_copy_person() RETURNS trigger AS $$
BEGIN
    SELECT lower(u.last_name || ' ' || u.first_name), lower(u.first_name || ' ' || u.last_name || ' ' || u.email),
           u.is_active, u.last_sign_in_at
      INTO NEW.sort_name, NEW.search_text, NEW.person_active, NEW.last_sign_in_at
      FROM users u WHERE u.id = NEW.user_id;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER memberships_copy_person BEFORE INSERT ON memberships
    FOR EACH ROW EXECUTE FUNCTION memberships_copy_person();

CREATE FUNCTION users_copy_to_memberships() RETURNS trigger AS $$
BEGIN
    UPDATE memberships SET
        sort_name = lower(NEW.last_name || ' ' || NEW.first_name),
        search_text = lower(NEW.first_name || ' ' || NEW.last_name || ' ' || NEW.email),
        person_active = NEW.is_active,
        last_sign_in_at = NEW.last_sign_in_at
    WHERE user_id = NEW.id;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER users_copy_to_memberships AFTER UPDATE OF first_name, last_name, email, is_active, last_sign_in_at ON users
    FOR EACH ROW EXECUTE FUNCTION users_copy_to_memberships();

CREATE INDEX memberships_by_name ON memberships (program_id, sort_name, user_id);
CREATE INDEX memberships_by_sign_in ON memberships (program_id, last_sign_in_at);
CREATE INDEX custom_field_values_by_option_member ON custom_field_values (option_id, user_id);
CREATE INDEX relationships_active_mentors ON relationships (program_id, status, mentor_id);
CREATE INDEX relationships_active_mentees ON relationships (program_id, status, mentee_id);

-- Finding a partner: who may search, the program's default number of partners, the
-- searches members save, and what the members index needs to score candidates (their
-- list choices, languages and maximum number of partners), noted like the rest.
ALTER TABLE programs ADD COLUMN search_access TEXT NOT NULL DEFAULT 'both'
    CHECK (search_access IN ('both', 'mentees', 'mentors', 'nobody'));
ALTER TABLE programs ADD COLUMN default_max_partners INTEGER NOT NULL DEFAULT 1;

-- "Save and search": the criteria as their canonical query string. Counted in the
-- administrator's Searches figure; the latest one fills the member's search page.
CREATE TABLE partner_searches (
    id          INTEGER PRIMARY KEY,
    program_id  INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    query       TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX partner_searches_by_member ON partner_searches (program_id, user_id, id);

CREATE TRIGGER profile_list_choices_note_insert AFTER INSERT ON profile_list_choices BEGIN
    INSERT INTO member_change_notes VALUES (NEW.program_id, NEW.user_id);
END;

CREATE TRIGGER profile_list_choices_note_delete AFTER DELETE ON profile_list_choices BEGIN
    INSERT INTO member_change_notes VALUES (OLD.program_id, OLD.user_id);
END;

CREATE TRIGGER profiles_note_insert AFTER INSERT ON profiles BEGIN
    INSERT INTO member_change_notes VALUES (NEW.program_id, NEW.user_id);
END;

CREATE TRIGGER profiles_note_update AFTER UPDATE ON profiles
WHEN OLD.max_partners IS NOT NEW.max_partners BEGIN
    INSERT INTO member_change_notes VALUES (NEW.program_id, NEW.user_id);
END;

-- Names, e-mail address and spoken languages are what the index reads from the person.
DROP TRIGGER users_note_renames;
CREATE TRIGGER users_note_person AFTER UPDATE ON users
WHEN OLD.first_name IS NOT NEW.first_name OR OLD.last_name IS NOT NEW.last_name
    OR OLD.email IS NOT NEW.email OR OLD.spoken_languages IS NOT NEW.spoken_languages
BEGIN
    INSERT INTO member_change_notes SELECT program_id, user_id FROM memberships WHERE user_id = NEW.id;
END;

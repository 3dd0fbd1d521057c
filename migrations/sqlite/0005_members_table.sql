-- The admin members table.
--
-- It filters and sorts on one table: each membership carries a copy of the person's
-- sortable name, search text (names and e-mail, lower-cased; SQLite's lower() is ASCII
-- only, so French capitals are folded by hand), last sign-in and account state. Triggers
-- keep the copies exact, whatever writes the person.
--
-- The table is rebuilt WITHOUT ROWID with the key (program_id, user_id): a program's
-- members are then stored together, so filters that read every member of a program read
-- them in order instead of one random page per member.

CREATE TABLE memberships_by_program (
    program_id       INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    user_id          INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role             TEXT NOT NULL CHECK (role IN ('admin', 'mentor', 'mentee')),
    joined_at        TEXT NOT NULL,
    is_active        BOOLEAN NOT NULL DEFAULT TRUE,
    deactivated_at   TEXT,
    completeness     INTEGER NOT NULL DEFAULT 0,
    member_admin_id  INTEGER REFERENCES users(id) ON DELETE SET NULL,
    -- Comma-separated column codes of the admin's members table; '' = every column.
    members_columns  TEXT NOT NULL DEFAULT '',
    sort_name        TEXT NOT NULL DEFAULT '',
    search_text      TEXT NOT NULL DEFAULT '',
    person_active    BOOLEAN NOT NULL DEFAULT TRUE,
    last_sign_in_at  TEXT,
    PRIMARY KEY (program_id, user_id)
) WITHOUT ROWID;

INSERT INTO memberships_by_program (program_id, user_id, role, joined_at, is_active, deactivated_at,
    completeness, member_admin_id, sort_name, search_text, person_active, last_sign_in_at)
SELECT m.program_id, m.user_id, m.role, m.joined_at, m.is_active, m.deactivated_at, m.completeness,
    m.member_admin_id, lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(u.last_name || ' ' || u.first_name, 'É', 'é'), 'È', 'è'), 'Ê', 'ê'), 'Ë', 'ë'), 'À', 'à'), 'Â', 'â'), 'Ç', 'ç'), 'Î', 'î'), 'Ï', 'ï'), 'Ô', 'ô'), 'Û', 'û'), 'Ù', 'ù'), 'Ü', 'ü')), lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(u.first_name || ' ' || u.last_name || ' ' || u.email, 'É', 'é'), 'È', 'è'), 'Ê', 'ê'), 'Ë', 'ë'), 'À', 'à'), 'Â', 'â'), 'Ç', 'ç'), 'Î', 'î'), 'Ï', 'ï'), 'Ô', 'ô'), 'Û', 'û'), 'Ù', 'ù'), 'Ü', 'ü')), u.is_active, u.last_sign_in_at
FROM memberships m JOIN users u ON u.id = m.user_id;

DROP TABLE memberships;
ALTER TABLE memberships_by_program RENAME TO memberships;

CREATE INDEX memberships_by_user ON memberships (user_id);
CREATE INDEX memberships_by_program_role ON memberships (program_id, role);
CREATE INDEX memberships_by_completeness ON memberships (program_id, completeness);
CREATE INDEX memberships_by_joined ON memberships (program_id, joined_at);
CREATE INDEX memberships_by_member_admin ON memberships (member_admin_id);
CREATE INDEX memberships_by_name ON memberships (program_id, sort_name);
CREATE INDEX memberships_by_sign_in ON memberships (program_id, last_sign_in_at);

CREATE TRIGGER memberships_copy_person AFTER INSERT ON memberships BEGIN
    UPDATE memberships SET
        sort_name = (SELECT lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(u.last_name || ' ' || u.first_name, 'É', 'é'), 'È', 'è'), 'Ê', 'ê'), 'Ë', 'ë'), 'À', 'à'), 'Â', 'â'), 'Ç', 'ç'), 'Î', 'î'), 'Ï', 'ï'), 'Ô', 'ô'), 'Û', 'û'), 'Ù', 'ù'), 'Ü', 'ü')) FROM users u WHERE u.id = NEW.user_id),
        search_text = (SELECT lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(u.first_name || ' ' || u.last_name || ' ' || u.email, 'É', 'é'), 'È', 'è'), 'Ê', 'ê'), 'Ë', 'ë'), 'À', 'à'), 'Â', 'â'), 'Ç', 'ç'), 'Î', 'î'), 'Ï', 'ï'), 'Ô', 'ô'), 'Û', 'û'), 'Ù', 'ù'), 'Ü', 'ü')) FROM users u WHERE u.id = NEW.user_id),
        person_active = (SELECT u.is_active FROM users u WHERE u.id = NEW.user_id),
        last_sign_in_at = (SELECT u.last_sign_in_at FROM users u WHERE u.id = NEW.user_id)
    WHERE program_id = NEW.program_id AND user_id = NEW.user_id;
END;

CREATE TRIGGER users_copy_to_memberships AFTER UPDATE OF first_name, last_name, email, is_active, last_sign_in_at ON users BEGIN
    UPDATE memberships SET
        sort_name = lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.last_name || ' ' || NEW.first_name, 'É', 'é'), 'È', 'è'), 'Ê', 'ê'), 'Ë', 'ë'), 'À', 'à'), 'Â', 'â'), 'Ç', 'ç'), 'Î', 'î'), 'Ï', 'ï'), 'Ô', 'ô'), 'Û', 'û'), 'Ù', 'ù'), 'Ü', 'ü')),
        search_text = lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.first_name || ' ' || NEW.last_name || ' ' || NEW.email, 'É', 'é'), 'È', 'è'), 'Ê', 'ê'), 'Ë', 'ë'), 'À', 'à'), 'Â', 'â'), 'Ç', 'ç'), 'Î', 'î'), 'Ï', 'ï'), 'Ô', 'ô'), 'Û', 'û'), 'Ù', 'ù'), 'Ü', 'ü')),
        person_active = NEW.is_active,
        last_sign_in_at = NEW.last_sign_in_at
    WHERE user_id = NEW.id;
END;

CREATE INDEX saved_member_filters_by_admin ON saved_member_filters (program_id, admin_id, used_at);
CREATE INDEX custom_field_values_by_option_member ON custom_field_values (option_id, user_id);
CREATE INDEX relationships_active_mentors ON relationships (program_id, status, mentor_id);
CREATE INDEX relationships_active_mentees ON relationships (program_id, status, mentee_id);

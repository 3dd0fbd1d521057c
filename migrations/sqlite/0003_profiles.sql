-- Profiles, program lists, custom fields and always-current profile completeness.
-- Person-level facts (name, photo, place, time zone, languages, gender) live on `users`;
-- what belongs to one program (positions chosen from its lists, skills, custom answers,
-- completeness) is keyed by (user_id, program_id).

ALTER TABLE users ADD COLUMN gender TEXT NOT NULL DEFAULT ''
    CHECK (gender IN ('', 'woman', 'man', 'non_binary', 'self_described', 'prefer_not'));
-- Stored photo (server-resized); NULL = initials avatar.
ALTER TABLE users ADD COLUMN photo_key TEXT;

-- Kept current on every save and every field change (never needs a manual recalculation).
ALTER TABLE memberships ADD COLUMN completeness INTEGER NOT NULL DEFAULT 0;
-- The program admin who looks after this member ("Member admin" column), if any.
ALTER TABLE memberships ADD COLUMN member_admin_id INTEGER REFERENCES users(id) ON DELETE SET NULL;
CREATE INDEX memberships_by_completeness ON memberships (program_id, completeness);

-- The program's own lists, each item labelled in both languages.
CREATE TABLE program_list_items (
    id          INTEGER PRIMARY KEY,
    program_id  INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    list        TEXT NOT NULL CHECK (list IN ('industry', 'job_function', 'skill', 'development_area', 'meeting_city')),
    label_en    TEXT NOT NULL,
    label_fr    TEXT NOT NULL,
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL
);
CREATE INDEX program_list_items_by_list ON program_list_items (program_id, list, position);

-- The Skills tab and the rest of a member's profile in one program.
CREATE TABLE profiles (
    user_id           INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    program_id        INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    years_experience  INTEGER,
    summary           TEXT NOT NULL DEFAULT '',
    three_words       TEXT NOT NULL DEFAULT '',
    linkedin          TEXT NOT NULL DEFAULT '',
    twitter           TEXT NOT NULL DEFAULT '',
    skype             TEXT NOT NULL DEFAULT '',
    -- Comma-separated codes: video, in_person, phone.
    meeting_formats   TEXT NOT NULL DEFAULT '',
    -- Most mentees a mentor takes on, or mentors a mentee wants.
    max_partners      INTEGER,
    goals             TEXT NOT NULL DEFAULT '',
    updated_at        TEXT NOT NULL,
    PRIMARY KEY (user_id, program_id)
);

-- Employment: the current position and any past ones.
CREATE TABLE positions (
    id               INTEGER PRIMARY KEY,
    user_id          INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    program_id       INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    job_title        TEXT NOT NULL DEFAULT '',
    company          TEXT NOT NULL DEFAULT '',
    industry_id      INTEGER REFERENCES program_list_items(id) ON DELETE SET NULL,
    job_function_id  INTEGER REFERENCES program_list_items(id) ON DELETE SET NULL,
    is_current       BOOLEAN NOT NULL DEFAULT TRUE,
    position         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX positions_by_member ON positions (program_id, user_id);
CREATE INDEX positions_by_industry ON positions (industry_id, is_current);
CREATE INDEX positions_by_job_function ON positions (job_function_id, is_current);

-- Skills, development areas and meeting cities a member picked from the program's lists.
CREATE TABLE profile_list_choices (
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    program_id  INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    item_id     INTEGER NOT NULL REFERENCES program_list_items(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, program_id, item_id)
);
CREATE INDEX profile_list_choices_by_item ON profile_list_choices (item_id);

-- Which built-in profile fields a program requires and counts towards completeness.
-- A field without a row uses the product default (see profiles::fields).
CREATE TABLE profile_field_rules (
    program_id     INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    field_key      TEXT NOT NULL,
    for_mentors    BOOLEAN NOT NULL,
    for_mentees    BOOLEAN NOT NULL,
    required       BOOLEAN NOT NULL,
    base_field     BOOLEAN NOT NULL,
    PRIMARY KEY (program_id, field_key)
);

-- Admin-defined fields, as in "Manage custom fields".
CREATE TABLE custom_fields (
    id               INTEGER PRIMARY KEY,
    program_id       INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    name_en          TEXT NOT NULL,
    name_fr          TEXT NOT NULL,
    description_en   TEXT NOT NULL DEFAULT '',
    description_fr   TEXT NOT NULL DEFAULT '',
    hint_en          TEXT NOT NULL DEFAULT '',
    hint_fr          TEXT NOT NULL DEFAULT '',
    role             TEXT NOT NULL CHECK (role IN ('mentor', 'mentee', 'both')),
    required         BOOLEAN NOT NULL DEFAULT FALSE,
    in_search        BOOLEAN NOT NULL DEFAULT FALSE,
    admin_only       BOOLEAN NOT NULL DEFAULT FALSE,
    position         INTEGER NOT NULL DEFAULT 0,
    single_select    BOOLEAN NOT NULL DEFAULT FALSE,
    allow_entries    BOOLEAN NOT NULL DEFAULT FALSE,
    base_field       BOOLEAN NOT NULL DEFAULT FALSE,
    show_on_profile  BOOLEAN NOT NULL DEFAULT TRUE,
    in_report        BOOLEAN NOT NULL DEFAULT TRUE,
    created_at       TEXT NOT NULL
);
CREATE INDEX custom_fields_by_program ON custom_fields (program_id, position);

-- A field's options; none = free text. Members may add some when the field allows entries.
CREATE TABLE custom_field_options (
    id          INTEGER PRIMARY KEY,
    field_id    INTEGER NOT NULL REFERENCES custom_fields(id) ON DELETE CASCADE,
    label_en    TEXT NOT NULL,
    label_fr    TEXT NOT NULL,
    position    INTEGER NOT NULL DEFAULT 0,
    added_by    INTEGER REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX custom_field_options_by_field ON custom_field_options (field_id, position);

-- A member's answers: one row per chosen option, or one row with the free text.
CREATE TABLE custom_field_values (
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    program_id  INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    field_id    INTEGER NOT NULL REFERENCES custom_fields(id) ON DELETE CASCADE,
    option_id   INTEGER REFERENCES custom_field_options(id) ON DELETE CASCADE,
    text_value  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX custom_field_values_by_member ON custom_field_values (program_id, user_id, field_id);
CREATE INDEX custom_field_values_by_option ON custom_field_values (option_id);
CREATE INDEX custom_field_values_by_field ON custom_field_values (field_id);

-- "Save search filter": an admin's named members-table filters (the query string).
CREATE TABLE saved_member_filters (
    id          INTEGER PRIMARY KEY,
    program_id  INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    admin_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    query       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    used_at     TEXT NOT NULL,
    UNIQUE (program_id, admin_id, name)
);

-- Employment moves from the person to their profile in each program they are a member of.
INSERT INTO positions (user_id, program_id, job_title, company, is_current, position)
SELECT m.user_id, m.program_id, u.job_title, u.company, TRUE, 0
FROM memberships m JOIN users u ON u.id = m.user_id
WHERE m.role <> 'admin' AND (u.job_title <> '' OR u.company <> '');
ALTER TABLE users DROP COLUMN job_title;
ALTER TABLE users DROP COLUMN company;
ALTER TABLE users DROP COLUMN industry;
ALTER TABLE users DROP COLUMN job_function;

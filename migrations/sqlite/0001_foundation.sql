-- Foundation: organisations, programs, people, memberships, sessions, and the
-- relationship/invitation records the admin dashboard counts.
-- Instants are UTC (sqlx writes chrono::DateTime<Utc> as ISO-8601 text).

CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE programs (
    id               INTEGER PRIMARY KEY,
    organisation_id  INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    slug             TEXT NOT NULL UNIQUE,
    name_en          TEXT NOT NULL,
    name_fr          TEXT NOT NULL,
    contact_email    TEXT NOT NULL,
    created_at       TEXT NOT NULL
);

CREATE TABLE users (
    id                INTEGER PRIMARY KEY,
    email             TEXT NOT NULL UNIQUE,
    password_hash     TEXT,
    first_name        TEXT NOT NULL,
    last_name         TEXT NOT NULL,
    language          TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'fr')),
    time_zone         TEXT NOT NULL DEFAULT 'America/Toronto',
    country           TEXT NOT NULL DEFAULT 'CA',
    province          TEXT NOT NULL DEFAULT '',
    city              TEXT NOT NULL DEFAULT '',
    spoken_languages  TEXT NOT NULL DEFAULT '',
    job_title         TEXT NOT NULL DEFAULT '',
    company           TEXT NOT NULL DEFAULT '',
    industry          TEXT NOT NULL DEFAULT '',
    job_function      TEXT NOT NULL DEFAULT '',
    is_active         BOOLEAN NOT NULL DEFAULT TRUE,
    created_at        TEXT NOT NULL,
    last_sign_in_at   TEXT
);

CREATE TABLE memberships (
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    program_id  INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('admin', 'mentor', 'mentee')),
    joined_at   TEXT NOT NULL,
    PRIMARY KEY (user_id, program_id)
);
CREATE INDEX memberships_by_program_role ON memberships (program_id, role);

CREATE TABLE sessions (
    token_hash    TEXT PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    program_id    INTEGER REFERENCES programs(id) ON DELETE SET NULL,
    persistent    BOOLEAN NOT NULL,
    created_at    TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL,
    expires_at    TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE relationships (
    id          INTEGER PRIMARY KEY,
    program_id  INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    mentor_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    mentee_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    status      TEXT NOT NULL CHECK (status IN ('active', 'completed')),
    started_at  TEXT NOT NULL,
    ended_at    TEXT
);
CREATE INDEX relationships_by_program ON relationships (program_id, status);
CREATE INDEX relationships_by_mentor ON relationships (mentor_id);
CREATE INDEX relationships_by_mentee ON relationships (mentee_id);

CREATE TABLE invitations (
    id            INTEGER PRIMARY KEY,
    program_id    INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    sender_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    recipient_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    status        TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'declined')),
    created_at    TEXT NOT NULL,
    responded_at  TEXT
);
CREATE INDEX invitations_by_program ON invitations (program_id, status);

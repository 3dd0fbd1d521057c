-- Scheduling: weekly availability and dated exceptions (wall-clock times in the owner's
-- zone), meeting series (a rule and the zone it was made in) and their occurrences, each
-- participant's answer, and meetings logged by hand.
ALTER TABLE programs ADD COLUMN meeting_types TEXT NOT NULL DEFAULT 'video,in_person,phone';
ALTER TABLE programs ADD COLUMN video_room_url TEXT NOT NULL DEFAULT '';

CREATE TABLE availability_windows (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    weekday       INTEGER NOT NULL,
    start_minute  INTEGER NOT NULL,
    end_minute    INTEGER NOT NULL
);
CREATE INDEX availability_windows_by_user ON availability_windows (user_id, weekday, start_minute);

-- kind 'away': first_day..last_day whole days; 'extra': on first_day, start..end minutes.
CREATE TABLE availability_exceptions (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    first_day     TEXT NOT NULL,
    last_day      TEXT NOT NULL,
    start_minute  INTEGER,
    end_minute    INTEGER
);
CREATE INDEX availability_exceptions_by_user ON availability_exceptions (user_id, first_day);

CREATE TABLE meeting_series (
    id               INTEGER PRIMARY KEY,
    program_id       INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    relationship_id  INTEGER NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
    organiser_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    zone             TEXT NOT NULL,
    first_local      TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    frequency        TEXT NOT NULL,
    occurrence_count INTEGER,
    until_day        TEXT,
    meeting_type     TEXT NOT NULL,
    location         TEXT NOT NULL,
    agenda           TEXT NOT NULL,
    sequence         INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX meeting_series_by_relationship ON meeting_series (relationship_id);

-- One row per occurrence of a series: `original_start` is where the rule put it (its
-- RECURRENCE-ID), `starts_at` where it is now; `moved` marks one put elsewhere by hand,
-- which changes to the series never touch.
CREATE TABLE meetings (
    id               INTEGER PRIMARY KEY,
    series_id        INTEGER NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
    program_id       INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    relationship_id  INTEGER NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
    original_start_at TEXT NOT NULL,
    starts_at        TEXT NOT NULL,
    ends_at          TEXT NOT NULL,
    state            TEXT NOT NULL DEFAULT 'scheduled',
    moved            BOOLEAN NOT NULL DEFAULT FALSE,
    changed_by       INTEGER REFERENCES users(id) ON DELETE SET NULL,
    changed_at       TEXT,
    UNIQUE (series_id, original_start_at)
);
CREATE INDEX meetings_by_relationship ON meetings (relationship_id, starts_at);
CREATE INDEX meetings_by_program ON meetings (program_id, starts_at);

CREATE TABLE meeting_attendees (
    meeting_id   INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    answer       TEXT NOT NULL DEFAULT 'none',
    answered_at  TEXT,
    PRIMARY KEY (meeting_id, user_id)
);
CREATE INDEX meeting_attendees_by_user ON meeting_attendees (user_id, meeting_id);

-- "Number of meetings" +: a meeting held outside the platform.
CREATE TABLE logged_meetings (
    id               INTEGER PRIMARY KEY,
    program_id       INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    relationship_id  INTEGER NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
    held_on_day      TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    meeting_type     TEXT NOT NULL,
    note             TEXT NOT NULL,
    logged_by        INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at       TEXT NOT NULL
);
CREATE INDEX logged_meetings_by_relationship ON logged_meetings (relationship_id);

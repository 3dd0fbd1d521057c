-- A member's own calendar, read for busy time: its secret address (needed to read it;
-- the account page shows only its host), when it is next due (also the lease a reader
-- takes, so several instances never read one at once), the validators of the last read,
-- and how the last attempt and the last success went. No row: none connected.
CREATE TABLE busy_calendars (
    user_id          INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    url              TEXT NOT NULL,
    added_at         TEXT NOT NULL,
    next_read_at     TEXT NOT NULL,
    etag             TEXT,
    last_modified    TEXT,
    last_attempt_at  TEXT,
    last_success_at  TEXT,
    problem          TEXT,
    http_status      INTEGER,
    busy_events      INTEGER NOT NULL DEFAULT 0,
    unreadable       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX busy_calendars_due ON busy_calendars (next_read_at);

-- The busy time the last successful read found, replaced whole by the next one. Only
-- the times: nothing else of the member's events is kept.
CREATE TABLE calendar_busy_times (
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    starts_at  TEXT NOT NULL,
    ends_at    TEXT NOT NULL
);
CREATE INDEX calendar_busy_times_by_user ON calendar_busy_times (user_id, starts_at);

-- A member's private calendar feed: the secret in its address (kept as is, so the account
-- page can show the address again; it reads nothing a database reader could not read
-- directly), when it was made, and when a calendar last read it. No row: the feed is off.
CREATE TABLE calendar_feeds (
    user_id       INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    token         TEXT NOT NULL UNIQUE,
    created_at    TEXT NOT NULL,
    last_read_at  TEXT
);

-- In-app notifications: a meeting a member was invited to, or one of theirs moved or
-- cancelled by someone else. Each keeps the meeting's start as it was then (the
-- notification tells what happened), the relationship it leads to, and when it was read.
CREATE TABLE notifications (
    id               INTEGER PRIMARY KEY,
    program_id       INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    user_id          INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind             TEXT NOT NULL,
    actor_id         INTEGER REFERENCES users(id) ON DELETE SET NULL,
    relationship_id  INTEGER NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
    meeting_at       TEXT NOT NULL,
    meeting_count    INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    read_at          TEXT
);
CREATE INDEX notifications_by_user ON notifications (user_id, program_id, created_at);
CREATE INDEX notifications_unread ON notifications (user_id, program_id) WHERE read_at IS NULL;

-- Each meeting reminder sent, once: the row and the queued e-mail are written in one
-- transaction, and a second sender (another instance, a pass after a restart) collides
-- with the key. `kind` is the reminder; `meeting_id` is 0 for the morning reminder of
-- unanswered meetings, keyed by the recipient's local day instead ('' otherwise).
CREATE TABLE meeting_reminders (
    user_id     BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    program_id  BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    meeting_id  BIGINT NOT NULL DEFAULT 0,
    local_day   TEXT NOT NULL DEFAULT '',
    sent_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, program_id, kind, meeting_id, local_day)
);
CREATE INDEX meeting_reminders_by_time ON meeting_reminders (kind, sent_at);

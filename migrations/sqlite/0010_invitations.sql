-- Invitations as members send them: the pair as mentor and mentee (one pending invitation
-- per pair, by a partial unique index), the sender's message, the recipient's answer
-- (a reason for declining, optional), the deadline and its halfway reminder (when it
-- is due and when it went), and the
-- withdrawn and expired outcomes. SQLite cannot change a CHECK, so the table is rebuilt.
ALTER TABLE programs ADD COLUMN invitation_days INTEGER NOT NULL DEFAULT 14;

CREATE TABLE invitations_v2 (
    id            INTEGER PRIMARY KEY,
    program_id    INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    sender_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    recipient_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    mentor_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    mentee_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    status        TEXT NOT NULL
        CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn', 'expired')),
    message       TEXT NOT NULL DEFAULT '',
    answer        TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    expires_at    TEXT NOT NULL,
    remind_at     TEXT NOT NULL,
    reminded_at   TEXT,
    responded_at  TEXT,
    CHECK ((sender_id = mentor_id AND recipient_id = mentee_id)
        OR (sender_id = mentee_id AND recipient_id = mentor_id)),
    CHECK (mentor_id <> mentee_id)
);
INSERT INTO invitations_v2 (id, program_id, sender_id, recipient_id, mentor_id, mentee_id,
        status, created_at, expires_at, remind_at, responded_at)
    SELECT i.id, i.program_id, i.sender_id, i.recipient_id,
        CASE WHEN m.role = 'mentor' THEN i.sender_id ELSE i.recipient_id END,
        CASE WHEN m.role = 'mentor' THEN i.recipient_id ELSE i.sender_id END,
        i.status, i.created_at,
        strftime('%Y-%m-%dT%H:%M:%fZ', i.created_at, '+14 days'),
        strftime('%Y-%m-%dT%H:%M:%fZ', i.created_at, '+7 days'), i.responded_at
    FROM invitations i
    LEFT JOIN memberships m ON m.program_id = i.program_id AND m.user_id = i.sender_id;
DROP TABLE invitations;
ALTER TABLE invitations_v2 RENAME TO invitations;
CREATE INDEX invitations_by_program ON invitations (program_id, status);
CREATE INDEX invitations_by_recipient ON invitations (recipient_id, status);
CREATE INDEX invitations_by_sender ON invitations (sender_id, status);
CREATE INDEX invitations_due ON invitations (status, expires_at);
CREATE INDEX invitations_reminders_due ON invitations (status, remind_at);
CREATE UNIQUE INDEX invitations_one_pending_per_pair ON invitations (program_id, mentor_id, mentee_id)
    WHERE status = 'pending';

-- A relationship remembers the invitation it came from (or the administrator who
-- matched the pair), and who ended it and why. One current relationship per pair.
ALTER TABLE relationships ADD COLUMN invitation_id INTEGER REFERENCES invitations(id) ON DELETE SET NULL;
ALTER TABLE relationships ADD COLUMN matched_by INTEGER REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE relationships ADD COLUMN ended_by INTEGER REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE relationships ADD COLUMN end_reason TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX relationships_one_active_per_pair ON relationships (program_id, mentor_id, mentee_id)
    WHERE status = 'active';

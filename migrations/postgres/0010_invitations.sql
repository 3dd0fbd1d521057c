-- Invitations as members send them: the pair as mentor and mentee (one pending invitation
-- per pair, by a partial unique index), the sender's message, the recipient's answer
-- (a reason for declining, optional), the deadline and its halfway reminder (when it
-- is due and when it went), and the
-- withdrawn and expired outcomes.
ALTER TABLE programs ADD COLUMN invitation_days INTEGER NOT NULL DEFAULT 14;

ALTER TABLE invitations ADD COLUMN mentor_id BIGINT REFERENCES users(id) ON DELETE CASCADE;
ALTER TABLE invitations ADD COLUMN mentee_id BIGINT REFERENCES users(id) ON DELETE CASCADE;
ALTER TABLE invitations ADD COLUMN message TEXT NOT NULL DEFAULT '';
ALTER TABLE invitations ADD COLUMN answer TEXT NOT NULL DEFAULT '';
ALTER TABLE invitations ADD COLUMN expires_at TIMESTAMPTZ;
ALTER TABLE invitations ADD COLUMN remind_at TIMESTAMPTZ;
ALTER TABLE invitations ADD COLUMN reminded_at TIMESTAMPTZ;
UPDATE invitations i SET
    mentor_id = CASE WHEN s.role = 'mentor' THEN i.sender_id ELSE i.recipient_id END,
    mentee_id = CASE WHEN s.role = 'mentor' THEN i.recipient_id ELSE i.sender_id END,
    expires_at = i.created_at + INTERVAL '14 days',
    remind_at = i.created_at + INTERVAL '7 days'
FROM (SELECT j.id, m.role FROM invitations j
      LEFT JOIN memberships m ON m.program_id = j.program_id AND m.user_id = j.sender_id) s
WHERE s.id = i.id;
ALTER TABLE invitations ALTER COLUMN mentor_id SET NOT NULL;
ALTER TABLE invitations ALTER COLUMN mentee_id SET NOT NULL;
ALTER TABLE invitations ALTER COLUMN expires_at SET NOT NULL;
ALTER TABLE invitations ALTER COLUMN remind_at SET NOT NULL;
ALTER TABLE invitations DROP CONSTRAINT invitations_status_check;
ALTER TABLE invitations ADD CONSTRAINT invitations_status_check
    CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn', 'expired'));
ALTER TABLE invitations ADD CONSTRAINT invitations_pair_check
    CHECK ((sender_id = mentor_id AND recipient_id = mentee_id)
        OR (sender_id = mentee_id AND recipient_id = mentor_id));
ALTER TABLE invitations ADD CONSTRAINT invitations_two_people_check CHECK (mentor_id <> mentee_id);
CREATE INDEX invitations_by_recipient ON invitations (recipient_id, status);
CREATE INDEX invitations_by_sender ON invitations (sender_id, status);
CREATE INDEX invitations_due ON invitations (status, expires_at);
CREATE INDEX invitations_reminders_due ON invitations (status, remind_at);
CREATE UNIQUE INDEX invitations_one_pending_per_pair ON invitations (program_id, mentor_id, mentee_id)
    WHERE status = 'pending';

-- A relationship remembers the invitation it came from (or the administrator who
-- matched the pair), and who ended it and why. One current relationship per pair.
ALTER TABLE relationships ADD COLUMN invitation_id BIGINT REFERENCES invitations(id) ON DELETE SET NULL;
ALTER TABLE relationships ADD COLUMN matched_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE relationships ADD COLUMN ended_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE relationships ADD COLUMN end_reason TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX relationships_one_active_per_pair ON relationships (program_id, mentor_id, mentee_id)
    WHERE status = 'active';

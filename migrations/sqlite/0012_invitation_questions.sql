-- "Ask a question": while an invitation waits for an answer, its two members can write
-- to each other without deciding. The first message of the recipient also counts as
-- their response when a card shows how quickly a member answers invitations.
CREATE TABLE invitation_messages (
    id             INTEGER PRIMARY KEY,
    invitation_id  INTEGER NOT NULL REFERENCES invitations(id) ON DELETE CASCADE,
    author_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    body           TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX invitation_messages_by_invitation ON invitation_messages (invitation_id, id);
CREATE INDEX invitations_by_program_recipient ON invitations (program_id, recipient_id);

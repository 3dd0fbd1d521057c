-- The accept / decline / maybe links of meeting e-mails. Each records one answer of one
-- person to one meeting (or the rest of its series) without signing them in; only the
-- token's hash is kept. A link dies when it expires or when the meeting changes after it
-- was sent (`sequence` is the series' SEQUENCE then).
CREATE TABLE meeting_answer_links (
    token_hash    TEXT PRIMARY KEY,
    program_id    BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    meeting_id    BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    user_id       BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    answer        TEXT NOT NULL,
    whole_series  BOOLEAN NOT NULL,
    sequence      INTEGER NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    used_at       TIMESTAMPTZ
);
CREATE INDEX meeting_answer_links_by_meeting ON meeting_answer_links (meeting_id);
CREATE INDEX meeting_answer_links_by_user ON meeting_answer_links (user_id);

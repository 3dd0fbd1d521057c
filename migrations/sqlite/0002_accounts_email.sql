-- Accounts and the e-mail core: invitation links, lockout, one-time links, per-program
-- deactivation, rate limits, the outbox with delivery status, and edited system messages.

-- The program's self-registration link and account rules.
ALTER TABLE programs ADD COLUMN invite_token TEXT;
ALTER TABLE programs ADD COLUMN invite_enabled BOOLEAN NOT NULL DEFAULT TRUE;
-- Roles a person may choose when registering through the link: 'mentor,mentee', 'mentor' or 'mentee'.
ALTER TABLE programs ADD COLUMN signup_roles TEXT NOT NULL DEFAULT 'mentor,mentee';
ALTER TABLE programs ADD COLUMN lockout_threshold INTEGER NOT NULL DEFAULT 5;
ALTER TABLE programs ADD COLUMN logo_url TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX programs_by_invite_token ON programs (invite_token);

-- Deactivation belongs to a membership: an admin of one program cannot lock a person out
-- of another. Data stays; reactivation restores access.
ALTER TABLE memberships ADD COLUMN is_active BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE memberships ADD COLUMN deactivated_at TEXT;

ALTER TABLE users ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_at TEXT;
-- Set when personal data was erased: the row stays so counts and reports stay consistent.
ALTER TABLE users ADD COLUMN deleted_at TEXT;

-- Single-use links sent by e-mail (only a hash is stored).
CREATE TABLE account_tokens (
    token_hash  TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL CHECK (purpose IN ('set_password', 'reset_password', 'unlock')),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);
CREATE INDEX account_tokens_by_user ON account_tokens (user_id, purpose);

-- Sliding-window rate limits shared by every app instance (one row per counted event).
CREATE TABLE rate_limit_hits (
    bucket  TEXT NOT NULL,
    at      TEXT NOT NULL
);
CREATE INDEX rate_limit_hits_by_bucket ON rate_limit_hits (bucket, at);

-- A program's edits of the shipped system messages (defaults live in locales/).
CREATE TABLE message_templates (
    program_id    INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    template_key  TEXT NOT NULL,
    subject_en    TEXT NOT NULL,
    subject_fr    TEXT NOT NULL,
    body_en       TEXT NOT NULL,
    body_fr       TEXT NOT NULL,
    is_active     BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at    TEXT NOT NULL,
    updated_by    INTEGER REFERENCES users(id) ON DELETE SET NULL,
    PRIMARY KEY (program_id, template_key)
);

-- The outbox and e-mail log in one table: a row is written in the same transaction as the
-- change that causes it, then the worker sends it.
-- status: queued → sent (accepted by the SMTP relay) → delivered / opened, or deferred
-- (4xx, retried), bounced (5xx or provider report), spam, failed (retries exhausted).
CREATE TABLE emails (
    id               INTEGER PRIMARY KEY,
    program_id       INTEGER REFERENCES programs(id) ON DELETE CASCADE,
    user_id          INTEGER REFERENCES users(id) ON DELETE SET NULL,
    template_key     TEXT,
    to_address       TEXT NOT NULL,
    to_name          TEXT NOT NULL,
    lang             TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body_text        TEXT NOT NULL,
    body_html        TEXT NOT NULL,
    tracking_token   TEXT NOT NULL UNIQUE,
    status           TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'opened', 'bounced', 'deferred', 'spam', 'failed')),
    status_at        TEXT NOT NULL,
    opened_at        TEXT,
    open_automatic   BOOLEAN NOT NULL DEFAULT FALSE,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    lease_until      TEXT,
    last_error       TEXT,
    created_at       TEXT NOT NULL,
    sent_at          TEXT
);
-- The worker's queue.
CREATE INDEX emails_due ON emails (next_attempt_at) WHERE status IN ('queued', 'deferred');
-- The e-mail log: newest first, per program, optionally per member or status.
CREATE INDEX emails_log ON emails (program_id, created_at DESC, id DESC);
CREATE INDEX emails_log_by_user ON emails (program_id, user_id, created_at DESC, id DESC);
CREATE INDEX emails_log_by_status ON emails (program_id, status, created_at DESC, id DESC);

-- Provider reports and opens, as received (the audit trail behind `emails.status`).
CREATE TABLE email_events (
    id          INTEGER PRIMARY KEY,
    email_id    INTEGER NOT NULL REFERENCES emails(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL
);
CREATE INDEX email_events_by_email ON email_events (email_id);

-- Member imports and bulk deactivations: the file is validated whole, then applied in one
-- transaction; this row carries the per-row errors or the progress and the outcome.
CREATE TABLE import_runs (
    id           INTEGER PRIMARY KEY,
    program_id   INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    admin_id     INTEGER REFERENCES users(id) ON DELETE SET NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('members', 'deactivate')),
    file_name    TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('invalid', 'running', 'done', 'failed')),
    total        INTEGER NOT NULL DEFAULT 0,
    processed    INTEGER NOT NULL DEFAULT 0,
    created      INTEGER NOT NULL DEFAULT 0,
    updated      INTEGER NOT NULL DEFAULT 0,
    errors       TEXT NOT NULL DEFAULT '[]',
    created_at   TEXT NOT NULL,
    finished_at  TEXT
);
CREATE INDEX import_runs_by_program ON import_runs (program_id, created_at);

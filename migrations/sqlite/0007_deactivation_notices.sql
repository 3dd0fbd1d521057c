-- "Your account has been deactivated. Please e-mail <contact>": the sign-in that found a
-- deactivated account hands the page a short-lived random notice; the page reads the
-- contact through it. A program's contact is never looked up by a bare program id, and a
-- crafted link cannot make the page name an address of the crafter's choosing.
CREATE TABLE deactivation_notices (
    token_hash  TEXT PRIMARY KEY,
    program_id  INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    expires_at  TEXT NOT NULL
);
CREATE INDEX deactivation_notices_by_expiry ON deactivation_notices (expires_at);

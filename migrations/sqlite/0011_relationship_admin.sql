-- The administrators' side of relationships: who looks after each one (the
-- "Relationship admin" column), and "End all relationships" as a durable run that
-- ends the program's current relationships in batches, each batch in one transaction
-- with its e-mails, so a restart resumes it and nobody is told twice.
ALTER TABLE relationships ADD COLUMN admin_id INTEGER REFERENCES users(id) ON DELETE SET NULL;
CREATE INDEX relationships_by_admin ON relationships (admin_id);

CREATE TABLE relationship_end_runs (
    id           INTEGER PRIMARY KEY,
    program_id   INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    admin_id     INTEGER REFERENCES users(id) ON DELETE SET NULL,
    reason       TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL CHECK (status IN ('running', 'done')),
    -- The relationships current when the run was asked for; those started later stay.
    total        INTEGER NOT NULL,
    processed    INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    finished_at  TEXT
);
CREATE UNIQUE INDEX relationship_end_runs_one_running ON relationship_end_runs (program_id)
    WHERE status = 'running';
CREATE INDEX relationship_end_runs_by_program ON relationship_end_runs (program_id, created_at);

-- The admin members table: each administrator's column choice (per program), and the
-- indexes its filters and sorts use.

-- Comma-separated column codes; '' = every column.
ALTER TABLE memberships ADD COLUMN members_columns TEXT NOT NULL DEFAULT '';
CREATE INDEX memberships_by_joined ON memberships (program_id, joined_at);
CREATE INDEX memberships_by_member_admin ON memberships (member_admin_id);
CREATE INDEX saved_member_filters_by_admin ON saved_member_filters (program_id, admin_id, used_at);

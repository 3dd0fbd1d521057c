-- The members table's "Mentoring hours" column and filter read each member's meetings
-- from the in-memory index: a meeting booked, moved or cancelled, or one logged by hand,
-- tells the index that both members of its relationship changed. (A meeting that ends
-- needs no write: the index keeps the meetings and counts those over at search time.)
CREATE FUNCTION note_meeting_changes() RETURNS trigger AS $$
DECLARE programs BIGINT[]; users BIGINT[];
BEGIN
    SELECT array_agg(r.program_id), array_agg(p.user_id) INTO programs, users
    FROM (SELECT DISTINCT relationship_id FROM changed_rows) AS c
    JOIN relationships r ON r.id = c.relationship_id
    CROSS JOIN LATERAL (VALUES (r.mentor_id), (r.mentee_id)) AS p(user_id);
    PERFORM note_members_changed(programs, users);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER meetings_note_insert AFTER INSERT ON meetings
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_meeting_changes();
CREATE TRIGGER meetings_note_update AFTER UPDATE ON meetings
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_meeting_changes();
CREATE TRIGGER meetings_note_delete AFTER DELETE ON meetings
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_meeting_changes();
CREATE TRIGGER logged_meetings_note_insert AFTER INSERT ON logged_meetings
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_meeting_changes();
CREATE TRIGGER logged_meetings_note_update AFTER UPDATE ON logged_meetings
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_meeting_changes();
CREATE TRIGGER logged_meetings_note_delete AFTER DELETE ON logged_meetings
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_meeting_changes();

-- The members table's "Mentoring hours" column and filter read each member's meetings
-- from the in-memory index: a meeting booked, moved or cancelled, or one logged by hand,
-- tells the index that both members of its relationship changed. (A meeting that ends
-- needs no write: the index keeps the meetings and counts those over at search time.)
CREATE TRIGGER meetings_note_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO member_change_notes
        SELECT r.program_id, r.mentor_id FROM relationships r WHERE r.id = NEW.relationship_id
        UNION ALL SELECT r.program_id, r.mentee_id FROM relationships r WHERE r.id = NEW.relationship_id;
END;

CREATE TRIGGER meetings_note_update AFTER UPDATE ON meetings BEGIN
    INSERT INTO member_change_notes
        SELECT r.program_id, r.mentor_id FROM relationships r WHERE r.id IN (OLD.relationship_id, NEW.relationship_id)
        UNION ALL SELECT r.program_id, r.mentee_id FROM relationships r WHERE r.id IN (OLD.relationship_id, NEW.relationship_id);
END;

CREATE TRIGGER meetings_note_delete AFTER DELETE ON meetings BEGIN
    INSERT INTO member_change_notes
        SELECT r.program_id, r.mentor_id FROM relationships r WHERE r.id = OLD.relationship_id
        UNION ALL SELECT r.program_id, r.mentee_id FROM relationships r WHERE r.id = OLD.relationship_id;
END;

CREATE TRIGGER logged_meetings_note_insert AFTER INSERT ON logged_meetings BEGIN
    INSERT INTO member_change_notes
        SELECT r.program_id, r.mentor_id FROM relationships r WHERE r.id = NEW.relationship_id
        UNION ALL SELECT r.program_id, r.mentee_id FROM relationships r WHERE r.id = NEW.relationship_id;
END;

CREATE TRIGGER logged_meetings_note_update AFTER UPDATE ON logged_meetings BEGIN
    INSERT INTO member_change_notes
        SELECT r.program_id, r.mentor_id FROM relationships r WHERE r.id IN (OLD.relationship_id, NEW.relationship_id)
        UNION ALL SELECT r.program_id, r.mentee_id FROM relationships r WHERE r.id IN (OLD.relationship_id, NEW.relationship_id);
END;

CREATE TRIGGER logged_meetings_note_delete AFTER DELETE ON logged_meetings BEGIN
    INSERT INTO member_change_notes
        SELECT r.program_id, r.mentor_id FROM relationships r WHERE r.id = OLD.relationship_id
        UNION ALL SELECT r.program_id, r.mentee_id FROM relationships r WHERE r.id = OLD.relationship_id;
END;

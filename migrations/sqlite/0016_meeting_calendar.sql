-- Meetings as calendars know them. An occurrence keeps the series it was booked in and
-- the start that series' rule gave it (its iCalendar UID and RECURRENCE-ID), even after
-- it moves to a series of its own; so every update and cancellation names the event the
-- invitation created. An e-mail can carry a calendar object and its iTIP method.
-- Both are set with every occurrence written (the columns cannot be NOT NULL without a
-- default on SQLite, and an instant has no neutral default).
ALTER TABLE meetings ADD COLUMN calendar_series_id INTEGER REFERENCES meeting_series(id) ON DELETE CASCADE;
ALTER TABLE meetings ADD COLUMN calendar_start_at TEXT;
UPDATE meetings SET calendar_series_id = series_id, calendar_start_at = original_start_at;
CREATE INDEX meetings_by_calendar_series ON meetings (calendar_series_id, calendar_start_at);

ALTER TABLE emails ADD COLUMN calendar_method TEXT;
ALTER TABLE emails ADD COLUMN calendar_ics TEXT;

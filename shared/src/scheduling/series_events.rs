//! A booked series as calendars know it: one event with the series' rule (the UID the
//! invitation created), and one event per occurrence that no longer follows the rule
//! (moved, answered differently, cancelled), named by the start the rule gave it
//! (RECURRENCE-ID). The same events serve every e-mail about the series and the member's
//! feed, so a calendar that read one understands the next.
use super::ics::{Event, Person};
use super::interval::Span;
use super::model::{Answer, OccurrenceState};
use super::recurrence::Rule;
use super::wall_clock::local;
use crate::zone::Zone;
use chrono::{DateTime, NaiveDateTime, Utc};

/// The series an invitation created, as first booked.
#[derive(Clone, Debug)]
pub struct CalendarSeries {
    pub uid: String,
    pub sequence: u32,
    /// The zone it was booked in: every time of its events is on this clock.
    pub zone: Zone,
    /// The rule's first start, on that clock.
    pub first: NaiveDateTime,
    pub minutes: u32,
    pub rule: Rule,
    pub organizer: Person,
    pub summary: String,
    pub description: String,
    pub location: String,
}

/// One occurrence as it stands.
#[derive(Clone, Debug)]
pub struct CalendarOccurrence {
    pub id: i64,
    /// Where the series' rule put it (its RECURRENCE-ID).
    pub rule_start: DateTime<Utc>,
    pub span: Span,
    pub state: OccurrenceState,
    pub attendees: Vec<(Person, Answer)>,
}

/// How a description of the whole series shows a cancelled occurrence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CancelledShown {
    /// Left out of the rule (EXDATE): an iTIP REQUEST restating the series.
    Excluded,
    /// An event of its own with STATUS:CANCELLED: a feed, which keeps what was cancelled.
    Marked,
}

impl CalendarSeries {
    fn wall(&self, at: DateTime<Utc>) -> NaiveDateTime {
        local(&self.zone, at)
    }

    fn event(&self, start: NaiveDateTime, minutes: u32) -> Event {
        Event {
            uid: self.uid.clone(),
            sequence: self.sequence,
            start,
            minutes,
            rule: None,
            recurrence_id: None,
            exdates: Vec::new(),
            cancelled: false,
            organizer: self.organizer.clone(),
            attendees: Vec::new(),
            summary: self.summary.clone(),
            description: self.description.clone(),
            location: self.location.clone(),
        }
    }

    /// One occurrence on its own: where it is now, named by where the rule put it.
    fn occurrence_event(&self, o: &CalendarOccurrence, cancelled: bool) -> Event {
        let mut e = self.event(self.wall(o.span.start), o.span.minutes());
        e.recurrence_id = Some(self.wall(o.rule_start));
        e.cancelled = cancelled;
        e.attendees = o.attendees.clone();
        e
    }

    /// The whole series as it stands (`occurrences` are all of its occurrences): a meeting
    /// on its own is one event where it is now; a series is its rule, with what was left
    /// out as EXDATE and each occurrence that differs from the rule as an event of its own.
    pub fn current(&self, occurrences: &[CalendarOccurrence], shown: CancelledShown) -> Vec<Event> {
        if !self.rule.is_series() {
            return occurrences
                .first()
                .map(|o| {
                    let mut e = self.event(self.wall(o.span.start), o.span.minutes());
                    e.cancelled = o.state != OccurrenceState::Scheduled;
                    e.attendees = o.attendees.clone();
                    e
                })
                .into_iter()
                .collect();
        }
        let mut master = self.event(self.first, self.minutes);
        master.rule = Some(self.rule);
        // The answers most occurrences have: the first that takes place speaks for them.
        master.attendees = occurrences
            .iter()
            .find(|o| o.state == OccurrenceState::Scheduled)
            .or(occurrences.first())
            .map(|o| o.attendees.clone())
            .unwrap_or_default();
        let mut own = Vec::new();
        for o in occurrences {
            let rule_start = self.wall(o.rule_start);
            match (o.state, shown) {
                (OccurrenceState::Excluded, _)
                | (OccurrenceState::Cancelled, CancelledShown::Excluded) => {
                    master.exdates.push(rule_start)
                }
                (OccurrenceState::Cancelled, CancelledShown::Marked) => {
                    own.push(self.occurrence_event(o, true))
                }
                (OccurrenceState::Scheduled, _) => {
                    let follows_rule = o.span.start == o.rule_start
                        && o.span.minutes() == self.minutes
                        && o.attendees == master.attendees;
                    if !follows_rule {
                        own.push(self.occurrence_event(o, false));
                    }
                }
            }
        }
        let mut events = vec![master];
        events.extend(own);
        events
    }

    /// What an iTIP CANCEL says when `cancelled` (ids) were just cancelled: the whole
    /// event when none of the series takes place any more, otherwise each of them by its
    /// RECURRENCE-ID.
    pub fn cancellation(
        &self,
        occurrences: &[CalendarOccurrence],
        cancelled: &[i64],
    ) -> Vec<Event> {
        let nothing_left = occurrences
            .iter()
            .all(|o| o.state != OccurrenceState::Scheduled);
        if !self.rule.is_series() || nothing_left {
            let mut events = self.current(occurrences, CancelledShown::Excluded);
            for e in &mut events {
                e.cancelled = true;
                e.exdates.clear();
            }
            events.truncate(1);
            return events;
        }
        occurrences
            .iter()
            .filter(|o| cancelled.contains(&o.id))
            .map(|o| self.occurrence_event(o, true))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scheduling::model::Frequency;
    use crate::scheduling::recurrence::SeriesEnd;
    use crate::scheduling::wall_clock::resolve;
    use chrono::{Duration, NaiveDate, TimeZone};

    fn toronto() -> Zone {
        Zone::parse("America/Toronto").unwrap()
    }

    fn at(d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 10, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    fn raj() -> Person {
        Person::new("Raj", "raj@example.test")
    }

    fn ana() -> Person {
        Person::new("Ana", "ana@example.test")
    }

    /// Four Tuesdays at 10:00 in Toronto from 20 October 2026 (DST ends on 1 November).
    fn series() -> (CalendarSeries, Vec<CalendarOccurrence>) {
        let s = CalendarSeries {
            uid: "series-1@mentora.test".into(),
            sequence: 2,
            zone: toronto(),
            first: at(20, 10),
            minutes: 30,
            rule: Rule {
                frequency: Frequency::Weekly,
                end: SeriesEnd::Count(4),
            },
            organizer: raj(),
            summary: "Mentoring meeting".into(),
            description: String::new(),
            location: "Room 2".into(),
        };
        let occurrences = (0..4)
            .map(|k| {
                let start = resolve(&toronto(), at(20, 10) + Duration::weeks(k));
                CalendarOccurrence {
                    id: k + 1,
                    rule_start: start,
                    span: Span::new(start, start + Duration::minutes(30)),
                    state: OccurrenceState::Scheduled,
                    attendees: vec![(raj(), Answer::Accepted), (ana(), Answer::Pending)],
                }
            })
            .collect();
        (s, occurrences)
    }

    #[test]
    fn a_series_that_follows_its_rule_is_one_event() {
        let (s, o) = series();
        let events = s.current(&o, CancelledShown::Excluded);
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].rule, Some(s.rule));
        assert_eq!(events[0].start, at(20, 10));
        assert_eq!(events[0].sequence, 2);
        assert!(events[0].exdates.is_empty() && events[0].recurrence_id.is_none());
    }

    #[test]
    fn a_moved_occurrence_keeps_the_start_the_rule_gave_it_across_dst() {
        let (s, mut o) = series();
        // The third Tuesday (3 November, after the change) moves to Wednesday 9:00.
        let new = Utc.with_ymd_and_hms(2026, 11, 4, 14, 0, 0).unwrap();
        o[2].span = Span::new(new, new + Duration::minutes(45));
        let events = s.current(&o, CancelledShown::Excluded);
        assert_eq!(events.len(), 2);
        let moved = &events[1];
        let nov = |d, h| {
            NaiveDate::from_ymd_opt(2026, 11, d)
                .unwrap()
                .and_hms_opt(h, 0, 0)
                .unwrap()
        };
        assert_eq!(moved.recurrence_id, Some(nov(3, 10)));
        assert_eq!(moved.start, nov(4, 9));
        assert_eq!(moved.minutes, 45);
        assert_eq!((moved.uid.as_str(), moved.rule), (s.uid.as_str(), None));
    }

    #[test]
    fn cancelled_occurrences_are_left_out_of_a_request_and_kept_in_a_feed() {
        let (s, mut o) = series();
        o[1].state = OccurrenceState::Cancelled;
        o[3].state = OccurrenceState::Excluded;
        let request = s.current(&o, CancelledShown::Excluded);
        assert_eq!(request.len(), 1);
        assert_eq!(
            request[0].exdates,
            vec![at(27, 10), at(20, 10) + Duration::weeks(3)]
        );
        let feed = s.current(&o, CancelledShown::Marked);
        assert_eq!(feed.len(), 2);
        assert_eq!(feed[0].exdates, vec![at(20, 10) + Duration::weeks(3)]);
        assert!(feed[1].cancelled && feed[1].recurrence_id == Some(at(27, 10)));
    }

    #[test]
    fn an_occurrence_answered_differently_is_its_own_event() {
        let (s, mut o) = series();
        o[3].attendees[1].1 = Answer::Declined;
        let events = s.current(&o, CancelledShown::Excluded);
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].attendees[1].1, Answer::Pending);
        assert_eq!(events[1].attendees[1].1, Answer::Declined);
        assert_eq!(events[1].start, events[1].recurrence_id.unwrap());
    }

    #[test]
    fn a_cancellation_names_the_occurrences_or_the_whole_series() {
        let (s, mut o) = series();
        o[1].state = OccurrenceState::Cancelled;
        let one = s.cancellation(&o, &[2]);
        assert_eq!(one.len(), 1);
        assert!(one[0].cancelled && one[0].recurrence_id == Some(at(27, 10)));
        for occurrence in &mut o {
            occurrence.state = OccurrenceState::Cancelled;
        }
        let all = s.cancellation(&o, &[1, 2, 3, 4]);
        assert_eq!(all.len(), 1);
        assert!(all[0].cancelled && all[0].recurrence_id.is_none());
        assert_eq!(all[0].rule, Some(s.rule));
    }

    #[test]
    fn a_meeting_on_its_own_is_where_it_is_now() {
        let (mut s, o) = series();
        s.rule = Rule::ONCE;
        let mut only = vec![o[0].clone()];
        let new = Utc.with_ymd_and_hms(2026, 10, 21, 13, 0, 0).unwrap();
        only[0].span = Span::new(new, new + Duration::minutes(30));
        let events = s.current(&only, CancelledShown::Excluded);
        assert_eq!(events.len(), 1);
        assert_eq!(
            (events[0].start, events[0].recurrence_id),
            (at(21, 9), None)
        );
        only[0].state = OccurrenceState::Cancelled;
        let cancel = s.cancellation(&only, &[1]);
        assert!(cancel[0].cancelled && cancel[0].rule.is_none());
    }
}

//! A member's available time as instants: their weekly windows and dated exceptions, on
//! the wall clock of their zone (the one they have now: a member who moves keeps their
//! 10:00–18:00, which then falls at other instants).
use super::interval::{Span, SpanSet};
use super::model::{Exception, Window};
use super::wall_clock::{local_date, local_spans};
use crate::zone::Zone;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Availability {
    pub zone: Zone,
    pub windows: Vec<Window>,
    pub exceptions: Vec<Exception>,
}

impl Availability {
    /// The member's available time that touches `[from, to)` (whole local days of it).
    pub fn spans(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> SpanSet {
        let mut spans = Vec::new();
        let mut date = local_date(&self.zone, from);
        let last = local_date(&self.zone, to);
        while date <= last {
            for (start, end) in self.day_windows(date) {
                spans.extend(local_spans(&self.zone, date, start, end));
            }
            date += Duration::days(1);
        }
        SpanSet::from_spans(spans)
    }

    /// The member's windows on a date, on their clock (minutes after midnight): the
    /// weekday's unless they are away, then that date's extra hours.
    pub fn day_windows(&self, date: NaiveDate) -> Vec<(u16, u16)> {
        let away = self.exceptions.iter().any(
            |e| matches!(e, Exception::Away { first, last } if *first <= date && date <= *last),
        );
        let weekday = date.weekday().num_days_from_monday() as u8;
        let weekly = self
            .windows
            .iter()
            .filter(|w| !away && w.weekday == weekday)
            .map(|w| (w.start, w.end));
        let extra = self.exceptions.iter().filter_map(|e| match e {
            Exception::Extra {
                date: on,
                start,
                end,
            } if *on == date => Some((*start, *end)),
            _ => None,
        });
        let mut windows: Vec<(u16, u16)> = weekly.chain(extra).collect();
        windows.sort_unstable();
        windows
    }
}

/// Whether `span` fits in every member's available time.
pub fn all_available(available: &[SpanSet], span: &Span) -> bool {
    available.iter().all(|a| a.covers(span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn utc(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, d, h, m, 0).unwrap()
    }

    fn wednesday_10_to_20(zone: &str) -> Availability {
        Availability {
            zone: Zone::parse(zone).unwrap(),
            windows: vec![Window {
                weekday: 2,
                start: 600,
                end: 1200,
            }],
            exceptions: vec![],
        }
    }

    #[test]
    fn weekly_windows_fall_on_their_weekday_in_the_owners_zone() {
        // Wednesday 9 December 2026, 10:00–20:00 in Edmonton (UTC−7).
        let a = wednesday_10_to_20("America/Edmonton");
        let set = a.spans(utc(7, 0, 0), utc(14, 0, 0));
        assert_eq!(set.spans(), &[Span::new(utc(9, 17, 0), utc(10, 3, 0))]);
    }

    #[test]
    fn away_days_remove_windows_and_extra_hours_add_them() {
        let mut a = wednesday_10_to_20("America/Toronto");
        a.exceptions = vec![
            Exception::Away {
                first: day(9),
                last: day(9),
            },
            Exception::Extra {
                date: day(12),
                start: 540,
                end: 600,
            },
        ];
        let set = a.spans(utc(7, 0, 0), utc(17, 0, 0));
        assert_eq!(
            set.spans(),
            &[
                Span::new(utc(12, 14, 0), utc(12, 15, 0)),
                Span::new(utc(16, 15, 0), utc(17, 1, 0)),
            ]
        );
        // The calendar shows the same on the member's clock.
        assert_eq!(a.day_windows(day(9)), Vec::<(u16, u16)>::new());
        assert_eq!(a.day_windows(day(12)), vec![(540, 600)]);
        assert_eq!(a.day_windows(day(16)), vec![(600, 1200)]);
    }

    #[test]
    fn a_member_who_changes_zone_keeps_their_wall_clock_hours() {
        let mut a = wednesday_10_to_20("America/Toronto");
        let before = a.spans(utc(9, 0, 0), utc(10, 0, 0));
        a.zone = Zone::parse("Europe/Paris").unwrap();
        let after = a.spans(utc(9, 0, 0), utc(10, 0, 0));
        assert_eq!(before.spans()[0].start, utc(9, 15, 0));
        assert_eq!(after.spans()[0].start, utc(9, 9, 0));
    }

    #[test]
    fn windows_running_to_midnight_join_the_next_day() {
        let a = Availability {
            zone: Zone::parse("Asia/Kolkata").unwrap(),
            windows: vec![
                Window {
                    weekday: 2,
                    start: 1320,
                    end: 1440,
                },
                Window {
                    weekday: 3,
                    start: 0,
                    end: 60,
                },
            ],
            exceptions: vec![],
        };
        let set = a.spans(utc(8, 0, 0), utc(11, 0, 0));
        // 22:00 Wednesday to 01:00 Thursday, Kolkata (UTC+5:30), in one piece.
        assert_eq!(set.spans(), &[Span::new(utc(9, 16, 30), utc(9, 19, 30))]);
        assert!(all_available(
            &[set],
            &Span::new(utc(9, 18, 0), utc(9, 19, 0))
        ));
    }
}

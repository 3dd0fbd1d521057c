//! The slot picker's offer: the times on the organiser's clock at which a meeting (or
//! every occurrence of a series) fits in both members' availability and touches none of
//! their busy time. The server computes it, and computes it again when the request is
//! sent, inside the transaction that books it.
use super::availability::{all_available, Availability};
use super::interval::{Span, SpanSet};
use super::model::DayOffer;
use super::model::SlotOffer;
use super::recurrence::{local_starts, occurrences, Occurrence, Rule};
use super::wall_clock::clock_ticks;
use crate::error::AppError;
use crate::zone::Zone;
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};

/// What the picker looks for.
pub struct SlotSearch<'a> {
    /// The organiser's zone: slots are on their clock, and a series repeats on it.
    pub zone: &'a Zone,
    /// The local days to offer, inclusive.
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub minutes: u32,
    pub rule: Rule,
    /// Nothing starts before this (now).
    pub not_before: DateTime<Utc>,
    pub members: &'a [Availability],
    /// Only these occurrences of the rule take place, by position (the first is 0): the
    /// rest of a series being moved, whose cancelled occurrences and those moved on their
    /// own stay behind. `None`: every occurrence.
    pub positions: Option<&'a [usize]>,
}

/// A first time's occurrences, and those that collide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub occurrences: Vec<Occurrence>,
    /// Indexes into `occurrences` of those that do not fit.
    pub conflicts: Vec<usize>,
}

impl SlotSearch<'_> {
    /// The time the search may touch, from the first day to the end of the last
    /// occurrence of a series starting late on the last day: the busy time to read.
    pub fn horizon(&self) -> Result<Span, AppError> {
        let start = self.zone.start_of_day(self.first_day);
        let late = self.last_day.and_hms_opt(23, 59, 0).expect("23:59 exists");
        let last = *local_starts(late, &self.rule)?
            .last()
            .expect("one start at least");
        let end = super::wall_clock::resolve(self.zone, last)
            + Duration::minutes(self.minutes.into())
            + Duration::days(1);
        Ok(Span::new(start.max(self.not_before), end))
    }

    /// Each member's available time over the horizon.
    pub fn available(&self, horizon: &Span) -> Vec<SpanSet> {
        self.members
            .iter()
            .map(|m| m.spans(horizon.start, horizon.end))
            .collect()
    }

    /// The occurrences of a series (or one meeting) starting at `first` on the
    /// organiser's clock, with those that collide; the first must fit, else none.
    pub fn check(
        &self,
        first: NaiveDateTime,
        available: &[SpanSet],
        busy: &SpanSet,
    ) -> Result<Option<Checked>, AppError> {
        let mut occurrences = occurrences(self.zone, first, self.minutes, &self.rule)?;
        if let Some(keep) = self.positions {
            occurrences = keep
                .iter()
                .filter_map(|&i| occurrences.get(i).copied())
                .collect();
        }
        if occurrences.is_empty() {
            return Ok(None);
        }
        let fits = |span: &Span| {
            span.start >= self.not_before && all_available(available, span) && !busy.overlaps(span)
        };
        if !fits(&occurrences[0].span) {
            return Ok(None);
        }
        let conflicts = (1..occurrences.len())
            .filter(|&i| !fits(&occurrences[i].span))
            .collect();
        Ok(Some(Checked {
            occurrences,
            conflicts,
        }))
    }

    /// The offer: every day of the range with the times that fit, on the organiser's
    /// clock in steps of `slot_step`, each with the dates of the occurrences that would
    /// collide.
    pub fn offer(&self, busy: &SpanSet) -> Result<Vec<DayOffer>, AppError> {
        let horizon = self.horizon()?;
        let available = self.available(&horizon);
        let step = super::model::slot_step(self.minutes);
        let mut days = Vec::new();
        let mut date = self.first_day;
        while date <= self.last_day {
            let mut slots = Vec::new();
            for (minute, _) in clock_ticks(self.zone, date, step) {
                let first =
                    date.and_time(chrono::NaiveTime::MIN) + Duration::minutes(minute.into());
                if let Some(checked) = self.check(first, &available, busy)? {
                    slots.push(SlotOffer {
                        minute,
                        conflicts: checked
                            .conflicts
                            .iter()
                            .map(|&i| checked.occurrences[i].local.date())
                            .collect(),
                    });
                }
            }
            days.push(DayOffer { date, slots });
            date += Duration::days(1);
        }
        Ok(days)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scheduling::model::{Frequency, Window};
    use crate::scheduling::recurrence::SeriesEnd;
    use chrono::{Datelike, TimeZone};

    fn zone(name: &str) -> Zone {
        Zone::parse(name).unwrap()
    }

    fn every_day(zone_name: &str, start: u16, end: u16) -> Availability {
        Availability {
            zone: zone(zone_name),
            windows: (0..7)
                .map(|weekday| Window {
                    weekday,
                    start,
                    end,
                })
                .collect(),
            exceptions: vec![],
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn search<'a>(
        z: &'a Zone,
        d: NaiveDate,
        minutes: u32,
        rule: Rule,
        members: &'a [Availability],
    ) -> SlotSearch<'a> {
        SlotSearch {
            zone: z,
            first_day: d,
            last_day: d,
            minutes,
            rule,
            not_before: Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap(),
            members,
            positions: None,
        }
    }

    fn minutes_offered(offer: &[DayOffer]) -> Vec<u16> {
        offer[0].slots.iter().map(|s| s.minute).collect()
    }

    #[test]
    fn slots_are_where_both_members_are_free_on_the_viewers_clock() {
        // Mentor in Toronto free 10:00–12:00; mentee in Paris free 16:30–19:00 (10:30–13:00
        // Toronto); the mentee books on Paris time.
        let members = [
            every_day("America/Toronto", 600, 720),
            every_day("Europe/Paris", 990, 1140),
        ];
        let paris = zone("Europe/Paris");
        let s = search(&paris, day(2026, 12, 9), 30, Rule::ONCE, &members);
        let offer = s.offer(&SpanSet::default()).unwrap();
        assert_eq!(
            minutes_offered(&offer),
            vec![990, 1020, 1050],
            "16:30, 17:00, 17:30 Paris"
        );
        // One of the mentor's meetings at 17:00–17:30 Paris takes that slot and the 30
        // minutes either side of it only where they overlap.
        let busy = SpanSet::from_spans(vec![Span::new(
            Utc.with_ymd_and_hms(2026, 12, 9, 16, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(2026, 12, 9, 16, 30, 0).unwrap(),
        )]);
        assert_eq!(minutes_offered(&s.offer(&busy).unwrap()), vec![990, 1050]);
        // Nothing before `not_before`.
        let late = SlotSearch {
            not_before: Utc.with_ymd_and_hms(2026, 12, 9, 16, 15, 0).unwrap(),
            ..s
        };
        assert_eq!(
            minutes_offered(&late.offer(&SpanSet::default()).unwrap()),
            vec![1050]
        );
    }

    #[test]
    fn the_skipped_hour_offers_nothing_and_the_repeated_hour_once() {
        let members = [every_day("America/Toronto", 0, 1440)];
        let toronto = zone("America/Toronto");
        let spring = search(&toronto, day(2026, 3, 8), 30, Rule::ONCE, &members);
        let offered = minutes_offered(&spring.offer(&SpanSet::default()).unwrap());
        assert!(!offered.contains(&120) && !offered.contains(&150));
        assert_eq!(offered.len(), 46);
        let autumn = search(&toronto, day(2026, 11, 1), 30, Rule::ONCE, &members);
        let offered = minutes_offered(&autumn.offer(&SpanSet::default()).unwrap());
        assert_eq!(offered.len(), 48);
        assert_eq!(offered.iter().filter(|m| **m == 90).count(), 1);
    }

    #[test]
    fn half_hour_zones_offer_their_own_half_hours() {
        // St John's member free 09:00–10:00 their time; a Kolkata viewer sees 18:00 and 18:30.
        let members = [
            every_day("America/St_Johns", 540, 600),
            every_day("Asia/Kolkata", 0, 1440),
        ];
        let kolkata = zone("Asia/Kolkata");
        let s = search(&kolkata, day(2026, 12, 9), 30, Rule::ONCE, &members);
        assert_eq!(
            minutes_offered(&s.offer(&SpanSet::default()).unwrap()),
            vec![1080, 1110]
        );
    }

    #[test]
    fn a_series_names_the_dates_that_collide() {
        let members = [
            every_day("America/Toronto", 600, 720),
            every_day("America/Toronto", 600, 720),
        ];
        let toronto = zone("America/Toronto");
        let weekly = Rule {
            frequency: Frequency::Weekly,
            end: SeriesEnd::Count(4),
        };
        // The second Wednesday is taken at 10:00.
        let busy = SpanSet::from_spans(vec![Span::new(
            Utc.with_ymd_and_hms(2026, 12, 16, 15, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(2026, 12, 16, 15, 30, 0).unwrap(),
        )]);
        let s = search(&toronto, day(2026, 12, 9), 30, weekly, &members);
        let offer = s.offer(&busy).unwrap();
        let ten = offer[0].slots.iter().find(|s| s.minute == 600).unwrap();
        assert_eq!(ten.conflicts, vec![day(2026, 12, 16)]);
        let half_past = offer[0].slots.iter().find(|s| s.minute == 630).unwrap();
        assert!(half_past.conflicts.is_empty());
        // Moving the rest of a series whose second occurrence stays behind: its date no
        // longer counts, the others' do.
        let kept = [0, 2, 3];
        let rest = SlotSearch {
            positions: Some(&kept),
            ..search(&toronto, day(2026, 12, 9), 30, weekly, &members)
        };
        let offer = rest.offer(&busy).unwrap();
        let ten = offer[0].slots.iter().find(|s| s.minute == 600).unwrap();
        assert!(ten.conflicts.is_empty());
        let taken_third = SpanSet::from_spans(vec![Span::new(
            Utc.with_ymd_and_hms(2026, 12, 23, 15, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(2026, 12, 23, 15, 30, 0).unwrap(),
        )]);
        let offer = rest.offer(&taken_third).unwrap();
        let ten = offer[0].slots.iter().find(|s| s.minute == 600).unwrap();
        assert_eq!(ten.conflicts, vec![day(2026, 12, 23)]);
        let checked = rest
            .check(
                day(2026, 12, 9).and_hms_opt(10, 0, 0).unwrap(),
                &rest.available(&rest.horizon().unwrap()),
                &taken_third,
            )
            .unwrap()
            .unwrap();
        let dates: Vec<u32> = checked.occurrences.iter().map(|o| o.local.day()).collect();
        assert_eq!((dates, checked.conflicts), (vec![9, 23, 30], vec![1]));
        // The horizon reaches the last occurrence of a series starting on the last day.
        let horizon = s.horizon().unwrap();
        assert!(horizon.end > Utc.with_ymd_and_hms(2026, 12, 31, 0, 0, 0).unwrap());
    }

    #[test]
    fn a_series_across_dst_is_checked_at_each_occurrences_own_instant() {
        // Mentor in Paris free 15:00–17:00 Paris every day. A Toronto mentee books
        // 10:00 Toronto weekly from 20 October 2026: 16:00 Paris, then 15:00 (Paris has
        // changed, Toronto not yet), then 16:00 again: all fit. At 11:00 Toronto the
        // second one (16:00 Paris) fits but the others (17:00 Paris) do not.
        let members = [
            every_day("Europe/Paris", 900, 1020),
            every_day("America/Toronto", 0, 1440),
        ];
        let toronto = zone("America/Toronto");
        let weekly = Rule {
            frequency: Frequency::Weekly,
            end: SeriesEnd::Count(3),
        };
        let s = search(&toronto, day(2026, 10, 20), 60, weekly, &members);
        let offer = s.offer(&SpanSet::default()).unwrap();
        let at = |m: u16| offer[0].slots.iter().find(|s| s.minute == m).cloned();
        assert_eq!(at(600).unwrap().conflicts, vec![]);
        assert_eq!(
            at(540).unwrap().conflicts,
            vec![day(2026, 10, 27)],
            "09:00 Toronto is 14:00 Paris on the 27th"
        );
        assert!(
            at(660).is_none(),
            "11:00 Toronto is 17:00 Paris on the 20th: the first does not fit"
        );
    }
}

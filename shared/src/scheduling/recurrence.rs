//! The occurrences of a series: its rule is kept with the zone it was made in, and each
//! occurrence is the same wall-clock time in that zone (a weekly 10:00 in Toronto stays at
//! 10:00 in Toronto through DST). Expanded here with chrono-tz rather than the rrule crate:
//! the product needs FREQ with COUNT or UNTIL only, and rrule 0.14 has open DST bugs
//! (fmeringdal/rust-rrule #109, #115) where our tests must decide.
use super::interval::Span;
use super::model::{Frequency, MAX_OCCURRENCES, MIN_OCCURRENCES};
use super::wall_clock::resolve;
use crate::error::{AppError, ValidationCode};
use crate::zone::Zone;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// Where a series stops: after a number of occurrences, or on a date (in the series'
/// zone, inclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SeriesEnd {
    Count(u32),
    Until(#[serde(with = "crate::iso_date::serde_date")] NaiveDate),
}

/// How a meeting repeats; `Frequency::Once` ignores `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub frequency: Frequency,
    pub end: SeriesEnd,
}

impl Rule {
    pub const ONCE: Rule = Rule {
        frequency: Frequency::Once,
        end: SeriesEnd::Count(1),
    };

    pub fn is_series(&self) -> bool {
        self.frequency != Frequency::Once
    }
}

/// The `k`-th date of the rule after `first`, if that date exists (the 31st of a short
/// month and 29 February of a common year do not, and are skipped as RFC 5545 does).
fn nth_date(first: NaiveDate, frequency: Frequency, k: u32) -> Option<NaiveDate> {
    match frequency {
        Frequency::Once => (k == 0).then_some(first),
        Frequency::Daily => first.checked_add_signed(Duration::days(k.into())),
        Frequency::Weekly => first.checked_add_signed(Duration::weeks(k.into())),
        Frequency::Monthly => {
            let months = first.month0() + k;
            let year = first.year() + (months / 12) as i32;
            NaiveDate::from_ymd_opt(year, months % 12 + 1, first.day())
        }
        Frequency::Yearly => {
            NaiveDate::from_ymd_opt(first.year() + k as i32, first.month(), first.day())
        }
    }
}

/// The wall-clock starts of the series, first included. A count outside 2–52, an end date
/// before the start or one giving more than 52 occurrences is refused (field
/// "occurrences" or "until").
pub fn local_starts(first: NaiveDateTime, rule: &Rule) -> Result<Vec<NaiveDateTime>, AppError> {
    if !rule.is_series() {
        return Ok(vec![first]);
    }
    let (field, wanted, until) = match rule.end {
        SeriesEnd::Count(n) => ("occurrences", Some(n), None),
        SeriesEnd::Until(date) => ("until", None, Some(date)),
    };
    let refuse = || AppError::validation(field, ValidationCode::OccurrencesOutOfRange);
    if wanted.is_some_and(|n| !(MIN_OCCURRENCES..=MAX_OCCURRENCES).contains(&n)) {
        return Err(refuse());
    }
    let mut starts = Vec::new();
    // Skipped dates never outnumber kept ones by more than 8 to 1 (29 February).
    for k in 0..MAX_OCCURRENCES * 9 {
        if wanted.is_some_and(|n| starts.len() as u32 == n) {
            break;
        }
        let Some(date) = nth_date(first.date(), rule.frequency, k) else {
            continue;
        };
        if until.is_some_and(|last| date > last) {
            break;
        }
        if starts.len() as u32 == MAX_OCCURRENCES {
            return Err(refuse());
        }
        starts.push(date.and_time(first.time()));
    }
    if (starts.len() as u32) < MIN_OCCURRENCES {
        return Err(refuse());
    }
    Ok(starts)
}

/// One occurrence: its position in the series and its time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub local: NaiveDateTime,
    pub span: Span,
}

/// The occurrences of a series starting at `first` on the wall clock of `zone`, each
/// lasting `minutes` of real time.
pub fn occurrences(
    zone: &Zone,
    first: NaiveDateTime,
    minutes: u32,
    rule: &Rule,
) -> Result<Vec<Occurrence>, AppError> {
    Ok(local_starts(first, rule)?
        .into_iter()
        .map(|local| {
            let start = resolve(zone, local);
            Occurrence {
                local,
                span: Span::new(start, start + Duration::minutes(minutes.into())),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};

    fn zone(name: &str) -> Zone {
        Zone::parse(name).unwrap()
    }

    fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    fn rule(frequency: Frequency, end: SeriesEnd) -> Rule {
        Rule { frequency, end }
    }

    fn starts_utc(z: &str, first: NaiveDateTime, r: Rule) -> Vec<DateTime<Utc>> {
        occurrences(&zone(z), first, 30, &r)
            .unwrap()
            .into_iter()
            .map(|o| o.span.start)
            .collect()
    }

    fn code_of(err: AppError) -> (String, ValidationCode) {
        match err {
            AppError::Validation { field, code } => (field, code),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_weekly_toronto_meeting_keeps_its_local_time_across_dst() {
        // 10:00 Toronto every Tuesday from 20 October 2026, across 1 November.
        let first = local(2026, 10, 20, 10, 0);
        let starts = starts_utc(
            "America/Toronto",
            first,
            rule(Frequency::Weekly, SeriesEnd::Count(4)),
        );
        let hours: Vec<u32> = starts.iter().map(chrono::Timelike::hour).collect();
        assert_eq!(hours, vec![14, 14, 15, 15], "EDT then EST");
        // Seen from Paris (which changed on 25 October): 16:00, 15:00, 16:00, 16:00.
        let paris = zone("Europe/Paris");
        let in_paris: Vec<u32> = starts
            .iter()
            .map(|t| chrono::Timelike::hour(&t.with_timezone(&paris.tz())))
            .collect();
        assert_eq!(in_paris, vec![16, 15, 16, 16]);
    }

    #[test]
    fn an_occurrence_in_the_gap_moves_forward_and_one_in_the_repeat_takes_the_first() {
        // Daily 02:30 in Toronto over 8 March 2026 (02:00 → 03:00).
        let starts = starts_utc(
            "America/Toronto",
            local(2026, 3, 7, 2, 30),
            rule(Frequency::Daily, SeriesEnd::Count(3)),
        );
        let text: Vec<String> = starts.iter().map(|t| t.to_rfc3339()).collect();
        assert_eq!(
            text,
            vec![
                "2026-03-07T07:30:00+00:00",
                "2026-03-08T07:30:00+00:00",
                "2026-03-09T06:30:00+00:00"
            ]
        );
        // Daily 01:30 over 1 November 2026: the first 01:30 (EDT).
        let starts = starts_utc(
            "America/Toronto",
            local(2026, 10, 31, 1, 30),
            rule(Frequency::Daily, SeriesEnd::Count(3)),
        );
        assert_eq!(starts[1].to_rfc3339(), "2026-11-01T05:30:00+00:00");
        assert_eq!(starts[2].to_rfc3339(), "2026-11-02T06:30:00+00:00");
    }

    #[test]
    fn months_without_the_day_are_skipped() {
        let starts = local_starts(
            local(2027, 1, 31, 9, 0),
            &rule(Frequency::Monthly, SeriesEnd::Count(4)),
        )
        .unwrap();
        let months: Vec<u32> = starts.iter().map(|s| s.month()).collect();
        assert_eq!(months, vec![1, 3, 5, 7]);
        let leap = local_starts(
            local(2028, 2, 29, 9, 0),
            &rule(Frequency::Yearly, SeriesEnd::Count(2)),
        )
        .unwrap();
        assert_eq!(leap[1].year(), 2032);
        let until = local_starts(
            local(2026, 12, 1, 9, 0),
            &rule(
                Frequency::Weekly,
                SeriesEnd::Until(NaiveDate::from_ymd_opt(2026, 12, 22).unwrap()),
            ),
        )
        .unwrap();
        assert_eq!(until.len(), 4, "the end date is included");
    }

    #[test]
    fn counts_and_end_dates_outside_2_to_52_are_refused() {
        let first = local(2026, 12, 1, 9, 0);
        for n in [0, 1, 53, 10_000] {
            let err =
                local_starts(first, &rule(Frequency::Weekly, SeriesEnd::Count(n))).unwrap_err();
            assert_eq!(
                code_of(err),
                ("occurrences".into(), ValidationCode::OccurrencesOutOfRange),
                "{n}"
            );
        }
        assert_eq!(
            local_starts(first, &rule(Frequency::Weekly, SeriesEnd::Count(52)))
                .unwrap()
                .len(),
            52
        );
        let far = NaiveDate::from_ymd_opt(2028, 1, 1).unwrap();
        let err = local_starts(first, &rule(Frequency::Daily, SeriesEnd::Until(far))).unwrap_err();
        assert_eq!(code_of(err).0, "until");
        let before = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        assert!(local_starts(first, &rule(Frequency::Weekly, SeriesEnd::Until(before))).is_err());
        assert_eq!(local_starts(first, &Rule::ONCE).unwrap(), vec![first]);
    }
}

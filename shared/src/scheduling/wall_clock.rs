//! From a zone's wall clock to instants, exactly, on every day: a day is cut into the
//! pieces where the zone's offset from UTC stays the same (one piece, or two on the day
//! the clocks change), and inside a piece the wall clock is the instant plus the offset.
//! So a gap (spring forward) holds no instant at all, and the hour the clocks go back over
//! is met twice, once in each piece.
use super::interval::Span;
use crate::zone::Zone;
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};

/// The zone's offset from UTC at `t`, in seconds.
pub fn offset_at(zone: &Zone, t: DateTime<Utc>) -> i64 {
    t.with_timezone(&zone.tz()).offset().fix().local_minus_utc() as i64
}

/// The first second after `from` whose offset differs from `from`'s, given that `last`'s
/// does: a binary search in whole seconds.
pub fn first_change(zone: &Zone, from: DateTime<Utc>, last: DateTime<Utc>) -> DateTime<Utc> {
    let offset = offset_at(zone, from);
    let (mut lo, mut hi) = (from.timestamp(), last.timestamp());
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        let at = DateTime::from_timestamp(mid, 0).expect("between two instants");
        if offset_at(zone, at) == offset {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    DateTime::from_timestamp(hi, 0).expect("between two instants")
}

/// The pieces of the local day `date` with one UTC offset each (in seconds), in order.
pub fn day_pieces(zone: &Zone, date: NaiveDate) -> Vec<(Span, i64)> {
    let end = zone.start_of_day(date + Duration::days(1));
    let mut from = zone.start_of_day(date);
    let mut pieces = Vec::with_capacity(2);
    while from < end {
        let offset = offset_at(zone, from);
        let last = end - Duration::seconds(1);
        let until = if offset_at(zone, last) == offset {
            end
        } else {
            first_change(zone, from, last)
        };
        pieces.push((Span::new(from, until), offset));
        from = until;
    }
    pieces
}

/// The instant a piece with `offset` would give the local midnight of `date`.
fn midnight(date: NaiveDate, offset: i64) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_time(chrono::NaiveTime::MIN)) - Duration::seconds(offset)
}

/// The instants of the local day `date` at which the wall clock in `zone` reads between
/// `start` and `end` minutes after midnight: one span, two when the clocks go back inside
/// it, and nothing of a gap.
pub fn local_spans(zone: &Zone, date: NaiveDate, start: u16, end: u16) -> Vec<Span> {
    day_pieces(zone, date)
        .into_iter()
        .filter_map(|(piece, offset)| {
            let m = midnight(date, offset);
            let span = Span::new(
                (m + Duration::minutes(start.into())).max(piece.start),
                (m + Duration::minutes(end.into())).min(piece.end),
            );
            (!span.is_empty()).then_some(span)
        })
        .collect()
}

/// The instants of the local day `date` at which the wall clock in `zone` shows a
/// multiple of `step` minutes, with that reading: each reading once (the first time, when
/// the clocks go back over it), none inside a gap; in order.
pub fn clock_ticks(zone: &Zone, date: NaiveDate, step: u16) -> Vec<(u16, DateTime<Utc>)> {
    let mut ticks: Vec<(u16, DateTime<Utc>)> = Vec::new();
    for (piece, offset) in day_pieces(zone, date) {
        let m = midnight(date, offset);
        for minute in (0..super::model::DAY_MINUTES).step_by(step.max(1).into()) {
            let t = m + Duration::minutes(minute.into());
            if t >= piece.start && t < piece.end && !ticks.iter().any(|(seen, _)| *seen == minute) {
                ticks.push((minute, t));
            }
        }
    }
    ticks.sort_by_key(|(_, t)| *t);
    ticks
}

/// The instant of a wall-clock time in `zone`, as RFC 5545 reads one (§3.3.5): a time the
/// clocks go back over is its first occurrence; a time inside a gap is read with the
/// offset from before the gap (02:30 on a spring-forward night is 03:30 new time).
pub fn resolve(zone: &Zone, local: NaiveDateTime) -> DateTime<Utc> {
    use chrono::LocalResult;
    match zone.tz().from_local_datetime(&local) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
        LocalResult::None => {
            // Gaps are whole quarter hours and shorter than a day: walk back to a reading
            // that exists, and use its offset.
            let before = (1..=4 * 24)
                .find_map(|q| {
                    zone.tz()
                        .from_local_datetime(&(local - Duration::minutes(15 * q)))
                        .latest()
                })
                .expect("a zone's gap is shorter than a day");
            let offset = before.offset().fix().local_minus_utc() as i64;
            Utc.from_utc_datetime(&local) - Duration::seconds(offset)
        }
    }
}

/// The wall-clock reading of an instant in `zone`.
pub fn local(zone: &Zone, t: DateTime<Utc>) -> NaiveDateTime {
    t.with_timezone(&zone.tz()).naive_local()
}

/// The local date of an instant in `zone`.
pub fn local_date(zone: &Zone, t: DateTime<Utc>) -> NaiveDate {
    local(zone, t).date()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(name: &str) -> Zone {
        Zone::parse(name).unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn spans(z: &str, date: NaiveDate, start: u16, end: u16) -> Vec<(String, String)> {
        local_spans(&zone(z), date, start, end)
            .into_iter()
            .map(|s| (s.start.to_rfc3339(), s.end.to_rfc3339()))
            .collect()
    }

    #[test]
    fn an_ordinary_day_is_one_piece() {
        let pieces = day_pieces(&zone("America/Toronto"), day(2026, 12, 9));
        assert_eq!(pieces.len(), 1);
        assert_eq!(pieces[0].1, -5 * 3600);
        assert_eq!(
            spans("America/Toronto", day(2026, 12, 9), 600, 1200),
            vec![(
                "2026-12-09T15:00:00+00:00".into(),
                "2026-12-10T01:00:00+00:00".into()
            )]
        );
    }

    #[test]
    fn the_spring_gap_holds_nothing() {
        // Toronto, 8 March 2026: 02:00 EST jumps to 03:00 EDT.
        let d = day(2026, 3, 8);
        let pieces = day_pieces(&zone("America/Toronto"), d);
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces[1].0.start, utc("2026-03-08T07:00:00Z"));
        // 01:00–04:00 is two hours long that day.
        assert_eq!(
            spans("America/Toronto", d, 60, 240),
            vec![
                (
                    "2026-03-08T06:00:00+00:00".into(),
                    "2026-03-08T07:00:00+00:00".into()
                ),
                (
                    "2026-03-08T07:00:00+00:00".into(),
                    "2026-03-08T08:00:00+00:00".into()
                ),
            ]
        );
        // A window wholly inside the gap gives nothing.
        assert!(spans("America/Toronto", d, 120, 180).is_empty());
        let ticks = clock_ticks(&zone("America/Toronto"), d, 30);
        let minutes: Vec<u16> = ticks.iter().map(|(m, _)| *m).collect();
        assert!(minutes.contains(&90) && minutes.contains(&180));
        assert!(!minutes.contains(&120) && !minutes.contains(&150));
        assert_eq!(ticks.len(), 46);
    }

    #[test]
    fn the_autumn_hour_is_met_twice_but_ticks_once() {
        // Toronto, 1 November 2026: 02:00 EDT goes back to 01:00 EST.
        let d = day(2026, 11, 1);
        // 00:30–02:00 on the clock lasts two and a half hours.
        let s = local_spans(&zone("America/Toronto"), d, 30, 120);
        let total: i64 = s.iter().map(|s| (s.end - s.start).num_minutes()).sum();
        assert_eq!(total, 150);
        let ticks = clock_ticks(&zone("America/Toronto"), d, 30);
        assert_eq!(ticks.len(), 48);
        let one_thirty: Vec<_> = ticks.iter().filter(|(m, _)| *m == 90).collect();
        assert_eq!(one_thirty.len(), 1);
        assert_eq!(
            one_thirty[0].1,
            utc("2026-11-01T05:30:00Z"),
            "the first 01:30 (EDT)"
        );
    }

    #[test]
    fn half_hour_zones_and_lord_howes_half_hour_change() {
        let st_johns = spans("America/St_Johns", day(2026, 12, 9), 540, 600);
        assert_eq!(st_johns[0].0, "2026-12-09T12:30:00+00:00");
        let kolkata = spans("Asia/Kolkata", day(2026, 12, 9), 540, 600);
        assert_eq!(kolkata[0].0, "2026-12-09T03:30:00+00:00");
        // Lord Howe, 5 April 2026: 02:00 (+11) goes back to 01:30 (+10:30).
        let d = day(2026, 4, 5);
        let pieces = day_pieces(&zone("Australia/Lord_Howe"), d);
        assert_eq!(
            pieces.iter().map(|p| p.1).collect::<Vec<_>>(),
            vec![39600, 37800]
        );
        let s = local_spans(&zone("Australia/Lord_Howe"), d, 60, 180);
        let total: i64 = s.iter().map(|s| (s.end - s.start).num_minutes()).sum();
        assert_eq!(total, 150, "01:00–03:00 lasts 2 h 30 that day");
        let ticks = clock_ticks(&zone("Australia/Lord_Howe"), d, 30);
        assert_eq!(ticks.iter().filter(|(m, _)| *m == 90).count(), 1);
        assert_eq!(ticks.len(), 48);
        // 4 October 2026: 02:00 (+10:30) jumps to 02:30 (+11).
        let ticks = clock_ticks(&zone("Australia/Lord_Howe"), day(2026, 10, 4), 30);
        assert!(!ticks.iter().any(|(m, _)| *m == 120));
        assert_eq!(ticks.len(), 47);
    }

    #[test]
    fn readings_in_a_gap_use_the_offset_before_it_and_repeated_ones_the_first() {
        let toronto = zone("America/Toronto");
        let local = |d: NaiveDate, h, m| d.and_hms_opt(h, m, 0).unwrap();
        assert_eq!(
            resolve(&toronto, local(day(2026, 3, 8), 2, 30)),
            utc("2026-03-08T07:30:00Z")
        );
        assert_eq!(
            resolve(&toronto, local(day(2026, 11, 1), 1, 30)),
            utc("2026-11-01T05:30:00Z")
        );
        assert_eq!(
            resolve(&toronto, local(day(2026, 12, 9), 10, 0)),
            utc("2026-12-09T15:00:00Z")
        );
        assert_eq!(
            local_date(&toronto, utc("2026-12-10T03:00:00Z")),
            day(2026, 12, 9)
        );
    }
}

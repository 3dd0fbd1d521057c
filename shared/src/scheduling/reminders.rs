//! When meeting reminders are due, on each recipient's own clock: the morning reminder of
//! the meetings they have not answered (06:00 their time, once a day at most), and the
//! reminder some hours before a meeting they accepted. Plain Rust; the server's pass asks
//! these and keeps a row per reminder sent, so none is sent twice.
use super::wall_clock::{local, resolve};
use crate::zone::Zone;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

/// The morning reminder's hour, on the recipient's clock.
pub const MORNING_HOUR: u32 = 6;
/// A meeting asked for less than this before the morning reminder waits for the next
/// morning (an invitation sent at 05:55 is not "still unanswered" at 06:00).
pub const MORNING_GRACE_HOURS: i64 = 12;

/// The day whose morning reminder is due at `now` for someone in `zone`: today once their
/// clock has passed 06:00 (read as RFC 5545 reads a time in a gap), else none.
pub fn morning_due(zone: &Zone, now: DateTime<Utc>) -> Option<NaiveDate> {
    let today = local(zone, now).date();
    (now >= morning_of(zone, today)).then_some(today)
}

/// 06:00 of `day` in `zone`, as an instant.
pub fn morning_of(zone: &Zone, day: NaiveDate) -> DateTime<Utc> {
    let six = NaiveTime::from_hms_opt(MORNING_HOUR, 0, 0).expect("06:00");
    resolve(zone, day.and_time(six))
}

/// Whether a meeting asked for at `asked_at` counts in `day`'s morning reminder.
pub fn asked_in_time(zone: &Zone, day: NaiveDate, asked_at: DateTime<Utc>) -> bool {
    asked_at <= morning_of(zone, day) - Duration::hours(MORNING_GRACE_HOURS)
}

/// Whether the reminder `hours` before a meeting starting at `starts_at` is due at `now`:
/// from that time until the meeting starts, for a meeting already asked for by then (one
/// booked at the last minute has just been announced).
pub fn before_due(
    starts_at: DateTime<Utc>,
    asked_at: DateTime<Utc>,
    hours: u32,
    now: DateTime<Utc>,
) -> bool {
    let at = starts_at - Duration::hours(i64::from(hours));
    hours > 0 && now >= at && now < starts_at && asked_at <= at
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn zone(name: &str) -> Zone {
        Zone::parse(name).unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_morning_reminder_is_due_from_six_on_each_recipients_clock() {
        let toronto = zone("America/Toronto");
        // 10:59 UTC is 05:59 in Toronto in winter; 11:00 is 06:00.
        let before = Utc.with_ymd_and_hms(2026, 12, 8, 10, 59, 0).unwrap();
        let at = Utc.with_ymd_and_hms(2026, 12, 8, 11, 0, 0).unwrap();
        assert_eq!(morning_due(&toronto, before), None);
        assert_eq!(morning_due(&toronto, at), Some(day(2026, 12, 8)));
        // Kolkata (UTC+05:30): 00:30 UTC is 06:00 there, the same date.
        let kolkata = zone("Asia/Kolkata");
        let half = Utc.with_ymd_and_hms(2026, 12, 8, 0, 30, 0).unwrap();
        assert_eq!(morning_due(&kolkata, half - Duration::minutes(1)), None);
        assert_eq!(morning_due(&kolkata, half), Some(day(2026, 12, 8)));
        // St John's (UTC-03:30): 09:30 UTC.
        let st_johns = zone("America/St_Johns");
        assert_eq!(
            morning_of(&st_johns, day(2026, 12, 8)),
            Utc.with_ymd_and_hms(2026, 12, 8, 9, 30, 0).unwrap()
        );
    }

    #[test]
    fn six_oclock_on_dst_days_is_six_on_the_new_clock() {
        // Toronto springs forward on 8 March 2026 at 02:00 and falls back on 1 November:
        // 06:00 is 10:00 UTC on the first, 11:00 UTC on the second.
        let toronto = zone("America/Toronto");
        assert_eq!(
            morning_of(&toronto, day(2026, 3, 8)),
            Utc.with_ymd_and_hms(2026, 3, 8, 10, 0, 0).unwrap()
        );
        assert_eq!(
            morning_of(&toronto, day(2026, 11, 1)),
            Utc.with_ymd_and_hms(2026, 11, 1, 11, 0, 0).unwrap()
        );
        // Lord Howe moves half an hour (02:00 → 02:30 on 4 October 2026): 06:00 is 19:00
        // UTC the day before (UTC+11).
        let lord_howe = zone("Australia/Lord_Howe");
        assert_eq!(
            morning_of(&lord_howe, day(2026, 10, 4)),
            Utc.with_ymd_and_hms(2026, 10, 3, 19, 0, 0).unwrap()
        );
    }

    #[test]
    fn the_reminder_before_a_meeting_is_due_from_its_hour_until_it_starts() {
        let start = Utc.with_ymd_and_hms(2026, 12, 10, 15, 0, 0).unwrap();
        let booked = start - Duration::days(3);
        let due = |now| before_due(start, booked, 24, now);
        assert!(!due(start - Duration::hours(24) - Duration::minutes(1)));
        assert!(due(start - Duration::hours(24)));
        assert!(due(start - Duration::minutes(1)));
        assert!(!due(start));
        // Booked two hours before: its invitation just said it all.
        assert!(!before_due(
            start,
            start - Duration::hours(2),
            24,
            start - Duration::hours(1)
        ));
        // Zero hours: no reminder.
        assert!(!before_due(start, booked, 0, start - Duration::minutes(1)));
    }

    #[test]
    fn a_meeting_asked_for_late_waits_for_the_next_morning() {
        let paris = zone("Europe/Paris");
        let morning = morning_of(&paris, day(2026, 12, 8));
        assert!(asked_in_time(
            &paris,
            day(2026, 12, 8),
            morning - Duration::hours(12)
        ));
        assert!(!asked_in_time(
            &paris,
            day(2026, 12, 8),
            morning - Duration::hours(11)
        ));
        assert!(asked_in_time(
            &paris,
            day(2026, 12, 9),
            morning - Duration::hours(11)
        ));
    }
}

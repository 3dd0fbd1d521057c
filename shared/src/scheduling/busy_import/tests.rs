use super::events::{busy_times, BusyRead, BusyWindow};
use crate::zone::Zone;
use chrono::{DateTime, TimeZone, Utc};

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

fn not_ours(_: &str) -> bool {
    false
}

fn calendar(events: &str) -> String {
    format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n{events}END:VCALENDAR\r\n")
}

fn read_in(text: &str, home: &str, from: DateTime<Utc>, to: DateTime<Utc>) -> BusyRead {
    let window = BusyWindow {
        home: Zone::parse(home).unwrap(),
        from,
        to,
        ours: &not_ours,
    };
    busy_times(text, &window).unwrap()
}

/// Each span as "MM-DD HH:MM-HH:MM" in UTC.
fn shown(read: &BusyRead) -> Vec<String> {
    read.spans
        .iter()
        .map(|s| {
            format!(
                "{}-{}",
                s.start.format("%m-%d %H:%M"),
                s.end.format("%H:%M")
            )
        })
        .collect()
}

#[test]
fn a_weekly_event_in_new_york_skips_its_exdate() {
    let text = calendar(
        "BEGIN:VEVENT\r\nUID:w1\r\nDTSTART;TZID=America/New_York:20260105T090000\r\n\
         DTEND;TZID=America/New_York:20260105T100000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\n\
         EXDATE;TZID=America/New_York:20260112T090000\r\nSUMMARY:Private\r\nEND:VEVENT\r\n",
    );
    let read = read_in(
        &text,
        "Europe/Paris",
        utc(2026, 1, 1, 0, 0),
        utc(2026, 1, 27, 0, 0),
    );
    assert_eq!(
        shown(&read),
        [
            "01-05 14:00-15:00",
            "01-19 14:00-15:00",
            "01-26 14:00-15:00"
        ]
    );
    assert_eq!((read.busy_events, read.unreadable), (1, 0));
}

#[test]
fn a_series_keeps_its_own_clock_across_its_zones_dst_change() {
    // London changes on 29 March 2026: 18:00 is 18:00 UTC before and 17:00 UTC after.
    let text = calendar(
        "BEGIN:VEVENT\r\nUID:dst\r\nDTSTART;TZID=Europe/London:20260319T180000\r\n\
         DURATION:PT30M\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\n",
    );
    let read = read_in(
        &text,
        "America/Toronto",
        utc(2026, 3, 1, 0, 0),
        utc(2026, 5, 1, 0, 0),
    );
    assert_eq!(
        shown(&read),
        [
            "03-19 18:00-18:30",
            "03-26 18:00-18:30",
            "04-02 17:00-17:30"
        ]
    );
}

#[test]
fn an_all_day_event_is_the_members_whole_days() {
    let text = calendar(
        "BEGIN:VEVENT\r\nUID:d\r\nDTSTART;VALUE=DATE:20260115\r\nDTEND;VALUE=DATE:20260117\r\nEND:VEVENT\r\n",
    );
    let read = read_in(
        &text,
        "America/Toronto",
        utc(2026, 1, 1, 0, 0),
        utc(2026, 2, 1, 0, 0),
    );
    assert_eq!(read.spans.len(), 1);
    assert_eq!(read.spans[0].start, utc(2026, 1, 15, 5, 0));
    assert_eq!(read.spans[0].end, utc(2026, 1, 17, 5, 0));
}

#[test]
fn outlook_windows_zone_names_and_mozilla_prefixed_ones_are_read() {
    let text = calendar(
        "BEGIN:VTIMEZONE\r\nTZID:Eastern Standard Time\r\nEND:VTIMEZONE\r\n\
         BEGIN:VEVENT\r\nUID:o\r\nDTSTART;TZID=Eastern Standard Time:20260702T090000\r\n\
         DTEND;TZID=Eastern Standard Time:20260702T093000\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:m\r\nDTSTART;TZID=/mozilla.org/20070129_1/Europe/Paris:20260702T090000\r\n\
         DTEND;TZID=/mozilla.org/20070129_1/Europe/Paris:20260702T100000\r\nEND:VEVENT\r\n",
    );
    let read = read_in(&text, "UTC", utc(2026, 7, 1, 0, 0), utc(2026, 7, 3, 0, 0));
    assert_eq!(shown(&read), ["07-02 07:00-08:00", "07-02 13:00-13:30"]);
}

#[test]
fn a_moved_occurrence_replaces_its_rules_and_a_cancelled_one_removes_it() {
    let text = calendar(
        "BEGIN:VEVENT\r\nUID:s\r\nDTSTART:20260105T150000Z\r\nDTEND:20260105T160000Z\r\n\
         RRULE:FREQ=DAILY;COUNT=4\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID:20260106T150000Z\r\nDTSTART:20260106T190000Z\r\n\
         DTEND:20260106T200000Z\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID:20260107T150000Z\r\nSTATUS:CANCELLED\r\n\
         DTSTART:20260107T150000Z\r\nDTEND:20260107T160000Z\r\nEND:VEVENT\r\n",
    );
    let read = read_in(&text, "UTC", utc(2026, 1, 1, 0, 0), utc(2026, 2, 1, 0, 0));
    assert_eq!(
        shown(&read),
        [
            "01-05 15:00-16:00",
            "01-06 19:00-20:00",
            "01-08 15:00-16:00"
        ]
    );
}

#[test]
fn free_cancelled_and_our_own_events_are_not_busy() {
    let text = calendar(
        "BEGIN:VEVENT\r\nUID:free\r\nDTSTART:20260105T150000Z\r\nDTEND:20260105T160000Z\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:outlook-free\r\nDTSTART:20260105T150000Z\r\nDTEND:20260105T160000Z\r\nX-MICROSOFT-CDO-BUSYSTATUS:FREE\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:gone\r\nDTSTART:20260105T150000Z\r\nDTEND:20260105T160000Z\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:meeting-series-7@mentora.test\r\nDTSTART:20260105T170000Z\r\nDTEND:20260105T180000Z\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:busy\r\nDTSTART:20260105T190000Z\r\nDTEND:20260105T200000Z\r\nTRANSP:OPAQUE\r\nEND:VEVENT\r\n",
    );
    let ours = |uid: &str| uid.ends_with("@mentora.test");
    let window = BusyWindow {
        home: Zone::parse("UTC").unwrap(),
        from: utc(2026, 1, 1, 0, 0),
        to: utc(2026, 2, 1, 0, 0),
        ours: &ours,
    };
    let read = busy_times(&text, &window).unwrap();
    assert_eq!(shown(&read), ["01-05 19:00-20:00"]);
}

#[test]
fn floating_times_use_the_calendars_zone_and_an_unknown_zone_is_counted_not_guessed() {
    let text = "BEGIN:VCALENDAR\r\nX-WR-TIMEZONE:Asia/Kolkata\r\n\
         BEGIN:VEVENT\r\nUID:f\r\nDTSTART:20260105T093000\r\nDTEND:20260105T103000\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:u\r\nDTSTART;TZID=Mars/Olympus_Mons:20260105T093000\r\nDURATION:PT1H\r\nEND:VEVENT\r\n\
         END:VCALENDAR\r\n";
    let read = read_in(text, "UTC", utc(2026, 1, 1, 0, 0), utc(2026, 2, 1, 0, 0));
    assert_eq!(shown(&read), ["01-05 04:00-05:00"]);
    assert_eq!((read.busy_events, read.unreadable), (1, 1));
}

#[test]
fn only_the_window_is_kept_and_overlapping_events_merge() {
    let text = calendar(
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20200106T150000Z\r\nDTEND:20200106T160000Z\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20260110T153000Z\r\nDTEND:20260110T170000Z\r\nEND:VEVENT\r\n",
    );
    let read = read_in(
        &text,
        "UTC",
        utc(2026, 1, 10, 15, 30),
        utc(2026, 1, 12, 0, 0),
    );
    assert_eq!(shown(&read), ["01-10 15:30-17:00", "01-11 15:00-16:00"]);
}

/// A tiny deterministic generator (xorshift), so the mutations are the same every run.
struct Xorshift(u64);

impl Xorshift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// A member's calendar is anyone's text: thousands of damaged versions of a real-looking
/// file (bytes replaced, lines cut, digits pushed to extremes, non-ASCII put in rules) are
/// read without panicking, and whatever is read stays inside the window.
#[test]
fn damaged_calendars_never_panic_and_stay_in_the_window() {
    let base = calendar(
        "BEGIN:VEVENT\r\nUID:w\r\nDTSTART;TZID=America/New_York:20260105T090000\r\n\
         DTEND;TZID=America/New_York:20260105T100000\r\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,2TU,-1FR;COUNT=9\r\n\
         EXDATE;VALUE=DATE:20260119\r\nRECURRENCE-ID:20260105T140000Z\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:d\r\nDTSTART;VALUE=DATE:20260115\r\nDURATION:P1W2DT3H4M5S\r\n\
         RRULE:FREQ=MONTHLY;BYMONTHDAY=-1,15;BYSETPOS=1;UNTIL=20261231\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:y\r\nDTSTART:00010101T000000Z\r\nDTEND:99991231T235959Z\r\n\
         RRULE:FREQ=DAILY\r\nEND:VEVENT\r\n",
    );
    let pieces = [
        "é", "\r\n ", ";", ":", "=", "-", "99999999", "0", "P", "T", "Z", ",", "\"", "𝄞",
    ];
    let mut rng = Xorshift(0x9e37_79b9_7f4a_7c15);
    let (from, to) = (utc(2026, 1, 1, 0, 0), utc(2027, 1, 1, 0, 0));
    for _ in 0..3000 {
        let mut text: Vec<char> = base.chars().collect();
        for _ in 0..(1 + rng.next() % 4) {
            let at = (rng.next() as usize) % text.len();
            let piece: Vec<char> = pieces[(rng.next() as usize) % pieces.len()]
                .chars()
                .collect();
            let cut = (rng.next() % 3) as usize;
            let end = (at + cut).min(text.len());
            text.splice(at..end, piece);
        }
        let text: String = text.into_iter().collect();
        let window = BusyWindow {
            home: Zone::parse("Europe/Paris").unwrap(),
            from,
            to,
            ours: &not_ours,
        };
        if let Ok(read) = busy_times(&text, &window) {
            assert!(read
                .spans
                .iter()
                .all(|s| s.start >= from && s.end <= to && s.start < s.end));
        }
    }
}

/// Values made to break a reader: non-ASCII where ASCII is expected, numbers past every
/// limit, ends before starts.
#[test]
fn hostile_values_are_refused_or_read_not_panicked_on() {
    let events = [
        "DTSTART:20260105T090000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY;BYDAY=éM",
        "DTSTART:20260105T090000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY;BYDAY=1é",
        "DTSTART:20260105T090000Z\r\nDURATION:P1é",
        "DTSTART:20260105T090000Z\r\nDURATION:P99999999999999W",
        "DTSTART:20260105T090000Z\r\nDURATION:PT9223372036854775807S",
        "DTSTART:20260105T090000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=DAILY;INTERVAL=4294967295",
        "DTSTART:20260105T090000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=YEARLY;INTERVAL=4294967295;BYMONTH=2;BYMONTHDAY=30",
        "DTSTART;VALUE=DATE:99991231\r\nDTEND;VALUE=DATE:00010101",
        "DTSTART;VALUE=DATE:00010101\r\nDTEND;VALUE=DATE:99991231",
        "DTSTART:99991231T235959Z\r\nDURATION:P1W\r\nRRULE:FREQ=DAILY",
    ];
    for event in events {
        let text = calendar(&format!(
            "BEGIN:VEVENT\r\nUID:x\r\n{event}\r\nEND:VEVENT\r\n"
        ));
        let read = read_in(&text, "UTC", utc(2026, 1, 1, 0, 0), utc(2027, 1, 1, 0, 0));
        assert!(read.spans.len() <= 366, "{event}");
    }
}

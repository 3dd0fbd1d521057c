//! A meeting as calendars read it: an iCalendar object (RFC 5545) with its iTIP method
//! (RFC 5546), the organiser's zone as a VTIMEZONE, and one VEVENT per series, moved or
//! cancelled occurrence. Times are written on the organiser's clock with TZID, a series as
//! its rule in that zone, so calendars keep a weekly 10:00 at 10:00 across DST as we do.
use super::model::{Answer, Frequency};
use super::recurrence::{Rule, SeriesEnd};
use super::vtimezone::{local_stamp, utc_stamp, vtimezone};
use super::wall_clock::resolve;
use crate::zone::Zone;
use chrono::{DateTime, Duration, NaiveDateTime, Utc};

/// What the file asks of the calendar that reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// A new or changed meeting.
    Request,
    /// A cancelled meeting or occurrences.
    Cancel,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Request => "REQUEST",
            Self::Cancel => "CANCEL",
        }
    }
}

/// Someone the event names: the organiser or an attendee.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub email: String,
}

impl Person {
    pub fn new(name: &str, email: &str) -> Person {
        Person {
            name: name.into(),
            email: email.into(),
        }
    }
}

/// One VEVENT: a whole series (with its rule), or one occurrence of it (with the start
/// the rule gave it, its RECURRENCE-ID).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub uid: String,
    /// Rises with every change, so calendars take the newest.
    pub sequence: u32,
    /// On the organiser's clock (the calendar's zone).
    pub start: NaiveDateTime,
    pub minutes: u32,
    /// The series' rule, for the event of a whole series.
    pub rule: Option<Rule>,
    /// The occurrence's original start, for one occurrence of a series.
    pub recurrence_id: Option<NaiveDateTime>,
    /// Starts the series' rule gives that do not take place (a series' event only).
    pub exdates: Vec<NaiveDateTime>,
    pub cancelled: bool,
    pub organizer: Person,
    pub attendees: Vec<(Person, Answer)>,
    pub summary: String,
    pub description: String,
    pub location: String,
}

/// The iCalendar text (CRLF lines, folded at 75 octets) of `events`, all on `zone`'s clock.
pub fn calendar(method: Method, zone: &Zone, events: &[Event], now: DateTime<Utc>) -> String {
    let head = vec![format!("METHOD:{}", method.as_str())];
    write(head, &[(*zone, events)], now)
}

/// A subscription (a member's feed): METHOD:PUBLISH, its name, how often calendars should
/// read it again, and events on the clocks of several zones (each zone's events together).
pub fn feed(
    name: &str,
    refresh_minutes: u32,
    groups: &[(Zone, &[Event])],
    now: DateTime<Utc>,
) -> String {
    let head = vec![
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", text(name)),
        format!("NAME:{}", text(name)),
        format!("REFRESH-INTERVAL;VALUE=DURATION:PT{refresh_minutes}M"),
        format!("X-PUBLISHED-TTL:PT{refresh_minutes}M"),
    ];
    write(head, groups, now)
}

fn write(head: Vec<String>, groups: &[(Zone, &[Event])], now: DateTime<Utc>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Mentora//Mentoring meetings//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
    ];
    lines.extend(head);
    let mut zones: Vec<(Zone, DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    for (zone, events) in groups {
        for t in events.iter().flat_map(|e| [e.start, last_start(e)]) {
            let at = resolve(zone, t);
            match zones.iter_mut().find(|(z, _, _)| z == zone) {
                Some((_, first, last)) => {
                    *first = (*first).min(at);
                    *last = (*last).max(at);
                }
                None => zones.push((*zone, at, at)),
            }
        }
    }
    for (zone, first, last) in &zones {
        lines.extend(vtimezone(zone, *first, *last));
    }
    for (zone, events) in groups {
        for e in events.iter() {
            lines.extend(event_lines(e, zone, now));
        }
    }
    lines.push("END:VCALENDAR".to_string());
    let mut text = String::new();
    for line in lines {
        fold_into(&mut text, &line);
    }
    text
}

/// The latest start an event can have, roughly (for the VTIMEZONE's years).
fn last_start(e: &Event) -> NaiveDateTime {
    let Some(rule) = e.rule else { return e.start };
    match rule.end {
        SeriesEnd::Until(day) => day.and_time(e.start.time()),
        SeriesEnd::Count(n) => {
            let steps = i64::from(n.saturating_sub(1));
            let days = match rule.frequency {
                Frequency::Once => 0,
                Frequency::Daily => steps,
                Frequency::Weekly => 7 * steps,
                // Months and years that skip a day make the end later still.
                Frequency::Monthly => 31 * steps + 62,
                Frequency::Yearly => 366 * steps + 1461,
            };
            e.start + Duration::days(days)
        }
    }
}

fn event_lines(e: &Event, zone: &Zone, now: DateTime<Utc>) -> Vec<String> {
    let tz = zone.name();
    let end = e.start + Duration::minutes(i64::from(e.minutes));
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", e.uid),
        format!("SEQUENCE:{}", e.sequence),
        format!("DTSTAMP:{}", utc_stamp(now)),
        format!("DTSTART;TZID={tz}:{}", local_stamp(e.start)),
        format!("DTEND;TZID={tz}:{}", local_stamp(end)),
    ];
    if let Some(original) = e.recurrence_id {
        lines.push(format!("RECURRENCE-ID;TZID={tz}:{}", local_stamp(original)));
    }
    if let Some(rule) = e.rule.filter(|r| r.frequency != Frequency::Once) {
        lines.push(rrule(&rule, zone, e.start));
        for day in &e.exdates {
            lines.push(format!("EXDATE;TZID={tz}:{}", local_stamp(*day)));
        }
    }
    lines.push(format!(
        "STATUS:{}",
        if e.cancelled {
            "CANCELLED"
        } else {
            "CONFIRMED"
        }
    ));
    lines.push(format!(
        "ORGANIZER;CN={}:mailto:{}",
        param(&e.organizer.name),
        e.organizer.email
    ));
    for (person, answer) in &e.attendees {
        lines.push(format!(
            "ATTENDEE;CN={};ROLE=REQ-PARTICIPANT;PARTSTAT={};RSVP=TRUE:mailto:{}",
            param(&person.name),
            partstat(*answer),
            person.email
        ));
    }
    lines.push(format!("SUMMARY:{}", text(&e.summary)));
    if !e.description.is_empty() {
        lines.push(format!("DESCRIPTION:{}", text(&e.description)));
    }
    if !e.location.is_empty() {
        lines.push(format!("LOCATION:{}", text(&e.location)));
    }
    lines.push("END:VEVENT".to_string());
    lines
}

/// "RRULE:FREQ=WEEKLY;COUNT=4"; an end date is the end of that day on the zone's clock,
/// in UTC as RFC 5545 asks when DTSTART has a TZID.
fn rrule(rule: &Rule, zone: &Zone, start: NaiveDateTime) -> String {
    let freq = match rule.frequency {
        Frequency::Once | Frequency::Daily => "DAILY",
        Frequency::Weekly => "WEEKLY",
        Frequency::Monthly => "MONTHLY",
        Frequency::Yearly => "YEARLY",
    };
    let end = match rule.end {
        SeriesEnd::Count(n) => format!("COUNT={n}"),
        SeriesEnd::Until(day) => {
            let last = resolve(zone, day.and_time(start.time()));
            format!("UNTIL={}", utc_stamp(last))
        }
    };
    format!("RRULE:FREQ={freq};{end}")
}

/// How RFC 5545 names an answer.
pub fn partstat(answer: Answer) -> &'static str {
    match answer {
        Answer::Accepted => "ACCEPTED",
        Answer::Declined => "DECLINED",
        Answer::Maybe => "TENTATIVE",
        Answer::Pending => "NEEDS-ACTION",
    }
}

/// A TEXT value: backslash, semicolon, comma and line breaks escaped (§3.3.11).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.replace("\r\n", "\n").chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value (a name): quoted, without the characters a quoted value cannot hold.
fn param(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    format!("\"{clean}\"")
}

/// Appends `line` folded at 75 octets (never inside a character), each piece ending in
/// CRLF and each continuation starting with a space (§3.1).
fn fold_into(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    fn weekly() -> Event {
        Event {
            uid: "series-7@mentora.test".into(),
            sequence: 0,
            start: at(2026, 12, 9, 10, 0),
            minutes: 30,
            rule: Some(Rule {
                frequency: Frequency::Weekly,
                end: SeriesEnd::Count(4),
            }),
            recurrence_id: None,
            exdates: Vec::new(),
            cancelled: false,
            organizer: Person::new("Raj Paquette", "raj@example.test"),
            attendees: vec![
                (
                    Person::new("Raj Paquette", "raj@example.test"),
                    Answer::Accepted,
                ),
                (
                    Person::new("Fatima Haddad", "fatima@example.test"),
                    Answer::Pending,
                ),
            ],
            summary: "Mentoring meeting: Fatima Haddad, Raj Paquette".into(),
            description: "Goals; next steps, and \\ more\nhttps://mentora.test/relationships/3"
                .into(),
            location: "https://meet.jit.si/mentora-abc".into(),
        }
    }

    fn unfolded(text: &str) -> Vec<String> {
        text.replace("\r\n ", "")
            .split("\r\n")
            .map(str::to_string)
            .collect()
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 7, 15, 30, 0).unwrap()
    }

    #[test]
    fn a_weekly_series_is_its_rule_on_the_organisers_clock() {
        let zone = Zone::parse("America/Toronto").unwrap();
        let text = calendar(Method::Request, &zone, &[weekly()], now());
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "CRLF only");
        let lines = unfolded(&text);
        for expected in [
            "METHOD:REQUEST",
            "TZID:America/Toronto",
            "UID:series-7@mentora.test",
            "SEQUENCE:0",
            "DTSTAMP:20261207T153000Z",
            "DTSTART;TZID=America/Toronto:20261209T100000",
            "DTEND;TZID=America/Toronto:20261209T103000",
            "RRULE:FREQ=WEEKLY;COUNT=4",
            "STATUS:CONFIRMED",
            "ORGANIZER;CN=\"Raj Paquette\":mailto:raj@example.test",
            "ATTENDEE;CN=\"Raj Paquette\";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE:mailto:raj@example.test",
            "ATTENDEE;CN=\"Fatima Haddad\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:fatima@example.test",
            "DESCRIPTION:Goals\\; next steps\\, and \\\\ more\\nhttps://mentora.test/relationships/3",
            "LOCATION:https://meet.jit.si/mentora-abc",
        ] {
            assert!(lines.iter().any(|l| l == expected), "{expected}\n{text}");
        }
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VTIMEZONE").count(), 1);
        assert!(lines.iter().all(|l| !l.starts_with("RDATE")));
    }

    #[test]
    fn a_cancelled_occurrence_names_its_original_start() {
        let zone = Zone::parse("Asia/Kolkata").unwrap();
        let mut one = weekly();
        one.rule = None;
        one.sequence = 3;
        one.cancelled = true;
        one.recurrence_id = Some(at(2026, 12, 16, 10, 0));
        one.start = at(2026, 12, 17, 11, 0);
        let lines = unfolded(&calendar(Method::Cancel, &zone, &[one], now()));
        for expected in [
            "METHOD:CANCEL",
            "SEQUENCE:3",
            "RECURRENCE-ID;TZID=Asia/Kolkata:20261216T100000",
            "DTSTART;TZID=Asia/Kolkata:20261217T110000",
            "STATUS:CANCELLED",
        ] {
            assert!(lines.iter().any(|l| l == expected), "{expected}");
        }
        assert!(lines.iter().all(|l| !l.starts_with("RRULE")));
    }

    #[test]
    fn an_end_date_is_the_last_start_in_utc() {
        let zone = Zone::parse("Europe/Paris").unwrap();
        let mut series = weekly();
        series.rule = Some(Rule {
            frequency: Frequency::Monthly,
            end: SeriesEnd::Until(NaiveDate::from_ymd_opt(2027, 6, 30).unwrap()),
        });
        let lines = unfolded(&calendar(Method::Request, &zone, &[series], now()));
        // 10:00 in Paris on 30 June 2027 is 08:00 UTC (summer time).
        assert!(lines
            .iter()
            .any(|l| l == "RRULE:FREQ=MONTHLY;UNTIL=20270630T080000Z"));
    }

    #[test]
    fn a_feed_publishes_events_on_several_clocks_each_with_its_zone() {
        let toronto = Zone::parse("America/Toronto").unwrap();
        let kolkata = Zone::parse("Asia/Kolkata").unwrap();
        let mut cancelled = weekly();
        cancelled.rule = None;
        cancelled.cancelled = true;
        cancelled.recurrence_id = Some(at(2026, 12, 16, 10, 0));
        let here = [weekly(), cancelled];
        let there = [weekly()];
        let groups = [(toronto, &here[..]), (kolkata, &there[..])];
        let lines = unfolded(&feed("Mentoring meetings", 60, &groups, now()));
        for expected in [
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Mentoring meetings",
            "REFRESH-INTERVAL;VALUE=DURATION:PT60M",
            "TZID:America/Toronto",
            "TZID:Asia/Kolkata",
            "DTSTART;TZID=Asia/Kolkata:20261209T100000",
            "STATUS:CANCELLED",
        ] {
            assert!(lines.iter().any(|l| l == expected), "{expected}");
        }
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VTIMEZONE").count(), 2);
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 3);
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "é".repeat(60));
        fold_into(&mut out, &line);
        for piece in out.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(piece.len() <= 75, "{piece}");
        }
        assert_eq!(out.replace("\r\n ", "").trim_end(), line);
    }

    #[test]
    fn answers_are_rfc_participation_statuses() {
        assert_eq!(partstat(Answer::Maybe), "TENTATIVE");
        assert_eq!(partstat(Answer::Declined), "DECLINED");
        assert_eq!(param("Ann \"Nan\" Lee"), "\"Ann Nan Lee\"");
    }
}

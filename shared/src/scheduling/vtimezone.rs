//! A zone's VTIMEZONE (RFC 5545 §3.6.5), generated from the IANA rules chrono-tz carries,
//! so a calendar reads an event's TZID the way we do. The zone's changes over the years an
//! event touches are found to the second; each run of yearly changes that follows one rule
//! ("second Sunday of March at 02:00") becomes one component with an RRULE (and an UNTIL
//! when the rule stops inside those years), and a change that follows none (Casablanca's
//! moves around Ramadan) a component of its own. No RDATE lists: Outlook mishandles them.
use super::wall_clock::{first_change, offset_at};
use crate::zone::Zone;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};

/// One change of the zone's offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub at: DateTime<Utc>,
    /// Offsets from UTC before and after, in seconds.
    pub before: i64,
    pub after: i64,
    /// The larger of the two offsets from here on: written as DAYLIGHT (as tzdata's
    /// "rearguard" form does, since clients such as dateutil assume daylight time is
    /// ahead; Casablanca's Ramadan hour back is then its standard time).
    pub daylight: bool,
    /// The abbreviation from here on ("EDT"), when the zone database has one.
    pub name: Option<String>,
}

impl Change {
    /// The wall clock reading at the change, on the clock before it (how DTSTART and
    /// RRULE read it).
    fn local(&self) -> NaiveDateTime {
        (self.at + Duration::seconds(self.before)).naive_utc()
    }
}

/// Every change of the zone's offset in `[from, to)`, in order.
pub fn changes(zone: &Zone, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Change> {
    use chrono_tz::OffsetName;
    let mut found = Vec::new();
    let mut t = from;
    while t < to {
        let next = (t + Duration::days(1)).min(to);
        let before = offset_at(zone, t);
        if offset_at(zone, next) == before {
            t = next;
            continue;
        }
        let at = first_change(zone, t, next);
        let local = at.with_timezone(&zone.tz());
        let after = offset_at(zone, at);
        found.push(Change {
            at,
            before,
            after,
            daylight: after > before,
            name: local
                .offset()
                .abbreviation()
                .filter(|n| n.chars().all(|c| c.is_ascii_alphabetic()))
                .map(str::to_string),
        });
        t = at;
    }
    found
}

/// Which days of the month a yearly rule names, with its weekday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Week {
    /// The last one of the month.
    Last,
    /// The first one on or after this day (1: the first, 8: the second…; tzdata's
    /// "Sun>=2" is Chile's).
    From(u32),
}

/// "The `week` `weekday` of `month` at `time`", as RRULE's BYMONTH and BYDAY (and
/// BYMONTHDAY, for a rule that starts on another day than the 1st, 8th…) say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct YearlyRule {
    month: u32,
    weekday: Weekday,
    week: Week,
    time: NaiveTime,
}

impl YearlyRule {
    /// The one rule that gives every change of `chain` (one a year, alike in month,
    /// weekday and time), if there is one: the last weekday of the month when they all
    /// are, else the first on or after a day that fits them all (preferring the 1st, 8th,
    /// 15th, 22nd: "the n-th").
    fn of(chain: &[&Change]) -> Option<YearlyRule> {
        let first = chain.first()?.local();
        let days: Vec<NaiveDate> = chain.iter().map(|c| c.local().date()).collect();
        let is_last = |d: &NaiveDate| (*d + Duration::days(7)).month() != d.month();
        let week = if days.iter().all(is_last) {
            Week::Last
        } else {
            let lowest = days.iter().map(|d| d.day()).min()?;
            let highest = days.iter().map(|d| d.day()).max()?;
            let from = highest.saturating_sub(6).max(1);
            if from > lowest {
                return None;
            }
            let nth = (from..=lowest).find(|k| k % 7 == 1);
            Week::From(nth.unwrap_or(from))
        };
        Some(YearlyRule {
            month: first.month(),
            weekday: first.weekday(),
            week,
            time: first.time(),
        })
    }

    fn rrule(&self, until: Option<DateTime<Utc>>) -> String {
        let day = match self.weekday {
            Weekday::Mon => "MO",
            Weekday::Tue => "TU",
            Weekday::Wed => "WE",
            Weekday::Thu => "TH",
            Weekday::Fri => "FR",
            Weekday::Sat => "SA",
            Weekday::Sun => "SU",
        };
        let days = match self.week {
            Week::Last => format!("BYDAY=-1{day}"),
            Week::From(k) if k % 7 == 1 => format!("BYDAY={}{day}", k / 7 + 1),
            Week::From(k) => {
                let list: Vec<String> = (k..k + 7).map(|d| d.to_string()).collect();
                format!("BYMONTHDAY={};BYDAY={day}", list.join(","))
            }
        };
        let mut rule = format!("RRULE:FREQ=YEARLY;BYMONTH={};{days}", self.month);
        if let Some(until) = until {
            rule.push_str(";UNTIL=");
            rule.push_str(&utc_stamp(until));
        }
        rule
    }
}

/// "20261101T060000Z".
pub fn utc_stamp(t: DateTime<Utc>) -> String {
    local_stamp(t.naive_utc()) + "Z"
}

/// "20261101T020000": a wall-clock reading as iCalendar writes it.
pub fn local_stamp(t: NaiveDateTime) -> String {
    use chrono::Timelike;
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// "+0530", "-0400", "+1030"; seconds only when there are some.
fn offset_text(seconds: i64) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    let (h, m, rest) = (s / 3600, s % 3600 / 60, s % 60);
    if rest == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{rest:02}")
    }
}

/// Years of changes read to find a zone's rules, from the year of the first event.
const RULE_YEARS: i32 = 10;

/// The VTIMEZONE of `zone` for events between `first` and `last`: its rules from a year
/// before the first to the end of the year after the last (ten years at least), as
/// content lines (unfolded).
pub fn vtimezone(zone: &Zone, first: DateTime<Utc>, last: DateTime<Utc>) -> Vec<String> {
    // Enough years that a rule shows its every weekday position ("Sun>=2" falls on each
    // of the 2nd to the 8th within seven years), and at least the year after the last.
    let start_year = first.year() - 1;
    let end_year = (last.year() + 1).max(first.year() + RULE_YEARS);
    let year_start = |y: i32| {
        NaiveDate::from_ymd_opt(y, 1, 1)
            .unwrap_or_default()
            .and_time(NaiveTime::MIN)
            .and_utc()
    };
    let found = changes(zone, year_start(start_year), year_start(end_year + 1));
    let mut lines = vec![
        "BEGIN:VTIMEZONE".to_string(),
        format!("TZID:{}", zone.name()),
    ];
    if found.is_empty() {
        let offset = offset_text(offset_at(zone, first));
        lines.extend([
            "BEGIN:STANDARD".to_string(),
            "DTSTART:19700101T000000".to_string(),
            format!("TZOFFSETFROM:{offset}"),
            format!("TZOFFSETTO:{offset}"),
            "END:STANDARD".to_string(),
        ]);
    }
    for run in runs(&found) {
        let head = &found[run.first];
        let kind = if head.daylight {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        lines.push(format!("BEGIN:{kind}"));
        lines.push(format!("DTSTART:{}", local_stamp(head.local())));
        if let Some(rule) = run.rule {
            let tail = &found[run.last];
            // A rule still followed in the last year looked at goes on.
            let open = tail.local().year() >= end_year;
            lines.push(rule.rrule((!open).then_some(tail.at)));
        }
        lines.push(format!("TZOFFSETFROM:{}", offset_text(head.before)));
        lines.push(format!("TZOFFSETTO:{}", offset_text(head.after)));
        if let Some(name) = &head.name {
            lines.push(format!("TZNAME:{name}"));
        }
        lines.push(format!("END:{kind}"));
    }
    lines.push("END:VTIMEZONE".to_string());
    lines
}

/// Consecutive changes of one kind that one yearly rule gives (indexes into the list).
struct Run {
    first: usize,
    last: usize,
    rule: Option<YearlyRule>,
}

/// The changes as runs: each chain of changes alike (offsets, month, weekday, time), one
/// a year, that one rule gives, and each other change alone.
fn runs(found: &[Change]) -> Vec<Run> {
    let alike = |a: &Change, b: &Change| {
        let (x, y) = (a.local(), b.local());
        (a.before, a.after) == (b.before, b.after)
            && x.year() + 1 == y.year()
            && (x.month(), x.weekday(), x.time()) == (y.month(), y.weekday(), y.time())
    };
    let mut runs = Vec::new();
    let mut taken = vec![false; found.len()];
    for i in 0..found.len() {
        if taken[i] {
            continue;
        }
        let mut chain = vec![i];
        while let Some(j) = (chain[chain.len() - 1] + 1..found.len())
            .find(|j| !taken[*j] && alike(&found[chain[chain.len() - 1]], &found[*j]))
        {
            chain.push(j);
        }
        let changes: Vec<&Change> = chain.iter().map(|k| &found[*k]).collect();
        let rule = (chain.len() > 1)
            .then(|| YearlyRule::of(&changes))
            .flatten();
        match rule {
            Some(rule) => {
                chain.iter().for_each(|k| taken[*k] = true);
                runs.push(Run {
                    first: chain[0],
                    last: chain[chain.len() - 1],
                    rule: Some(rule),
                });
            }
            None => {
                taken[i] = true;
                runs.push(Run {
                    first: i,
                    last: i,
                    rule: None,
                });
            }
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn zone(name: &str) -> Zone {
        Zone::parse(name).unwrap()
    }

    fn utc(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap()
    }

    /// The components of a VTIMEZONE, each as its lines.
    fn components(lines: &[String]) -> Vec<Vec<String>> {
        let mut all = Vec::new();
        let mut current: Option<Vec<String>> = None;
        for line in lines {
            if line == "BEGIN:STANDARD" || line == "BEGIN:DAYLIGHT" {
                current = Some(vec![line.clone()]);
            } else if let Some(c) = current.as_mut() {
                c.push(line.clone());
                if line.starts_with("END:") {
                    all.push(current.take().unwrap());
                }
            }
        }
        all
    }

    /// Reads the components back by RFC 5545's rules (DTSTART, then the RRULE's yearly
    /// dates until UNTIL) and gives the offset in force at `t`: an independent reading of
    /// what we wrote, checked against the zone database.
    fn offset_by_vtimezone(lines: &[String], t: DateTime<Utc>) -> i64 {
        let parse_offset = |s: &str| {
            let sign = if s.starts_with('-') { -1 } else { 1 };
            let digits = &s[1..];
            let h: i64 = digits[0..2].parse().unwrap();
            let m: i64 = digits[2..4].parse().unwrap();
            sign * (h * 3600 + m * 60)
        };
        let mut onsets: Vec<(DateTime<Utc>, i64)> = Vec::new();
        let mut before_all = None;
        for c in components(lines) {
            let get = |key: &str| {
                c.iter()
                    .find_map(|l| l.strip_prefix(key).map(str::to_string))
            };
            let from = parse_offset(&get("TZOFFSETFROM:").unwrap());
            let to = parse_offset(&get("TZOFFSETTO:").unwrap());
            let start =
                NaiveDateTime::parse_from_str(&get("DTSTART:").unwrap(), "%Y%m%dT%H%M%S").unwrap();
            before_all.get_or_insert(from);
            let onset =
                |local: NaiveDateTime| Utc.from_utc_datetime(&(local - Duration::seconds(from)));
            onsets.push((onset(start), to));
            if let Some(rule) = get("RRULE:") {
                let part = |k: &str| {
                    rule.split(';')
                        .find_map(|p| p.strip_prefix(k).map(str::to_string))
                };
                let month: u32 = part("BYMONTH=").unwrap().parse().unwrap();
                let byday = part("BYDAY=").unwrap();
                let (week, day) = byday.split_at(byday.len() - 2);
                let week: i32 = if week.is_empty() {
                    1
                } else {
                    week.parse().unwrap()
                };
                let weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
                    .iter()
                    .position(|d| *d == day)
                    .unwrap() as u32;
                let until = part("UNTIL=").map(|u| {
                    NaiveDateTime::parse_from_str(u.trim_end_matches('Z'), "%Y%m%dT%H%M%S")
                        .unwrap()
                        .and_utc()
                });
                let monthdays: Option<Vec<u32>> =
                    part("BYMONTHDAY=").map(|l| l.split(',').map(|d| d.parse().unwrap()).collect());
                for year in start.year() + 1..start.year() + 40 {
                    let days: Vec<NaiveDate> = (1..=31)
                        .filter_map(|d| NaiveDate::from_ymd_opt(year, month, d))
                        .filter(|d| d.weekday().num_days_from_monday() == weekday)
                        .filter(|d| monthdays.as_ref().is_none_or(|l| l.contains(&d.day())))
                        .collect();
                    let date = if week < 0 {
                        *days.last().unwrap()
                    } else {
                        days[week.max(1) as usize - 1]
                    };
                    let at = onset(date.and_time(start.time()));
                    if until.is_some_and(|u| at > u) {
                        break;
                    }
                    onsets.push((at, to));
                }
            }
        }
        onsets.sort();
        onsets
            .iter()
            .rev()
            .find(|(at, _)| *at <= t)
            .map(|(_, to)| *to)
            .or(before_all)
            .unwrap()
    }

    /// Every fifth hour of the years after `first` (so every hour of the day in turn) and
    /// each second around every real change read the same offset from the VTIMEZONE as
    /// from the zone database.
    fn agrees(name: &str, first: DateTime<Utc>, years: i32) {
        let z = zone(name);
        let lines = vtimezone(&z, first, first);
        let end = first + Duration::days(365 * i64::from(years));
        let mut t = first;
        while t < end {
            assert_eq!(
                offset_by_vtimezone(&lines, t),
                offset_at(&z, t),
                "{name} at {t}\n{lines:#?}"
            );
            t += Duration::hours(5);
        }
        for c in changes(&z, first, end) {
            for s in [-1, 0, 1] {
                let at = c.at + Duration::seconds(s);
                assert_eq!(
                    offset_by_vtimezone(&lines, at),
                    offset_at(&z, at),
                    "{name} at {at}"
                );
            }
        }
    }

    #[test]
    fn toronto_is_two_yearly_rules_from_the_year_before() {
        let lines = vtimezone(&zone("America/Toronto"), utc(2026, 12, 9), utc(2027, 12, 1));
        assert_eq!(lines[1], "TZID:America/Toronto");
        let c = components(&lines);
        assert_eq!(c.len(), 2, "{lines:#?}");
        assert_eq!(
            c[0],
            [
                "BEGIN:DAYLIGHT",
                "DTSTART:20250309T020000",
                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
                "TZOFFSETFROM:-0500",
                "TZOFFSETTO:-0400",
                "TZNAME:EDT",
                "END:DAYLIGHT"
            ]
        );
        assert_eq!(
            c[1],
            [
                "BEGIN:STANDARD",
                "DTSTART:20251102T020000",
                "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
                "TZOFFSETFROM:-0400",
                "TZOFFSETTO:-0500",
                "TZNAME:EST",
                "END:STANDARD"
            ]
        );
    }

    #[test]
    fn london_changes_on_the_last_sunday() {
        let lines = vtimezone(&zone("Europe/London"), utc(2026, 6, 1), utc(2026, 6, 1));
        assert!(lines.contains(&"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU".to_string()));
        assert!(lines.contains(&"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU".to_string()));
        assert!(
            lines.contains(&"DTSTART:20251026T020000".to_string()),
            "{lines:#?}"
        );
    }

    #[test]
    fn a_rule_from_another_day_than_the_first_is_written_with_its_days() {
        // Chile changes on the first Sunday on or after the 2nd (tzdata's "Sun>=2").
        let lines = vtimezone(&zone("America/Santiago"), utc(2027, 4, 1), utc(2027, 4, 8));
        assert!(
            lines.contains(
                &"RRULE:FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=2,3,4,5,6,7,8;BYDAY=SU".to_string()
            ),
            "{lines:#?}"
        );
    }

    #[test]
    fn a_zone_without_changes_is_one_standard_offset() {
        let lines = vtimezone(&zone("Asia/Kolkata"), utc(2026, 6, 1), utc(2027, 6, 1));
        assert_eq!(
            lines,
            [
                "BEGIN:VTIMEZONE",
                "TZID:Asia/Kolkata",
                "BEGIN:STANDARD",
                "DTSTART:19700101T000000",
                "TZOFFSETFROM:+0530",
                "TZOFFSETTO:+0530",
                "END:STANDARD",
                "END:VTIMEZONE"
            ]
        );
    }

    #[test]
    fn lord_howe_keeps_its_half_hour_change() {
        let lines = vtimezone(
            &zone("Australia/Lord_Howe"),
            utc(2026, 6, 1),
            utc(2026, 6, 1),
        );
        assert!(lines.contains(&"TZOFFSETFROM:+1030".to_string()));
        assert!(lines.contains(&"TZOFFSETTO:+1100".to_string()));
    }

    #[test]
    fn the_rules_read_back_agree_with_the_zone_database_for_years() {
        for name in [
            "America/Toronto",
            "America/St_Johns",
            "Europe/London",
            "Europe/Paris",
            "Australia/Sydney",
            "Australia/Lord_Howe",
            "America/Santiago",
            "Pacific/Auckland",
            "Asia/Kolkata",
            "America/Regina",
        ] {
            agrees(name, utc(2026, 1, 15), 3);
        }
    }

    #[test]
    fn irregular_changes_are_components_of_their_own() {
        // Casablanca leaves its usual offset for Ramadan, on dates that move each year.
        agrees("Africa/Casablanca", utc(2026, 1, 15), 2);
        let lines = vtimezone(
            &zone("Africa/Casablanca"),
            utc(2026, 1, 15),
            utc(2026, 1, 15),
        );
        let dated = components(&lines)
            .iter()
            .filter(|c| !c.iter().any(|l| l.starts_with("RRULE:")))
            .count();
        assert!(dated >= 4, "{lines:#?}");
    }
}

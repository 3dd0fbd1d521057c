//! A member's own calendar (an iCalendar file) read as busy time: every event that keeps
//! them busy, each occurrence of a recurring one, within a window. Free (TRANSPARENT,
//! Outlook's FREE) and cancelled events are not busy; an occurrence moved or cancelled on
//! its own (RECURRENCE-ID) replaces the rule's; EXDATE removes one. Times are read in the
//! zone each event names (IANA, Outlook's Windows names, Mozilla's prefixed ones, or the
//! VTIMEZONE's X-LIC-LOCATION), floating times in the calendar's X-WR-TIMEZONE or else
//! the member's, all-day events as whole days on the member's clock. Nothing else of an
//! event (title, place, people) is kept.
use super::content::{read, Component, ContentError, Property};
use super::rrule::{RRule, Until};
use crate::scheduling::interval::{Span, SpanSet};
use crate::scheduling::wall_clock::{local, resolve};
use crate::zone::Zone;
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use std::collections::{HashMap, HashSet};

/// What to read and for whom.
pub struct BusyWindow<'a> {
    /// The member's zone: all-day events are their days, and floating times their clock
    /// unless the calendar names its own.
    pub home: Zone,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// Events this platform sent (their UIDs): already busy time of their own.
    pub ours: &'a (dyn Fn(&str) -> bool + Sync),
}

/// The busy time read, and what could not be.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BusyRead {
    /// Merged, within the window.
    pub spans: Vec<Span>,
    /// Events that keep the member busy at some time in the window.
    pub busy_events: u32,
    /// Events left out because their time could not be read (an unknown zone, a missing
    /// or bad start).
    pub unreadable: u32,
    /// Recurring events whose rule uses parts not expanded: only their first time counts.
    pub rules_not_expanded: u32,
}

/// Most occurrences one event adds (a daily event over a year is 366).
const MAX_OCCURRENCES: usize = 2_000;

/// When an event starts: a whole day, or a wall-clock reading in a zone (UTC for `Z`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum When {
    Day(NaiveDate),
    At(NaiveDateTime, Zone),
}

/// The zones a file's events may name.
struct Zones {
    /// TZID → IANA name given by the file's own VTIMEZONE (X-LIC-LOCATION).
    located: HashMap<String, Zone>,
    floating: Zone,
}

impl Zones {
    fn of(calendar: &Component, home: Zone) -> Zones {
        let located = calendar
            .children
            .iter()
            .filter(|c| c.name == "VTIMEZONE")
            .filter_map(|tz| {
                let id = tz.value("TZID")?.to_string();
                let zone = tz.value("X-LIC-LOCATION").and_then(zone_named)?;
                Some((id, zone))
            })
            .collect();
        let floating = calendar
            .value("X-WR-TIMEZONE")
            .and_then(zone_named)
            .unwrap_or(home);
        Zones { located, floating }
    }

    fn zone(&self, tzid: &str) -> Option<Zone> {
        zone_named(tzid).or_else(|| self.located.get(tzid.trim()).copied())
    }
}

/// The zone a TZID names: an IANA name, one with a path before it
/// (`/mozilla.org/20070129_1/Europe/Paris`), or a Windows name ("Eastern Standard Time",
/// CLDR's mapping).
pub fn zone_named(tzid: &str) -> Option<Zone> {
    let tzid = tzid.trim().trim_matches('"');
    if let Some(zone) = Zone::parse(tzid) {
        return Some(zone);
    }
    if let Some(zone) = tzid
        .match_indices('/')
        .find_map(|(at, _)| Zone::parse(&tzid[at + 1..]))
    {
        return Some(zone);
    }
    localzone::win_zone_to_iana(tzid, None).and_then(Zone::parse)
}

fn utc() -> Zone {
    Zone::parse("UTC").expect("UTC is a zone")
}

/// A DATE or DATE-TIME value with the property's parameters.
fn when_of(value: &str, prop: &Property, zones: &Zones) -> Option<When> {
    let value = value.trim();
    let is_date = prop
        .param("VALUE")
        .is_some_and(|v| v.eq_ignore_ascii_case("DATE"))
        || (value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()));
    if is_date {
        return NaiveDate::parse_from_str(value, "%Y%m%d")
            .ok()
            .map(When::Day);
    }
    if let Some(utc_text) = value.strip_suffix('Z').or_else(|| value.strip_suffix('z')) {
        let at = NaiveDateTime::parse_from_str(utc_text, "%Y%m%dT%H%M%S").ok()?;
        return Some(When::At(at, utc()));
    }
    let at = NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S").ok()?;
    let zone = match prop.param("TZID") {
        Some(tzid) => zones.zone(tzid)?,
        None => zones.floating,
    };
    Some(When::At(at, zone))
}

/// Every value of a list property (EXDATE, RDATE), `None` when one cannot be read. A
/// PERIOD keeps its start.
fn whens_of(prop: &Property, zones: &Zones) -> Option<Vec<When>> {
    prop.value
        .split(',')
        .filter(|v| !v.trim().is_empty())
        .map(|v| when_of(v.split('/').next().unwrap_or(v), prop, zones))
        .collect()
}

/// RFC 5545's DURATION (`P1D`, `PT1H30M`, `P2W`); negative ones are not durations here.
fn duration_of(text: &str) -> Option<Duration> {
    let text = text.trim();
    let text = text.strip_prefix('+').unwrap_or(text);
    let mut rest = text.strip_prefix('P')?;
    let mut total = Duration::zero();
    let mut in_time = false;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('T') {
            in_time = true;
            rest = after;
            continue;
        }
        let digits = rest.find(|c: char| !c.is_ascii_digit())?;
        let n: i64 = rest[..digits].parse().ok()?;
        let unit = rest[digits..].chars().next()?;
        let part = match (unit, in_time) {
            ('W', false) => Duration::try_weeks(n),
            ('D', false) => Duration::try_days(n),
            ('H', true) => Duration::try_hours(n),
            ('M', true) => Duration::try_minutes(n),
            ('S', true) => Duration::try_seconds(n),
            _ => None,
        }?;
        total = total.checked_add(&part)?;
        rest = &rest[digits + unit.len_utf8()..];
    }
    Some(total)
}

/// What an occurrence is matched by: its instant, or its day for all-day events (and
/// for an EXDATE written as a date on a timed event).
#[derive(Default)]
struct Removed {
    instants: HashSet<DateTime<Utc>>,
    days: HashSet<NaiveDate>,
}

impl Removed {
    fn add(&mut self, when: When) {
        match when {
            When::Day(d) => {
                self.days.insert(d);
            }
            When::At(at, zone) => {
                self.instants.insert(resolve(&zone, at));
            }
        }
    }

    fn holds(&self, start: DateTime<Utc>, day: NaiveDate) -> bool {
        self.instants.contains(&start) || self.days.contains(&day)
    }
}

fn is_free(event: &Component) -> bool {
    let upper = |name: &str| event.value(name).map(str::to_ascii_uppercase);
    upper("TRANSP").as_deref() == Some("TRANSPARENT")
        || upper("X-MICROSOFT-CDO-BUSYSTATUS").as_deref() == Some("FREE")
        || upper("STATUS").as_deref() == Some("CANCELLED")
}

/// The busy time of the calendar `text` within `window`.
pub fn busy_times(text: &str, window: &BusyWindow<'_>) -> Result<BusyRead, ContentError> {
    let top = read(text)?;
    let mut read = BusyRead::default();
    let mut spans = Vec::new();
    for calendar in top.iter().filter(|c| c.name == "VCALENDAR") {
        let zones = Zones::of(calendar, window.home);
        let events: Vec<&Component> = calendar
            .children
            .iter()
            .filter(|c| c.name == "VEVENT")
            .filter(|e| !e.value("UID").is_some_and(|uid| (window.ours)(uid)))
            .collect();
        // Occurrences moved or cancelled on their own replace their rule's.
        let mut replaced: HashMap<&str, Removed> = HashMap::new();
        for event in &events {
            let (Some(uid), Some(id)) = (event.value("UID"), event.prop("RECURRENCE-ID")) else {
                continue;
            };
            match when_of(&id.value, id, &zones) {
                Some(when) => replaced.entry(uid).or_default().add(when),
                None => read.unreadable += 1,
            }
        }
        for event in events {
            if is_free(event) {
                continue;
            }
            let removed = match (event.prop("RECURRENCE-ID"), event.value("UID")) {
                (None, Some(uid)) => replaced.get(uid),
                _ => None,
            };
            match occurrences(event, &zones, window, removed, &mut read) {
                Some(found) if !found.is_empty() => {
                    read.busy_events += 1;
                    spans.extend(found);
                }
                Some(_) => {}
                None => read.unreadable += 1,
            }
        }
    }
    let window_span = Span::new(window.from, window.to);
    read.spans = SpanSet::from_spans(spans)
        .spans()
        .iter()
        .filter(|s| s.overlaps(&window_span))
        .map(|s| Span::new(s.start.max(window.from), s.end.min(window.to)))
        .collect();
    Ok(read)
}

/// An occurrence's span from its local start (`None` past the calendar's end).
type SpanOf = Box<dyn Fn(NaiveDateTime) -> Option<Span>>;

/// The busy spans of one event inside the window; `None` when its time cannot be read.
fn occurrences(
    event: &Component,
    zones: &Zones,
    window: &BusyWindow<'_>,
    removed: Option<&Removed>,
    read: &mut BusyRead,
) -> Option<Vec<Span>> {
    let start_prop = event.prop("DTSTART")?;
    let start = when_of(&start_prop.value, start_prop, zones)?;
    let end = match event.prop("DTEND") {
        Some(p) => Some(when_of(&p.value, p, zones)?),
        None => None,
    };
    let duration = match event.value("DURATION") {
        Some(text) => Some(duration_of(text)?),
        None => None,
    };
    // Each occurrence: its first instant, its end, and its day (to match EXDATEs).
    let (zone, first_local, span_of): (Zone, NaiveDateTime, SpanOf) = match start {
        When::Day(day) => {
            let days = match (end, duration) {
                (Some(When::Day(last)), _) => (last - day).num_days().max(1),
                (_, Some(d)) => d.num_days().max(1),
                _ => 1,
            };
            let home = window.home;
            let midnight = day.and_time(NaiveTime::MIN);
            (
                home,
                midnight,
                Box::new(move |s: NaiveDateTime| {
                    let end = s.checked_add_signed(Duration::try_days(days)?)?;
                    Some(Span::new(resolve(&home, s), resolve(&home, end)))
                }),
            )
        }
        When::At(at, zone) => {
            let first = resolve(&zone, at);
            // DTEND gives every occurrence the same exact length (RFC 5545 §3.8.5.3).
            let length = match (end, duration) {
                (Some(When::At(e, ez)), _) => resolve(&ez, e) - first,
                (Some(When::Day(d)), _) => resolve(&zone, d.and_time(NaiveTime::MIN)) - first,
                (None, Some(d)) => d,
                (None, None) => Duration::zero(),
            };
            if length <= Duration::zero() {
                return Some(Vec::new());
            }
            (
                zone,
                at,
                Box::new(move |s: NaiveDateTime| {
                    let begin = resolve(&zone, s);
                    Some(Span::new(begin, begin.checked_add_signed(length)?))
                }),
            )
        }
    };
    let mut excluded = Removed::default();
    for prop in event.props("EXDATE") {
        for when in whens_of(prop, zones)? {
            excluded.add(when);
        }
    }
    let mut starts = vec![first_local];
    if let Some(rule) = event.value("RRULE") {
        let until = |text: &str| {
            let until_prop = Property {
                name: "UNTIL".into(),
                params: Vec::new(),
                value: text.to_string(),
            };
            match when_of(text, &until_prop, zones)? {
                When::Day(d) => Some(Until::Local(d.and_hms_opt(23, 59, 59)?)),
                When::At(at, z) if z == utc() => Some(Until::Instant(resolve(&z, at))),
                When::At(at, _) => Some(Until::Local(at)),
            }
        };
        match RRule::parse(rule, until) {
            Ok(rule) => {
                // A day's margin on each side covers long events and zone offsets.
                let skip_before = local(&zone, window.from) - Duration::days(2);
                let limit = local(&zone, window.to) + Duration::days(1);
                let stop = rule.until;
                let past_until = |s: NaiveDateTime| match stop {
                    Some(Until::Instant(u)) => resolve(&zone, s) > u,
                    Some(Until::Local(u)) => s > u,
                    None => false,
                };
                starts = rule.starts(
                    first_local,
                    (skip_before, limit),
                    MAX_OCCURRENCES,
                    past_until,
                );
            }
            Err(_) => read.rules_not_expanded += 1,
        }
    }
    for prop in event.props("RDATE") {
        for when in whens_of(prop, zones)? {
            starts.push(match when {
                When::Day(d) => d.and_time(NaiveTime::MIN),
                When::At(at, z) => local(&zone, resolve(&z, at)),
            });
        }
    }
    let window_span = Span::new(window.from, window.to);
    Some(
        starts
            .into_iter()
            .filter(|&s| {
                let instant = resolve(&zone, s);
                !excluded.holds(instant, s.date())
                    && !removed.is_some_and(|r| r.holds(instant, s.date()))
            })
            .filter_map(span_of)
            .filter(|span| span.overlaps(&window_span))
            .collect(),
    )
}

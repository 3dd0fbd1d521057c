//! What the booking page and the relationship page's meetings tile show: built on the
//! server in the viewer's zone, read on both sides. The page's address carries the
//! dialog's choices, so the page works as plain links and forms without JavaScript.
use super::model::{
    Answer, DayOffer, Frequency, MeetingStatus, MeetingType, SeriesScope, SlotOffer,
};
use crate::i18n::LocalDateTime;
use crate::iso_date::{iso_date, parse_iso_date};
use crate::zone::ZoneLabel;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// The booking page of a relationship.
pub fn booking_path(relationship_id: i64) -> String {
    format!("/relationships/{relationship_id}/book")
}

/// The parts of a day the slot list is grouped in, on the viewer's clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayPart {
    /// Before 12:00.
    Morning,
    /// 12:00 to 17:00.
    Afternoon,
    /// From 17:00.
    Evening,
}

impl DayPart {
    pub const ALL: [DayPart; 3] = [Self::Morning, Self::Afternoon, Self::Evening];

    pub fn of(minute: u16) -> Self {
        match minute {
            0..720 => Self::Morning,
            720..1020 => Self::Afternoon,
            _ => Self::Evening,
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Morning => "booking-morning",
            Self::Afternoon => "booking-afternoon",
            Self::Evening => "booking-evening",
        }
    }
}

/// A day's slots that start in `part`.
pub fn slots_in(day: &DayOffer, part: DayPart) -> Vec<SlotOffer> {
    day.slots
        .iter()
        .filter(|s| DayPart::of(s.minute) == part)
        .cloned()
        .collect()
}

/// A month as the calendar grid shows it: weeks from Monday, days outside it empty.
pub fn month_weeks(year: i32, month: u32) -> Vec<[Option<NaiveDate>; 7]> {
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
        return Vec::new();
    };
    let mut weeks = Vec::new();
    let mut week = [None; 7];
    let mut day = first;
    while day.month() == month {
        let col = day.weekday().num_days_from_monday() as usize;
        week[col] = Some(day);
        if col == 6 {
            weeks.push(week);
            week = [None; 7];
        }
        day += Duration::days(1);
    }
    if week.iter().any(Option::is_some) {
        weeks.push(week);
    }
    weeks
}

/// A date's (year, month), and its day of the month (for crates without chrono).
pub fn year_month(date: NaiveDate) -> (i32, u32) {
    (date.year(), date.month())
}

pub fn day_number(date: NaiveDate) -> u32 {
    date.day()
}

/// A date's column in the calendar grids: 0 for Monday.
pub fn weekday_column(date: NaiveDate) -> u32 {
    date.weekday().num_days_from_monday()
}

/// The months before and after (year, month).
pub fn neighbour_months(year: i32, month: u32) -> ((i32, u32), (i32, u32)) {
    let before = if month == 1 {
        (year - 1, 12)
    } else {
        (year, month - 1)
    };
    let after = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    (before, after)
}

/// The value of a slot's radio button: its start on the viewer's clock, then the dates of
/// the series' occurrences that collide, which choosing it agrees to leave out
/// ("2026-12-09T10:00|2026-12-23,2027-01-06").
pub fn slot_value(date: NaiveDate, slot: &SlotOffer) -> String {
    let start = format!("{}T{}", iso_date(date), super::model::clock(slot.minute));
    if slot.conflicts.is_empty() {
        start
    } else {
        let dates: Vec<String> = slot.conflicts.iter().map(|d| iso_date(*d)).collect();
        format!("{start}|{}", dates.join(","))
    }
}

/// Reads `slot_value`; `None` when it does not.
pub fn parse_slot(text: &str) -> Option<(NaiveDateTime, Vec<NaiveDate>)> {
    let (start, skip) = text.trim().split_once('|').unwrap_or((text.trim(), ""));
    let (date, time) = start.split_once('T')?;
    let minute = super::model::parse_clock(time).filter(|m| *m < super::model::DAY_MINUTES)?;
    let first =
        parse_iso_date(date)?.and_time(chrono::NaiveTime::MIN) + Duration::minutes(minute.into());
    let mut dates = Vec::new();
    for d in skip.split(',').filter(|d| !d.is_empty()) {
        dates.push(parse_iso_date(d)?);
    }
    Some((first, dates))
}

/// The booking dialog's choices once the server has read them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingChoice {
    pub minutes: u32,
    pub frequency: Frequency,
    /// The number of occurrences of a series (used when `until` is empty).
    pub occurrences: u32,
    #[serde(with = "crate::iso_date::optional")]
    pub until: Option<NaiveDate>,
    /// The month the calendar shows.
    pub year: i32,
    pub month: u32,
    /// The day whose times are listed.
    #[serde(with = "crate::iso_date::optional")]
    pub day: Option<NaiveDate>,
    /// The page moves this meeting instead of booking one.
    pub moving: Option<MoveChoice>,
}

/// The meeting the booking page moves, and which of its series' occurrences move with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveChoice {
    pub meeting_id: i64,
    pub scope: SeriesScope,
}

/// The booking page of a relationship, moving one of its meetings.
pub fn reschedule_path(relationship_id: i64, meeting_id: i64) -> String {
    format!("{}?meeting={meeting_id}", booking_path(relationship_id))
}

/// The meeting being moved, as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MovingMeeting {
    pub start: LocalDateTime,
    pub end: LocalDateTime,
    /// Part of a series: the viewer may move the later occurrences too.
    pub in_series: bool,
    /// How many occurrences move with this choice of scope.
    pub count: usize,
}

impl BookingChoice {
    /// The page's query string for these choices, showing `month` and `day`.
    pub fn query_for(&self, (year, month): (i32, u32), day: Option<NaiveDate>) -> String {
        let mut q = format!(
            "?minutes={}&frequency={}&occurrences={}&until={}&month={year:04}-{month:02}",
            self.minutes,
            self.frequency.as_str(),
            self.occurrences,
            self.until.map(iso_date).unwrap_or_default(),
        );
        if let Some(day) = day {
            q.push_str("&day=");
            q.push_str(&iso_date(day));
        }
        if let Some(m) = self.moving {
            q.push_str(&format!(
                "&meeting={}&scope={}",
                m.meeting_id,
                m.scope.as_str()
            ));
        }
        q
    }
}

/// The booking page: who the meeting is with, the choices, and the month's free times
/// on the viewer's clock.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BookingOffer {
    pub relationship_id: i64,
    pub mentor_name: String,
    pub mentee_name: String,
    /// The other member, for one of the pair (empty for an administrator).
    pub partner_name: String,
    /// An administrator books for the pair (and may attend).
    pub for_pair: bool,
    pub zone_label: ZoneLabel,
    /// The meeting types the program allows, and whether it has a video room of its own.
    pub meeting_types: Vec<MeetingType>,
    pub program_room: bool,
    pub choice: BookingChoice,
    #[serde(with = "crate::iso_date::serde_date")]
    pub today: NaiveDate,
    /// The month's days from today on, each with its free times.
    pub days: Vec<DayOffer>,
    pub moving: Option<MovingMeeting>,
}

impl BookingOffer {
    pub fn day(&self, date: NaiveDate) -> Option<&DayOffer> {
        self.days.iter().find(|d| d.date == date)
    }
}

/// A participant of a meeting and their answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub name: String,
    pub answer: Answer,
    pub is_viewer: bool,
}

/// One occurrence as the meetings tile lists it, in the viewer's zone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingView {
    pub id: i64,
    pub start: LocalDateTime,
    pub end: LocalDateTime,
    pub minutes: u32,
    pub status: MeetingStatus,
    pub meeting_type: MeetingType,
    pub location: String,
    pub agenda: String,
    /// Part of a series (answers may cover the later occurrences).
    pub in_series: bool,
    pub organiser_name: String,
    pub participants: Vec<Participant>,
    /// The viewer's answer, when they are invited and the meeting is still to come.
    pub viewer_answer: Option<Answer>,
    /// The viewer may cancel or move it (a participant or the program's administrator;
    /// still to come).
    pub can_change: bool,
    /// Moved on its own from its place in the series.
    pub moved: bool,
}

/// The longest note on a meeting logged by hand.
pub const LOGGED_NOTE_MAX: usize = 1_000;

/// A meeting held outside the platform, logged with "+" beside "Number of meetings".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedMeetingView {
    pub id: i64,
    #[serde(with = "crate::iso_date::serde_date")]
    pub day: NaiveDate,
    pub minutes: u32,
    pub meeting_type: MeetingType,
    pub note: String,
    /// Who logged it.
    pub logged_by: String,
}

/// The meetings tile of a relationship page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RelationshipMeetings {
    /// Scheduled and not over, soonest first.
    pub upcoming: Vec<MeetingView>,
    /// Held or cancelled, latest first.
    pub past: Vec<MeetingView>,
    /// Meetings logged by hand, latest first.
    pub logged: Vec<LoggedMeetingView>,
    /// Held meetings, those logged included, and their minutes ("Number of meetings",
    /// "Number of hours").
    pub held: u32,
    pub held_minutes: u32,
    /// The relationship is current: meetings can be booked.
    pub can_book: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn day_parts_split_at_noon_and_five() {
        assert_eq!(DayPart::of(0), DayPart::Morning);
        assert_eq!(DayPart::of(11 * 60 + 45), DayPart::Morning);
        assert_eq!(DayPart::of(12 * 60), DayPart::Afternoon);
        assert_eq!(DayPart::of(16 * 60 + 30), DayPart::Afternoon);
        assert_eq!(DayPart::of(17 * 60), DayPart::Evening);
        let day = DayOffer {
            date: date(2026, 12, 9),
            slots: [540, 720, 1080]
                .map(|minute| SlotOffer {
                    minute,
                    conflicts: vec![],
                })
                .to_vec(),
        };
        let minutes = |p| {
            slots_in(&day, p)
                .iter()
                .map(|s| s.minute)
                .collect::<Vec<_>>()
        };
        assert_eq!(minutes(DayPart::Morning), vec![540]);
        assert_eq!(minutes(DayPart::Afternoon), vec![720]);
        assert_eq!(minutes(DayPart::Evening), vec![1080]);
    }

    #[test]
    fn months_are_laid_out_from_monday() {
        // December 2026 starts on a Tuesday and ends on a Thursday.
        let weeks = month_weeks(2026, 12);
        assert_eq!(weeks.len(), 5);
        assert_eq!(weeks[0][0], None);
        assert_eq!(weeks[0][1], Some(date(2026, 12, 1)));
        assert_eq!(weeks[4][3], Some(date(2026, 12, 31)));
        assert_eq!(weeks[4][4], None);
        // February 2027 starts on a Monday: four full weeks.
        assert_eq!(month_weeks(2027, 2).len(), 4);
        assert!(month_weeks(2026, 13).is_empty());
        assert_eq!(neighbour_months(2026, 1), ((2025, 12), (2026, 2)));
        assert_eq!(neighbour_months(2026, 12), ((2026, 11), (2027, 1)));
    }

    #[test]
    fn slot_values_carry_the_dates_left_out() {
        let plain = SlotOffer {
            minute: 600,
            conflicts: vec![],
        };
        let value = slot_value(date(2026, 12, 9), &plain);
        assert_eq!(value, "2026-12-09T10:00");
        let (first, skip) = parse_slot(&value).unwrap();
        assert_eq!(first, date(2026, 12, 9).and_hms_opt(10, 0, 0).unwrap());
        assert!(skip.is_empty());
        let taken = SlotOffer {
            minute: 570,
            conflicts: vec![date(2026, 12, 23), date(2027, 1, 6)],
        };
        let value = slot_value(date(2026, 12, 9), &taken);
        assert_eq!(value, "2026-12-09T09:30|2026-12-23,2027-01-06");
        assert_eq!(parse_slot(&value).unwrap().1, taken.conflicts);
        for bad in [
            "",
            "2026-12-09",
            "2026-12-09T24:00",
            "2026-12-09T10:00|x",
            "x T10:00",
        ] {
            assert_eq!(parse_slot(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_query_keeps_every_choice() {
        let choice = BookingChoice {
            minutes: 45,
            frequency: Frequency::Weekly,
            occurrences: 6,
            until: None,
            year: 2026,
            month: 12,
            day: Some(date(2026, 12, 9)),
            moving: None,
        };
        assert_eq!(
            choice.query_for((2027, 1), None),
            "?minutes=45&frequency=weekly&occurrences=6&until=&month=2027-01"
        );
        assert_eq!(
            choice.query_for((2026, 12), choice.day),
            "?minutes=45&frequency=weekly&occurrences=6&until=&month=2026-12&day=2026-12-09"
        );
        let moving = BookingChoice {
            moving: Some(MoveChoice {
                meeting_id: 7,
                scope: SeriesScope::Following,
            }),
            ..choice
        };
        assert_eq!(
            moving.query_for((2027, 1), None),
            "?minutes=45&frequency=weekly&occurrences=6&until=&month=2027-01&meeting=7&scope=following"
        );
        assert_eq!(reschedule_path(3, 7), "/relationships/3/book?meeting=7");
    }
}

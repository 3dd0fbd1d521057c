//! Meetings and availability as both sides see them: the choices the booking dialog
//! offers, weekly windows and their rules. Nothing here needs the zone database.
use crate::error::{AppError, ValidationCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The member's availability page.
pub const AVAILABILITY_PATH: &str = "/calendar/availability";

/// The meeting lengths the booking dialog offers, in minutes.
pub const DURATIONS: [u32; 6] = [15, 30, 45, 60, 90, 120];

/// A series has between these many occurrences, however its end is given.
pub const MIN_OCCURRENCES: u32 = 2;
pub const MAX_OCCURRENCES: u32 = 52;

/// The longest agenda, location and note of a logged meeting.
pub const AGENDA_MAX: usize = 2_000;
pub const LOCATION_MAX: usize = 300;

/// Minutes in a day: a window may end at 24:00.
pub const DAY_MINUTES: u16 = 1440;

/// How many windows a member keeps in a week, and exceptions on dates.
pub const WINDOWS_MAX: usize = 50;
pub const EXCEPTIONS_MAX: usize = 200;

crate::text_enum! {
    /// How often a meeting repeats (the dialog's "Frequency").
    pub enum Frequency {
        Once = "none",
        Daily = "daily",
        Weekly = "weekly",
        Monthly = "monthly",
        Yearly = "yearly",
    }
}

impl Frequency {
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Once => "meeting-frequency-none",
            Self::Daily => "meeting-frequency-daily",
            Self::Weekly => "meeting-frequency-weekly",
            Self::Monthly => "meeting-frequency-monthly",
            Self::Yearly => "meeting-frequency-yearly",
        }
    }
}

crate::text_enum! {
    /// How the members meet; a program allows some of these.
    pub enum MeetingType {
        Video = "video",
        InPerson = "in_person",
        Phone = "phone",
    }
}

impl MeetingType {
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Video => "meeting-type-video",
            Self::InPerson => "meeting-type-in_person",
            Self::Phone => "meeting-type-phone",
        }
    }

    /// "video,phone" → the types, in the enum's order; unknown codes are an error.
    pub fn parse_list(text: &str) -> Option<Vec<MeetingType>> {
        let mut types = Vec::new();
        for code in text.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            types.push(MeetingType::parse(code)?);
        }
        types.sort();
        types.dedup();
        Some(types)
    }

    pub fn list_text(types: &[MeetingType]) -> String {
        types
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }
}

crate::text_enum! {
    /// A participant's answer to a meeting invitation (the Meetings tab's ✓ ✗ ?).
    pub enum Answer {
        Pending = "none",
        Accepted = "accepted",
        Declined = "declined",
        Maybe = "maybe",
    }
}

impl Answer {
    /// The answers a participant gives, in the order they are offered.
    pub const GIVEN: [Answer; 3] = [Answer::Accepted, Answer::Declined, Answer::Maybe];

    /// The button that gives this answer ("Accept").
    pub fn action_key(self) -> &'static str {
        match self {
            Self::Accepted => "meetings-accept",
            Self::Declined => "meetings-decline",
            Self::Maybe => "meetings-maybe",
            Self::Pending => "meeting-answer-none",
        }
    }

    /// The mark the Meetings tab shows beside the participant's name.
    pub fn mark(self) -> &'static str {
        match self {
            Self::Accepted => "✓",
            Self::Declined => "✗",
            Self::Pending | Self::Maybe => "?",
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Pending => "meeting-answer-none",
            Self::Accepted => "meeting-answer-accepted",
            Self::Declined => "meeting-answer-declined",
            Self::Maybe => "meeting-answer-maybe",
        }
    }

    /// A participant who declined is free at that time; any other answer keeps it busy.
    pub fn keeps_busy(self) -> bool {
        self != Self::Declined
    }
}

crate::text_enum! {
    /// What became of one occurrence of a series. Moving an occurrence keeps it
    /// scheduled (at its new time, `moved`); these are the only other outcomes.
    pub enum OccurrenceState {
        Scheduled = "scheduled",
        Cancelled = "cancelled",
        /// Left out when the series was booked, because that date was taken.
        Excluded = "excluded",
    }
}

crate::text_enum! {
    /// Where a meeting stands for the Meetings tab: derived, never stored.
    pub enum MeetingStatus {
        Scheduled = "scheduled",
        Held = "held",
        Cancelled = "cancelled",
    }
}

impl MeetingStatus {
    /// The one definition of a held meeting: scheduled and over. (The SQL that sums held
    /// meetings is built from this enum's codes in the backend's meetings repository, and
    /// a repository test checks the two agree.)
    pub fn of(
        state: OccurrenceState,
        ends: chrono::DateTime<chrono::Utc>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Option<MeetingStatus> {
        match state {
            OccurrenceState::Scheduled if ends <= now => Some(Self::Held),
            OccurrenceState::Scheduled => Some(Self::Scheduled),
            OccurrenceState::Cancelled => Some(Self::Cancelled),
            OccurrenceState::Excluded => None,
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Scheduled => "meeting-status-scheduled",
            Self::Held => "meeting-status-held",
            Self::Cancelled => "meeting-status-cancelled",
        }
    }
}

crate::text_enum! {
    /// Which occurrences a change to a series applies to.
    pub enum SeriesScope {
        This = "this",
        Following = "following",
        All = "all",
    }
}

impl SeriesScope {
    /// A form's choice of occurrences; blank is this one alone.
    pub fn from_form(text: &str) -> Result<SeriesScope, AppError> {
        match text.trim() {
            "" => Ok(Self::This),
            code => Self::parse(code)
                .ok_or_else(|| AppError::validation("scope", ValidationCode::InvalidChoice)),
        }
    }
}

/// The picker's step between two start times: a quarter hour for 15-minute meetings,
/// else the half hour (the seed's 8h00, 8h30, …).
pub fn slot_step(minutes: u32) -> u16 {
    if minutes < 30 {
        15
    } else {
        30
    }
}

/// A start time the picker offers, on the organiser's clock, with the dates of the
/// series' later occurrences that would collide (empty: every one fits).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotOffer {
    pub minute: u16,
    #[serde(with = "crate::iso_date::serde_dates")]
    pub conflicts: Vec<NaiveDate>,
}

/// One day of the picker's month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayOffer {
    #[serde(with = "crate::iso_date::serde_date")]
    pub date: NaiveDate,
    pub slots: Vec<SlotOffer>,
}

/// The weekdays as forms name them, Monday first (chrono's `num_days_from_monday`).
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A weekly window of availability, in its owner's wall-clock time: `weekday` 0 is
/// Monday; `start` and `end` are minutes after midnight, `end` up to 24:00.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Window {
    pub weekday: u8,
    pub start: u16,
    pub end: u16,
}

/// A time of day from a form, "HH:MM" (24:00 allowed as an end) → minutes after midnight.
pub fn parse_clock(text: &str) -> Option<u16> {
    let (h, m) = text.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    let minutes = h * 60 + m;
    (m < 60 && minutes <= DAY_MINUTES).then_some(minutes)
}

/// Minutes after midnight → "HH:MM", the value of a time input.
pub fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

impl Window {
    /// One row of the availability form: a weekday code ("wednesday") and two times.
    /// A row with both times empty is no window; anything else that does not read is an
    /// error naming the day.
    pub fn from_form(weekday: &str, start: &str, end: &str) -> Result<Option<Window>, AppError> {
        let day = WEEKDAYS
            .iter()
            .position(|d| *d == weekday.trim())
            .ok_or_else(|| AppError::validation("weekday", ValidationCode::InvalidChoice))?;
        if start.trim().is_empty() && end.trim().is_empty() {
            return Ok(None);
        }
        let field = WEEKDAYS[day];
        let time = |text: &str| {
            parse_clock(text)
                .ok_or_else(|| AppError::validation(field, ValidationCode::EmptyWindow))
        };
        Ok(Some(Window {
            weekday: day as u8,
            start: time(start)?,
            end: time(end)?,
        }))
    }
}

/// Checks a week of windows: each ends after it starts, within the day, and no two
/// windows of one day overlap (touching is fine: 10:00–12:00 and 12:00–14:00). The error
/// names the weekday.
pub fn validate_windows(windows: &[Window]) -> Result<(), AppError> {
    if windows.len() > WINDOWS_MAX {
        return Err(AppError::validation(
            "availability",
            ValidationCode::ListFull,
        ));
    }
    let mut sorted = windows.to_vec();
    sorted.sort();
    for (i, w) in sorted.iter().enumerate() {
        let field = WEEKDAYS
            .get(w.weekday as usize)
            .ok_or_else(|| AppError::validation("weekday", ValidationCode::InvalidChoice))?;
        if w.end <= w.start || w.end > DAY_MINUTES {
            return Err(AppError::validation(field, ValidationCode::EmptyWindow));
        }
        if let Some(next) = sorted.get(i + 1) {
            if next.weekday == w.weekday && next.start < w.end {
                return Err(AppError::validation(field, ValidationCode::Overlap));
            }
        }
    }
    Ok(())
}

/// An exception on dates, in its owner's wall-clock time: away for whole days, or extra
/// hours on one date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Exception {
    Away {
        #[serde(with = "crate::iso_date::serde_date")]
        first: NaiveDate,
        #[serde(with = "crate::iso_date::serde_date")]
        last: NaiveDate,
    },
    Extra {
        #[serde(with = "crate::iso_date::serde_date")]
        date: NaiveDate,
        start: u16,
        end: u16,
    },
}

impl Exception {
    /// An away period ends on or after its first day; extra hours end after they start.
    pub fn validate(&self) -> Result<(), AppError> {
        match self {
            Exception::Away { first, last } if last < first => Err(AppError::validation(
                "away_last",
                ValidationCode::EmptyWindow,
            )),
            Exception::Extra { start, end, .. } if end <= start || *end > DAY_MINUTES => Err(
                AppError::validation("extra_end", ValidationCode::EmptyWindow),
            ),
            _ => Ok(()),
        }
    }
}

/// A member's availability as the calendar page edits it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AvailabilityView {
    pub windows: Vec<Window>,
    /// With their ids, for deleting them.
    pub exceptions: Vec<(i64, Exception)>,
    /// The owner's zone, and the name it is shown by ("Eastern Time (Toronto)").
    pub zone: crate::zone::Zone,
    pub zone_label: crate::zone::ZoneLabel,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(weekday: u8, start: &str, end: &str) -> Window {
        Window {
            weekday,
            start: parse_clock(start).unwrap(),
            end: parse_clock(end).unwrap(),
        }
    }

    fn field_and_code(err: AppError) -> (String, ValidationCode) {
        match err {
            AppError::Validation { field, code } => (field, code),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn clocks_read_and_write_hours_and_minutes() {
        assert_eq!(parse_clock("10:00"), Some(600));
        assert_eq!(parse_clock("9:30"), Some(570));
        assert_eq!(parse_clock("24:00"), Some(1440));
        for bad in [
            "24:01", "10:60", "10", "ab:cd", "", "10:0", "-1:00", "100:00",
        ] {
            assert_eq!(parse_clock(bad), None, "{bad}");
        }
        assert_eq!(clock(570), "09:30");
        assert_eq!(clock(1440), "24:00");
    }

    #[test]
    fn form_rows_read_as_windows_and_blank_rows_as_none() {
        assert_eq!(
            Window::from_form("wednesday", "10:00", "20:00").unwrap(),
            Some(w(2, "10:00", "20:00"))
        );
        assert_eq!(Window::from_form("monday", " ", "").unwrap(), None);
        assert_eq!(
            field_and_code(Window::from_form("monday", "10:00", "").unwrap_err()),
            ("monday".into(), ValidationCode::EmptyWindow)
        );
        assert!(Window::from_form("someday", "10:00", "11:00").is_err());
    }

    #[test]
    fn windows_may_touch_but_not_overlap_and_must_not_be_empty() {
        let ok = [
            w(2, "10:00", "12:00"),
            w(2, "12:00", "20:00"),
            w(3, "11:00", "13:00"),
        ];
        assert!(validate_windows(&ok).is_ok());
        let overlap = [w(2, "10:00", "12:00"), w(2, "11:30", "13:00")];
        assert_eq!(
            field_and_code(validate_windows(&overlap).unwrap_err()),
            ("wednesday".into(), ValidationCode::Overlap)
        );
        let empty = [w(4, "10:00", "10:00")];
        assert_eq!(
            field_and_code(validate_windows(&empty).unwrap_err()),
            ("friday".into(), ValidationCode::EmptyWindow)
        );
        let reversed = [w(6, "18:00", "09:00")];
        assert_eq!(
            field_and_code(validate_windows(&reversed).unwrap_err()).1,
            ValidationCode::EmptyWindow
        );
        let bad_day = [Window {
            weekday: 7,
            start: 0,
            end: 60,
        }];
        assert!(validate_windows(&bad_day).is_err());
    }

    #[test]
    fn exceptions_end_after_they_start() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        assert!(Exception::Away {
            first: day(3),
            last: day(3)
        }
        .validate()
        .is_ok());
        assert!(Exception::Away {
            first: day(4),
            last: day(3)
        }
        .validate()
        .is_err());
        assert!(Exception::Extra {
            date: day(3),
            start: 600,
            end: 540
        }
        .validate()
        .is_err());
    }

    #[test]
    fn a_meeting_is_held_once_it_is_over_and_was_not_cancelled() {
        use chrono::TimeZone;
        let at = |h| chrono::Utc.with_ymd_and_hms(2026, 12, 3, h, 0, 0).unwrap();
        let of = |state| MeetingStatus::of(state, at(10), at(11));
        assert_eq!(of(OccurrenceState::Scheduled), Some(MeetingStatus::Held));
        assert_eq!(
            of(OccurrenceState::Cancelled),
            Some(MeetingStatus::Cancelled)
        );
        assert_eq!(of(OccurrenceState::Excluded), None);
        assert_eq!(
            MeetingStatus::of(OccurrenceState::Scheduled, at(12), at(11)),
            Some(MeetingStatus::Scheduled)
        );
        assert_eq!(
            MeetingType::parse_list("phone, video,video").unwrap(),
            vec![MeetingType::Video, MeetingType::Phone]
        );
        assert_eq!(MeetingType::parse_list("fax"), None);
    }
}

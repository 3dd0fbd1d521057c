//! The member's own calendar: a month or a week of their meetings in every relationship,
//! on their clock. Which days a view covers and where its arrows lead are plain date
//! maths, so the page is plain links and works without JavaScript.
use super::model::{Answer, MeetingStatus, MeetingType};
use crate::error::{AppError, ValidationCode};
use crate::i18n::LocalDateTime;
use crate::iso_date::{iso_date, parse_iso_date};
use crate::zone::ZoneLabel;
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// The member's calendar page.
pub const CALENDAR_PATH: &str = "/calendar";

crate::text_enum! {
    /// The calendar's two views.
    pub enum CalendarMode {
        Month = "month",
        Week = "week",
    }
}

impl CalendarMode {
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Month => "calendar-month-view",
            Self::Week => "calendar-week-view",
        }
    }
}

/// What the calendar shows: a view, and a day inside the month or week it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarQuery {
    pub mode: CalendarMode,
    #[serde(with = "crate::iso_date::serde_date")]
    pub anchor: NaiveDate,
}

impl CalendarQuery {
    /// Reads the page's `view` and `date`: empty ones mean the month of `today`; a view
    /// or a date the page never writes is refused, naming the field.
    pub fn from_query(view: &str, date: &str, today: NaiveDate) -> Result<Self, AppError> {
        let mode = match view.trim() {
            "" => CalendarMode::Month,
            code => CalendarMode::parse(code)
                .ok_or_else(|| AppError::validation("view", ValidationCode::InvalidChoice))?,
        };
        let anchor = match date.trim() {
            "" => today,
            text => parse_iso_date(text)
                .ok_or_else(|| AppError::validation("date", ValidationCode::Required))?,
        };
        Ok(Self { mode, anchor })
    }

    /// The first and last days shown: the whole month, or the week from Monday.
    pub fn days(&self) -> (NaiveDate, NaiveDate) {
        match self.mode {
            CalendarMode::Month => {
                let first = self.anchor.with_day(1).unwrap_or(self.anchor);
                let next = first
                    .checked_add_months(chrono::Months::new(1))
                    .unwrap_or(first);
                (first, next.pred_opt().unwrap_or(first))
            }
            CalendarMode::Week => {
                let back = i64::from(self.anchor.weekday().num_days_from_monday());
                let monday = self.anchor - Duration::days(back);
                (monday, monday + Duration::days(6))
            }
        }
    }

    /// The same view one month or week earlier (`-1`) or later (`1`).
    pub fn step(&self, by: i32) -> Self {
        let anchor = match self.mode {
            CalendarMode::Month => {
                let first = self.days().0;
                let months = chrono::Months::new(by.unsigned_abs());
                if by < 0 {
                    first.checked_sub_months(months)
                } else {
                    first.checked_add_months(months)
                }
                .unwrap_or(first)
            }
            CalendarMode::Week => self.days().0 + Duration::weeks(i64::from(by)),
        };
        Self { anchor, ..*self }
    }

    /// The other view of the same day.
    pub fn with_mode(&self, mode: CalendarMode) -> Self {
        Self { mode, ..*self }
    }

    /// Reads back an address `href` wrote (a form's way back to the calendar); nothing
    /// else is one.
    pub fn from_href(href: &str) -> Option<Self> {
        let rest = href.strip_prefix(CALENDAR_PATH)?.strip_prefix("?view=")?;
        let (view, date) = rest.split_once("&date=")?;
        Some(Self {
            mode: CalendarMode::parse(view)?,
            anchor: parse_iso_date(date)?,
        })
    }

    /// The page's address for this view.
    pub fn href(&self) -> String {
        format!(
            "{CALENDAR_PATH}?view={}&date={}",
            self.mode.as_str(),
            iso_date(self.anchor)
        )
    }
}

/// One of the member's meetings as the calendar lists it, on their clock.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalendarEntry {
    pub meeting_id: i64,
    pub relationship_id: i64,
    pub start: LocalDateTime,
    pub end: LocalDateTime,
    pub status: MeetingStatus,
    pub meeting_type: MeetingType,
    /// The other participants' names.
    pub with: Vec<String>,
    pub viewer_answer: Answer,
    /// Part of a series (an answer may cover the later occurrences).
    pub in_series: bool,
    pub moved: bool,
}

impl CalendarEntry {
    /// Still to come and not answered yet: the calendar asks for an answer.
    pub fn awaits_answer(&self) -> bool {
        self.status == MeetingStatus::Scheduled && self.viewer_answer == Answer::Pending
    }
}

/// A day of the calendar: the member's meetings that start on it and the times they are
/// available for meetings (from their weekly windows and exceptions).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalendarDay {
    #[serde(with = "crate::iso_date::serde_date")]
    pub date: NaiveDate,
    pub entries: Vec<CalendarEntry>,
    /// Minutes after midnight on the member's clock, start and end.
    pub available: Vec<(u16, u16)>,
}

/// The calendar page: every day of the view, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalendarView {
    pub query: CalendarQuery,
    #[serde(with = "crate::iso_date::serde_date")]
    pub today: NaiveDate,
    pub zone_label: ZoneLabel,
    pub days: Vec<CalendarDay>,
}

impl CalendarView {
    pub fn day(&self, date: NaiveDate) -> Option<&CalendarDay> {
        self.days.iter().find(|d| d.date == date)
    }

    /// The meetings of the view still waiting for the member's answer, soonest first.
    pub fn awaiting_answer(&self) -> Vec<&CalendarEntry> {
        self.days
            .iter()
            .flat_map(|d| d.entries.iter())
            .filter(|e| e.awaits_answer())
            .collect()
    }
}

/// Sorts entries into the days from `first` to `last` by the day they start on, each
/// day's by start; entries outside those days are left out.
pub fn days_with(
    (first, last): (NaiveDate, NaiveDate),
    entries: Vec<CalendarEntry>,
    available: impl Fn(NaiveDate) -> Vec<(u16, u16)>,
) -> Vec<CalendarDay> {
    let mut days: Vec<CalendarDay> = first
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|date| CalendarDay {
            date,
            entries: Vec::new(),
            available: available(date),
        })
        .collect();
    for entry in entries {
        let s = entry.start;
        let Some(date) = NaiveDate::from_ymd_opt(s.year, s.month, s.day) else {
            continue;
        };
        if let Some(day) = days.iter_mut().find(|d| d.date == date) {
            day.entries.push(entry);
        }
    }
    for day in &mut days {
        day.entries
            .sort_by_key(|e| (e.start.hour, e.start.minute, e.meeting_id));
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn entry(id: i64, start: LocalDateTime, answer: Answer) -> CalendarEntry {
        CalendarEntry {
            meeting_id: id,
            relationship_id: 1,
            start,
            end: start,
            status: MeetingStatus::Scheduled,
            meeting_type: MeetingType::Video,
            with: vec!["Ada".into()],
            viewer_answer: answer,
            in_series: false,
            moved: false,
        }
    }

    #[test]
    fn an_empty_query_is_the_month_of_today_and_a_strange_one_is_refused() {
        let today = date(2026, 12, 7);
        let q = CalendarQuery::from_query("", "", today).unwrap();
        assert_eq!((q.mode, q.anchor), (CalendarMode::Month, today));
        let q = CalendarQuery::from_query("week", "2027-03-31", today).unwrap();
        assert_eq!((q.mode, q.anchor), (CalendarMode::Week, date(2027, 3, 31)));
        let field = |r: Result<CalendarQuery, AppError>| match r {
            Err(AppError::Validation { field, .. }) => field,
            other => panic!("expected a refusal, got {other:?}"),
        };
        assert_eq!(field(CalendarQuery::from_query("year", "", today)), "view");
        assert_eq!(
            field(CalendarQuery::from_query("week", "2027-02-30", today)),
            "date"
        );
    }

    #[test]
    fn a_month_covers_its_days_and_a_week_runs_from_monday() {
        let month = CalendarQuery {
            mode: CalendarMode::Month,
            anchor: date(2028, 2, 17),
        };
        assert_eq!(month.days(), (date(2028, 2, 1), date(2028, 2, 29)));
        let week = month.with_mode(CalendarMode::Week);
        // 17 February 2028 is a Thursday.
        assert_eq!(week.days(), (date(2028, 2, 14), date(2028, 2, 20)));
        let sunday = CalendarQuery {
            mode: CalendarMode::Week,
            anchor: date(2026, 12, 13),
        };
        assert_eq!(sunday.days(), (date(2026, 12, 7), date(2026, 12, 13)));
    }

    #[test]
    fn the_arrows_step_a_month_or_a_week_across_the_year() {
        let month = CalendarQuery {
            mode: CalendarMode::Month,
            anchor: date(2027, 1, 31),
        };
        assert_eq!(month.step(-1).days().0, date(2026, 12, 1));
        assert_eq!(month.step(1).days(), (date(2027, 2, 1), date(2027, 2, 28)));
        let week = month.with_mode(CalendarMode::Week);
        assert_eq!(week.step(-1).days().0, date(2027, 1, 18));
        assert_eq!(week.step(1).days().0, date(2027, 2, 1));
        assert_eq!(week.step(1).href(), "/calendar?view=week&date=2027-02-01");
        assert_eq!(CalendarQuery::from_href(&week.href()), Some(week));
        for elsewhere in [
            "https://evil.example/calendar?view=week&date=2027-02-01",
            "/calendar?view=week&date=2027-02-01&next=//evil.example",
            "/calendarx?view=week&date=2027-02-01",
            "",
        ] {
            assert_eq!(CalendarQuery::from_href(elsewhere), None, "{elsewhere}");
        }
    }

    #[test]
    fn entries_fall_on_the_day_they_start_in_time_order() {
        let first = date(2026, 12, 7);
        let entries = vec![
            entry(
                3,
                LocalDateTime::at(date(2026, 12, 8), 14 * 60),
                Answer::Accepted,
            ),
            entry(
                2,
                LocalDateTime::at(date(2026, 12, 8), 9 * 60),
                Answer::Pending,
            ),
            entry(
                9,
                LocalDateTime::at(date(2026, 12, 20), 9 * 60),
                Answer::Pending,
            ),
        ];
        let days = days_with((first, date(2026, 12, 13)), entries, |d| {
            if d == first {
                vec![(600, 720)]
            } else {
                Vec::new()
            }
        });
        assert_eq!(days.len(), 7);
        assert_eq!(days[0].available, vec![(600, 720)]);
        let ids: Vec<i64> = days[1].entries.iter().map(|e| e.meeting_id).collect();
        assert_eq!(
            ids,
            vec![2, 3],
            "by start, the one outside the week left out"
        );
        let view = CalendarView {
            query: CalendarQuery {
                mode: CalendarMode::Week,
                anchor: first,
            },
            today: first,
            zone_label: ZoneLabel::default(),
            days,
        };
        let waiting: Vec<i64> = view
            .awaiting_answer()
            .iter()
            .map(|e| e.meeting_id)
            .collect();
        assert_eq!(waiting, vec![2]);
    }
}

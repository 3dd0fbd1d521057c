//! A member's own calendar, read for busy time: the account page's view of it and what
//! can go wrong reading it.
use crate::i18n::LocalDateTime;
use serde::{Deserialize, Serialize};

/// How often a member's calendar is read again, unless the operator says otherwise.
pub const BUSY_READ_MINUTES: i64 = 15;
/// How far ahead busy time is read.
pub const BUSY_READ_DAYS: i64 = 365;
/// The longest calendar address taken.
pub const CALENDAR_ADDRESS_MAX: usize = 2_000;

crate::text_enum! {
    /// Why the last read of a member's calendar gave nothing (its busy time from the
    /// read before stays).
    pub enum CalendarReadProblem {
        Unreachable = "unreachable",
        TimedOut = "timed_out",
        TooLarge = "too_large",
        /// The calendar's server answered with an error status (kept beside it).
        HttpStatus = "http_status",
        /// What came back is not an iCalendar file (a sign-in page, say).
        NotCalendar = "not_calendar",
        PrivateAddress = "private_address",
        TooManyRedirects = "too_many_redirects",
    }
}

impl CalendarReadProblem {
    /// The Fluent key of its explanation to the member.
    pub fn message_key(&self) -> &'static str {
        match self {
            CalendarReadProblem::Unreachable => "busy-problem-unreachable",
            CalendarReadProblem::TimedOut => "busy-problem-timed-out",
            CalendarReadProblem::TooLarge => "busy-problem-too-large",
            CalendarReadProblem::HttpStatus => "busy-problem-http-status",
            CalendarReadProblem::NotCalendar => "busy-problem-not-calendar",
            CalendarReadProblem::PrivateAddress => "busy-problem-private-address",
            CalendarReadProblem::TooManyRedirects => "busy-problem-too-many-redirects",
        }
    }
}

/// The account page's "Busy times from your calendar" section.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusyCalendarView {
    /// The calendar's host (the address itself is a secret and is not shown again);
    /// `None`: no calendar connected.
    pub host: Option<String>,
    pub last_success: Option<LocalDateTime>,
    pub last_attempt: Option<LocalDateTime>,
    /// Why the last attempt failed, when it did, with the HTTP status for `HttpStatus`.
    pub problem: Option<(CalendarReadProblem, Option<u16>)>,
    /// From the last successful read: events that keep the member busy, and those whose
    /// time could not be read.
    pub busy_events: u32,
    pub unreadable: u32,
    /// How often it is read.
    pub every_minutes: u32,
}

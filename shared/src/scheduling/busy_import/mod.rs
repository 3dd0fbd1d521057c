//! Busy time read from a member's own calendar (the secret iCalendar address Google,
//! Outlook and Apple calendars offer): plain Rust, no network, no database.
pub mod content;
pub mod events;
pub mod rrule;

pub use events::{busy_times, zone_named, BusyRead, BusyWindow};
#[cfg(test)]
mod tests;

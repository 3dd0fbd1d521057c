//! Scheduling: availability, meetings and series, and the slot picker's time maths. The
//! maths needs the zone database, so it runs on the server (feature `server`); the types
//! are shared.
pub mod admin;
pub mod answer_link;
#[cfg(feature = "server")]
pub mod availability;
pub mod busy_calendar;
#[cfg(feature = "server")]
pub mod busy_import;
pub mod calendar;
pub mod feed;
#[cfg(feature = "server")]
pub mod ics;
pub mod interval;
pub mod model;
#[cfg(feature = "server")]
pub mod recurrence;
#[cfg(feature = "server")]
pub mod series_events;
#[cfg(feature = "server")]
pub mod slots;
pub mod view;
#[cfg(feature = "server")]
pub mod vtimezone;
#[cfg(feature = "server")]
pub mod wall_clock;

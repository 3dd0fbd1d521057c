//! Scheduling: a member's calendar and availability (the calendar's "Availability for meetings"),
//! booking a meeting or series for a pair or moving one, and the relationship page's meetings tile.
mod answer_form;
pub mod answer_link_api;
mod answer_link_page;
pub mod api;
mod availability_page;
mod book_page;
pub mod booking_api;
mod booking_choice_form;
pub mod busy_api;
mod busy_calendar_section;
mod calendar_entry;
mod calendar_feed_section;
mod calendar_month;
mod calendar_nav;
mod calendar_page;
mod calendar_week;
pub mod feed_api;
mod log_meeting_form;
mod logged_meetings_list;
mod meetings_tile;
mod month_grid;
mod move_form;
mod slot_form;
mod weekday_header;
#[cfg(feature = "ssr")]
pub use backend::scheduling as server;
pub use shared::scheduling::{answer_link, busy_calendar, calendar, feed, model, view};

pub use answer_link_page::AnswerLinkPage;
pub use availability_page::AvailabilityPage;
pub use book_page::BookPage;
pub use busy_calendar_section::{is_address_error, BusyCalendarSection};
pub use calendar_feed_section::CalendarFeedSection;
pub use calendar_page::CalendarPage;
pub use meetings_tile::MeetingsTile;

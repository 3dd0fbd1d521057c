//! Scheduling: a member's availability (the calendar's "Availability for meetings").
pub mod api;
mod availability_page;
mod zone_name;
#[cfg(feature = "ssr")]
pub use backend::scheduling as server;
pub use shared::scheduling::model;

pub use availability_page::AvailabilityPage;
pub use zone_name::zone_name;

//! The landing page after sign-in: a member's summary, or the admin dashboard for admins.
pub mod api;
mod dashboard_page;
#[cfg(feature = "ssr")]
pub use backend::dashboard as server;
pub use shared::dashboard::model;

pub use dashboard_page::DashboardPage;

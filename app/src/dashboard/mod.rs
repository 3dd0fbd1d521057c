//! The landing page after sign-in: a member's summary, or the admin dashboard for admins.
pub mod api;
mod dashboard_page;
pub mod model;
#[cfg(feature = "ssr")]
pub mod server;

pub use dashboard_page::DashboardPage;

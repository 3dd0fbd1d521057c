//! The admin console. This issue brings the dashboard with live counts.
mod admin_dashboard_page;
pub mod api;
mod invitation_link_tile;
pub mod model;
#[cfg(feature = "ssr")]
pub mod server;

pub use admin_dashboard_page::AdminDashboardPage;

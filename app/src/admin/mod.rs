//! The admin console. This issue brings the dashboard with live counts.
mod admin_dashboard_page;
pub mod api;
mod invitation_link_tile;
pub mod model;
mod program_settings_page;
#[cfg(feature = "ssr")]
pub mod server;

pub use admin_dashboard_page::AdminDashboardPage;
pub use program_settings_page::ProgramSettingsPage;

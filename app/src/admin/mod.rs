//! The admin console. This issue brings the dashboard with live counts.
mod admin_dashboard_page;
pub mod api;
mod invitation_link_tile;
pub use shared::admin::model;
mod program_settings_page;
#[cfg(feature = "ssr")]
pub use backend::admin as server;

pub use admin_dashboard_page::AdminDashboardPage;
pub use program_settings_page::ProgramSettingsPage;

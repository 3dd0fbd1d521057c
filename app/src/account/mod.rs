//! Account settings: language and time zone.
mod account_settings_page;
pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod server;

pub use account_settings_page::AccountSettingsPage;

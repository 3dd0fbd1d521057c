//! Account settings: language and time zone.
mod account_settings_page;
pub mod api;
#[cfg(feature = "ssr")]
pub use backend::account as server;
pub use shared::account::model;

pub use account_settings_page::AccountSettingsPage;

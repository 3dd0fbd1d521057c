//! Account settings: the SQL behind a member's own settings.
pub use shared::account::*;

pub mod repo;

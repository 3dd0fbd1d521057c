//! Profiles, the program's lists, custom fields and completeness; photos.
pub use shared::profiles::*;

pub mod photos;
pub mod repo;
pub mod service;

//! Mentoring relationships: what exists of them so far (the member's connections).
pub use shared::relationships::*;

pub mod repo;

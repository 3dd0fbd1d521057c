//! The member dashboard's figures.
pub use shared::dashboard::*;

pub mod repo;

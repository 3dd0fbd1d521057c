//! The members directory: who a member can see in their program.
pub use shared::directory::*;

pub mod repo;

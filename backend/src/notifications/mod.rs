//! In-app notifications: written by the domains that have something to tell (in the
//! transaction of what happened), read and marked read by the member they are for.
pub use shared::notifications::*;

pub mod repo;
pub mod service;

//! Scheduling: members' availability, the slot picker, booking meetings and series, and
//! the answers to them.
pub use shared::scheduling::*;

pub mod availability_service;
pub mod booking;
pub mod repo;

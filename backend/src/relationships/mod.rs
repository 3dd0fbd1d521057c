//! Mentoring relationships and the invitations that start them.
pub use shared::relationships::*;

pub mod admin_repo;
pub mod admin_service;
pub mod end_all;
pub mod end_all_repo;
pub mod invitation_questions;
pub mod invitation_repo;
pub mod invitations;
pub mod relationship;
pub mod repo;
pub mod responsiveness;

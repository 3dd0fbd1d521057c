//! Mentoring relationships and the invitations that start them.
pub use shared::relationships::*;

pub mod invitation_repo;
pub mod invitations;
pub mod relationship;
pub mod repo;

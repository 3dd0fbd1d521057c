//! In-app notifications: what happened to a member (a meeting they were invited to, moved,
//! cancelled or answered), listed on their notifications page and counted on the top bar's bell.
pub mod model;

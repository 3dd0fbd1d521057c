//! Finding a partner: the search service (criteria from the URL, a saved search or the
//! profile; candidates from the members index), its SQL, and the "Save and search" post.
pub use shared::matching::*;

pub mod admin_match;
pub mod http;
pub mod repo;
pub mod service;

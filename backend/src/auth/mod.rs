//! Accounts, sign-in, sessions, registration, password links and the authorization rules.
pub use shared::auth::*;

pub mod authz;
pub mod password;
pub mod rate_limit;
pub mod recovery;
pub mod registration;
pub mod repo;
pub mod service;
pub mod session;

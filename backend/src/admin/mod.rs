//! The admin console's figures and the program's invitation link.
pub use shared::admin::*;

pub mod repo;
pub mod service;

//! Messaging: the outbox, rendering, delivery reports, templates, the e-mail log.
pub use shared::messaging::*;

pub mod defaults;
pub mod delivery;
pub mod http;
pub mod log;
pub mod log_repo;
pub mod render;
pub mod repo;
pub mod service;
pub mod templates;

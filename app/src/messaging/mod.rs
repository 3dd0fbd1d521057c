//! E-mail: system-message templates, the outbox and its delivery status.
pub mod model;
pub mod template;

#[cfg(feature = "ssr")]
pub mod server;

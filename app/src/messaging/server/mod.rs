//! Server side of messaging: the outbox, rendering, delivery reports, templates.
pub mod defaults;
pub mod delivery;
pub mod render;
pub mod repo;
pub mod service;

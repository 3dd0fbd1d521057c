//! Mentoring relationships. This issue brings the member's list of connections.
pub mod api;
mod connections_page;
pub mod model;
#[cfg(feature = "ssr")]
pub mod server;

pub use connections_page::ConnectionsPage;

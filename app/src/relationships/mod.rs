//! Mentoring relationships. This issue brings the member's list of connections.
pub mod api;
mod connections_page;
#[cfg(feature = "ssr")]
pub use backend::relationships as server;
pub use shared::relationships::model;

pub use connections_page::ConnectionsPage;

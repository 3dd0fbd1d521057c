//! Program members as administrators manage them: the table's index and queries,
//! imports, deactivation, the upload routes.
pub use shared::members::*;

pub mod csv_file;
pub mod import;
pub mod index;
pub mod repo;
pub mod service;
pub mod upload;

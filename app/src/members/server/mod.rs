pub mod csv_file;
pub mod import;
pub mod index;
pub mod repo;
pub mod service;
pub mod upload;

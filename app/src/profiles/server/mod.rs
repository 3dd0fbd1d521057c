pub mod photos;
pub mod repo;
pub mod service;

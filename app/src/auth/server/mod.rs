pub mod authz;
pub mod password;
pub mod repo;
pub mod service;
pub mod session;

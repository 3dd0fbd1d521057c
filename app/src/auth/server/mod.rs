pub mod authz;
pub mod password;
pub mod rate_limit;
pub mod recovery;
pub mod registration;
pub mod repo;
pub mod service;
pub mod session;

pub mod admin;
pub mod model;
pub mod response;

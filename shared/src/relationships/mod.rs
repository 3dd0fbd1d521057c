pub mod admin;
pub mod model;

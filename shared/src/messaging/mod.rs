pub mod model;
pub mod template;

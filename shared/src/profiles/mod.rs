pub mod fields;
pub mod model;
pub mod options_plan;
pub mod photo_url;
pub mod places;

//! The Mentors and Mentees lists of the current program.
pub mod api;
mod members_directory_page;
#[cfg(feature = "ssr")]
pub use backend::directory as server;
pub use shared::directory::model;

pub use members_directory_page::{MenteesPage, MentorsPage};

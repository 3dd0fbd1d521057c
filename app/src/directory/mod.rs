//! The Mentors and Mentees lists of the current program.
pub mod api;
mod members_directory_page;
pub mod model;
#[cfg(feature = "ssr")]
pub mod server;

pub use members_directory_page::{MenteesPage, MentorsPage};

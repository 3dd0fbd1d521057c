//! Member profiles, the program's lists (industries, job functions, skills, development
//! areas, meeting cities), custom fields and profile completeness.
pub mod api;
pub mod fields;
pub mod model;
mod program_lists_page;
#[cfg(feature = "ssr")]
pub mod server;

pub use program_lists_page::ProgramListsPage;

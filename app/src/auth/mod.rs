//! Sign-in, sessions, the viewer, language and program switching, and the
//! authorization rules every server function goes through.
pub mod api;
pub mod model;
mod sign_in_page;
mod switch_program_page;
mod viewer_context;

#[cfg(feature = "ssr")]
pub mod server;

pub use sign_in_page::SignInPage;
pub use switch_program_page::SwitchProgramPage;
pub use viewer_context::use_viewer;

//! Sign-in, sessions, the viewer, language and program switching, joining through an
//! invitation link, password links and unlocking, and the authorization rules every
//! server function goes through.
pub mod api;
mod auth_card;
mod forgot_password_page;
mod join_page;
pub mod model;
mod password_link_page;
mod sign_in_page;
mod switch_program_page;
mod unlock_pages;
mod viewer_context;

#[cfg(feature = "ssr")]
pub mod server;

pub use forgot_password_page::ForgotPasswordPage;
pub use join_page::JoinPage;
pub use password_link_page::PasswordLinkPage;
pub use sign_in_page::SignInPage;
pub use switch_program_page::SwitchProgramPage;
pub use unlock_pages::{ResendUnlockPage, UnlockPage};
pub use viewer_context::use_viewer;

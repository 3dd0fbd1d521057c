//! Sign-in, sessions, the viewer, language and program switching, joining through an
//! invitation link, password links and unlocking, and the authorization rules every
//! server function goes through.
pub mod api;
mod auth_card;
pub use auth_card::AuthCard;
mod forgot_password_page;
mod join_page;
pub use shared::auth::model;
mod password_link_page;
mod sign_in_page;
mod switch_program_page;
mod unlock_pages;
mod viewer_context;

/// The backend's auth rules and SQL, with what server functions read from the request
/// (its session, address and cookies) beside them under the same names.
#[cfg(feature = "ssr")]
pub mod server {
    pub use backend::auth::*;
    pub mod authz;
    pub mod rate_limit;
    pub mod session;
}

pub use forgot_password_page::ForgotPasswordPage;
pub use join_page::JoinPage;
pub use password_link_page::PasswordLinkPage;
pub use sign_in_page::SignInPage;
pub use switch_program_page::SwitchProgramPage;
pub use unlock_pages::{ResendUnlockPage, UnlockPage};
pub use viewer_context::use_viewer;

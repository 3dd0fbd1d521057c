//! The server's rules and SQL, for both engines: the database handle and migrations, each
//! domain's services and repositories, the outbox, tokens and sessions, the plain HTTP
//! routes (uploads, downloads, photos) and the demo seed. No Leptos: the app's server
//! functions call into it, and everything here compiles and tests on its own.
pub use shared::{error, fold, i18n, percent, text_enum, zone};

pub mod account;
pub mod admin;
pub mod auth;
pub mod csv_out;
pub mod dashboard;
pub mod db;
pub mod form_post;
pub mod local_url;
pub mod matching;
pub mod members;
pub mod messaging;
pub mod notifications;
pub mod profiles;
pub mod relationships;
pub mod remote_fetch;
pub mod scheduling;
pub mod seed;
pub mod state;

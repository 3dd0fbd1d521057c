//! What the browser and the server share: the domains' types, `AppError`, filters and URL
//! codecs, translations, time zones, and pure rules (completeness, search folding). No
//! database, no runtime, no Leptos: it compiles to wasm, and the backend builds on it.
//! Feature `server` adds the zone database and the sqlx encodings of the stored enums;
//! feature `server-fn` makes `AppError` a server-function error.
pub mod account;
pub mod admin;
pub mod auth;
pub mod dashboard;
pub mod error;
pub mod fold;
pub mod i18n;
pub mod iso_date;
pub mod matching;
pub mod members;
pub mod messaging;
pub mod notifications;
pub mod percent;
pub mod profiles;
pub mod relationships;
pub mod scheduling;
pub mod text_enum;
pub mod zone;

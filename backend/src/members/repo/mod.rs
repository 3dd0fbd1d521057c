//! SQL for managing a program's members.
mod import;
mod index;
mod member;
mod table_choices;

pub use import::*;
pub use index::*;
pub use member::*;
pub use table_choices::*;

/// Rows per multi-row statement (keeps every engine under its parameter limit).
pub const BATCH: usize = 500;

//! Small shared pieces of UI.
mod error_message;
mod page_header;

pub use error_message::{error_text, query_error, ErrorMessage};
pub use page_header::PageHeader;

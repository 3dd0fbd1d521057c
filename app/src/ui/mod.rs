//! Small shared pieces of UI.
mod admin_breadcrumb;
mod avatar;
mod error_message;
mod form_query;
mod page_header;
mod pagination;
mod query_notice;

pub use admin_breadcrumb::AdminBreadcrumb;
pub use avatar::Avatar;
pub use error_message::{error_text, query_error, set_page_status, ErrorMessage, LoadError};
pub use form_query::form_query;
pub use page_header::PageHeader;
pub use pagination::Pagination;
pub use query_notice::QueryNotice;

//! E-mail: system-message templates, the outbox and its delivery status.
pub mod api;
mod email_detail_page;
mod email_log_page;
pub use shared::messaging::model;
mod system_message_edit_page;
mod system_messages_page;
pub use shared::messaging::template;

#[cfg(feature = "ssr")]
pub use backend::messaging as server;

pub use email_detail_page::EmailDetailPage;
pub use email_log_page::EmailLogPage;
pub use system_message_edit_page::SystemMessageEditPage;
pub use system_messages_page::SystemMessagesPage;

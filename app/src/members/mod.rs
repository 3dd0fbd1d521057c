//! Program members as administrators manage them: find, open, deactivate, delete.
pub mod api;
mod member_admin_page;
mod members_list_page;
pub mod model;
#[cfg(feature = "ssr")]
pub mod server;

pub use member_admin_page::MemberAdminPage;
pub use members_list_page::MembersListPage;

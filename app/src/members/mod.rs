//! Program members as administrators manage them: find, open, deactivate, delete.
pub mod api;
mod import_run_page;
mod member_admin_page;
mod members_list_page;
pub mod model;
#[cfg(feature = "ssr")]
pub mod server;
mod upload_page;

pub use import_run_page::ImportRunPage;
pub use member_admin_page::MemberAdminPage;
pub use members_list_page::MembersListPage;
pub use upload_page::{DeactivateMembersPage, ImportMembersPage};

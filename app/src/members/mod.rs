//! Program members as administrators manage them: the members table (live search,
//! filters, saved filters, columns), a member's admin page, imports, deactivation.
pub mod api;
mod column_chooser;
pub use shared::members::filter;
mod import_run_page;
mod member_admin_page;
mod member_filters_form;
mod member_row_controls;
mod members_table;
mod members_table_page;
pub use shared::members::model;
mod saved_searches;
#[cfg(feature = "ssr")]
pub use backend::members as server;
mod undo_toast;
mod upload_page;

pub use import_run_page::ImportRunPage;
pub use member_admin_page::MemberAdminPage;
pub use members_table_page::MembersTablePage;
pub use upload_page::{DeactivateMembersPage, ImportMembersPage};

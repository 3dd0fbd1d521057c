//! Member profiles, the program's lists (industries, job functions, skills, development
//! areas, meeting cities), custom fields and profile completeness.
pub mod api;
mod basic_info_tab;
mod custom_field_edit_page;
mod custom_field_input;
mod custom_fields_page;
mod employment_tab;
pub use shared::profiles::fields;
mod form_parts;
mod member_profile_page;
pub use shared::profiles::model;
pub use shared::profiles::options_plan;
pub use shared::profiles::photo_url;
pub use shared::profiles::places;
mod profile_admin_nav;
mod profile_edit_page;
mod profile_rules_page;
mod profile_side_panel;
mod program_lists_page;
#[cfg(feature = "ssr")]
pub use backend::profiles as server;
mod skills_tab;

pub use custom_field_edit_page::CustomFieldEditPage;
pub use custom_fields_page::CustomFieldsPage;
pub use member_profile_page::MemberProfilePage;
pub use profile_edit_page::ProfileEditPage;
pub use profile_rules_page::ProfileRulesPage;
pub use program_lists_page::ProgramListsPage;

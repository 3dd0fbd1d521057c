//! Finding a partner: the Mentors and Mentees search pages.
pub mod admin_api;
pub mod api;
mod criteria_form;
mod match_members_page;
mod partner_card;
mod partner_search_page;
#[cfg(feature = "ssr")]
pub use backend::matching as server;
pub use shared::matching::{admin, compatibility, model, search};

pub use match_members_page::MatchMembersPage;
pub use partner_search_page::{MenteesPage, MentorsPage};

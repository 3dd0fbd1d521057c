//! Mentoring relationships and the invitations that start them: the member's
//! connections, inviting, answering, and the relationship's page.
pub mod admin_api;
mod admin_meetings_page;
mod admin_meetings_table;
mod admin_relationships_page;
mod admin_relationships_table;
pub mod api;
mod connections_page;
mod end_all_page;
mod invitation_page;
mod invitation_thread;
mod invite_page;
mod name_search_form;
mod partner_summary_card;
mod relationship_page;
mod relationship_tabs;
#[cfg(feature = "ssr")]
pub use backend::relationships as server;
pub use shared::relationships::{admin, model, response};

pub use admin_meetings_page::AdminMeetingsPage;
pub use admin_relationships_page::AdminRelationshipsPage;
pub use connections_page::ConnectionsPage;
pub use end_all_page::EndAllPage;
pub use invitation_page::InvitationPage;
pub use invite_page::InvitePage;
pub use relationship_page::RelationshipPage;

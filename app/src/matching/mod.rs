//! Finding a partner: the Mentors and Mentees search pages.
pub mod api;
mod criteria_form;
mod partner_card;
mod partner_search_page;
#[cfg(feature = "ssr")]
pub use backend::matching as server;
pub use shared::matching::{compatibility, model, search};

pub use partner_search_page::{MenteesPage, MentorsPage};

//! Finding a partner: the compatibility of a pair, the search criteria as they travel in
//! the URL, and what a search page shows.
pub mod admin;
pub mod compatibility;
pub mod model;
pub mod search;

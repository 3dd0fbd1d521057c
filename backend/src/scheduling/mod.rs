//! Scheduling: members' availability, the slot picker, booking meetings and series, and
//! the answers to them.
pub use shared::scheduling::*;

pub mod admin_http;
pub mod admin_meetings;
pub mod admin_repo;
pub mod answer_link_repo;
pub mod answer_links;
pub mod availability_service;
pub mod booking;
pub mod booking_page;
pub mod busy_repo;
pub mod busy_service;
pub mod calendar_repo;
pub mod calendar_service;
pub mod changes;
pub mod feed_http;
pub mod feed_repo;
pub mod feed_service;
pub mod invite;
pub mod logged;
pub mod logged_repo;
pub mod meeting_mail;
pub mod meetings;
pub mod reminder_pass;
pub mod reminder_repo;
pub mod repo;

//! In-app notifications: the top bar's bell with the unread count, and the member's
//! notifications page.
pub mod api;
mod notification_bell;
mod notifications_page;
#[cfg(feature = "ssr")]
pub use backend::notifications as server;
pub use shared::notifications::model;

pub use notification_bell::{NotificationBell, UnreadNotifications};
pub use notifications_page::NotificationsPage;

//! The signed-in frame: sidebar, top bar with the user menu, and the page outlet.
mod app_shell;
mod language_toggle;
mod not_found_page;
mod sidebar;
mod user_menu;

pub use app_shell::AppShell;
pub use language_toggle::LanguageToggle;
pub use not_found_page::NotFoundPage;

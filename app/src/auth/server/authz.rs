//! The one authorization layer of server functions: every one starts with one of these
//! calls, and scopes its data to the program they return (the rules are the backend's).
pub use backend::auth::authz::*;
use backend::auth::session::RequestSession;
use leptos::prelude::use_context;
use shared::error::{AppError, AppResult};

/// The caller's session, if any.
pub fn current_session() -> Option<RequestSession> {
    use_context::<http::request::Parts>()?
        .extensions
        .get::<RequestSession>()
        .cloned()
}

pub fn require_session() -> AppResult<RequestSession> {
    current_session().ok_or(AppError::Unauthenticated)
}

pub fn require_member() -> AppResult<MemberScope> {
    check(Access::Member, current_session())?.ok_or(AppError::Forbidden)
}

pub fn require_admin() -> AppResult<MemberScope> {
    check(Access::Admin, current_session())?.ok_or(AppError::Forbidden)
}

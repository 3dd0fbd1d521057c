//! The authorization rules: who may call what, and the program a caller's data is scoped
//! to (never one the client names). Server functions reach them through the app's
//! `require_*` calls; plain routes through `admin_route_scope`.
use super::session::RequestSession;
use crate::auth::model::Role;
use crate::error::{AppError, AppResult};

/// What a server function requires of its caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// A signed-in person with a role (mentor, mentee or admin) in the current program.
    Member,
    /// A program administrator of the current program.
    Admin,
}

/// A member of the current program, scoped to it.
#[derive(Clone, Debug)]
pub struct MemberScope {
    pub session: RequestSession,
    pub program_id: i64,
    pub role: Role,
}

pub fn check(access: Access, session: Option<RequestSession>) -> AppResult<Option<MemberScope>> {
    if access == Access::Public {
        return Ok(session.and_then(scope_of));
    }
    let session = session.ok_or(AppError::Unauthenticated)?;
    let scope = scope_of(session).ok_or(AppError::Forbidden)?;
    if access == Access::Admin && scope.role != Role::Admin {
        return Err(AppError::Forbidden);
    }
    Ok(Some(scope))
}

fn scope_of(session: RequestSession) -> Option<MemberScope> {
    let membership = session.viewer.membership.clone()?;
    Some(MemberScope {
        program_id: membership.program_id,
        role: membership.role,
        session,
    })
}

/// Why a plain HTTP route (uploads, downloads) refuses a request.
pub enum RouteRefusal {
    /// No session: go and sign in.
    SignIn,
    Forbidden,
}

impl axum::response::IntoResponse for RouteRefusal {
    fn into_response(self) -> axum::response::Response {
        match self {
            RouteRefusal::SignIn => axum::response::Redirect::to("/login").into_response(),
            RouteRefusal::Forbidden => http::StatusCode::FORBIDDEN.into_response(),
        }
    }
}

/// The server-function rule `require_admin`, for plain routes (the session middleware
/// left the session in the request's extensions).
pub fn admin_route_scope(extensions: &http::Extensions) -> Result<MemberScope, RouteRefusal> {
    match check(Access::Admin, extensions.get::<RequestSession>().cloned()) {
        Ok(Some(scope)) => Ok(scope),
        Ok(None) | Err(AppError::Forbidden) => Err(RouteRefusal::Forbidden),
        Err(_) => Err(RouteRefusal::SignIn),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::model::{ProgramMembership, Viewer};
    use crate::i18n::Lang;

    fn session(role: Option<Role>) -> RequestSession {
        RequestSession {
            token_hash: "h".into(),
            viewer: Viewer {
                user_id: 1,
                email: "a@b.c".into(),
                first_name: "A".into(),
                last_name: "B".into(),
                language: Lang::En,
                time_zone: crate::zone::Zone::DEFAULT,
                photo_url: None,
                membership: role.map(|role| ProgramMembership {
                    program_id: 7,
                    name_en: "P".into(),
                    name_fr: "P".into(),
                    role,
                }),
                program_count: 1,
                unread_notifications: 0,
            },
        }
    }

    #[test]
    fn rules_by_role() {
        use Access::*;
        assert!(check(Public, None).unwrap().is_none());
        assert_eq!(check(Member, None).unwrap_err(), AppError::Unauthenticated);
        assert_eq!(check(Admin, None).unwrap_err(), AppError::Unauthenticated);
        assert_eq!(
            check(Member, Some(session(None))).unwrap_err(),
            AppError::Forbidden
        );
        for role in [Role::Mentor, Role::Mentee] {
            assert_eq!(
                check(Member, Some(session(Some(role))))
                    .unwrap()
                    .unwrap()
                    .program_id,
                7
            );
            assert_eq!(
                check(Admin, Some(session(Some(role)))).unwrap_err(),
                AppError::Forbidden
            );
        }
        assert!(check(Admin, Some(session(Some(Role::Admin)))).is_ok());
    }
}

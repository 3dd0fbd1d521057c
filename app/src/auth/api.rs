//! Server functions for sign-in, sign-out, the viewer, language and program switching.
use crate::auth::model::{ProgramMembership, Viewer};
use crate::error::AppError;
use leptos::prelude::*;

/// The signed-in person, or `None` for a visitor.
#[server(endpoint = "viewer")]
pub async fn get_viewer() -> Result<Option<Viewer>, AppError> {
    use crate::auth::server::authz::current_session;
    Ok(current_session().map(|s| s.viewer))
}

/// Signs in. `remember` is the "stay signed in" checkbox ("on" when ticked); `next` is the
/// local path to return to.
#[server(endpoint = "sign_in")]
pub async fn sign_in(
    email: String,
    password: String,
    remember: Option<String>,
    next: Option<String>,
) -> Result<(), AppError> {
    use crate::auth::server::{service, session};
    use crate::state::{app_state, respond};
    use http::header::SET_COOKIE;
    respond(
        async {
            let state = app_state()?;
            let signed_in =
                service::sign_in(&state.db, &email, &password, remember.is_some()).await?;
            let response = expect_context::<leptos_axum::ResponseOptions>();
            response.append_header(
                SET_COOKIE,
                session::session_cookie(
                    &signed_in.token,
                    signed_in.persistent,
                    state.secure_cookies,
                ),
            );
            response.append_header(
                SET_COOKIE,
                session::lang_cookie(signed_in.language, state.secure_cookies),
            );
            leptos_axum::redirect(&service::safe_next_path(next.as_deref()));
            Ok(())
        }
        .await,
    )
}

#[server(endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::auth::server::{authz, service, session};
    use crate::state::{app_state, respond};
    use http::header::SET_COOKIE;
    respond(
        async {
            let state = app_state()?;
            if let Some(current) = authz::current_session() {
                service::sign_out(&state.db, &current).await?;
            }
            expect_context::<leptos_axum::ResponseOptions>().append_header(
                SET_COOKIE,
                session::clear_session_cookie(state.secure_cookies),
            );
            leptos_axum::redirect("/login");
            Ok(())
        }
        .await,
    )
}

/// Saves the language (preference when signed in, cookie always).
#[server(endpoint = "set_language")]
pub async fn set_language(lang: String) -> Result<(), AppError> {
    use crate::auth::server::{authz, service, session};
    use crate::error::ValidationCode;
    use crate::i18n::Lang;
    use crate::state::{app_state, respond};
    use http::header::SET_COOKIE;
    respond(
        async {
            let state = app_state()?;
            let lang = Lang::parse(&lang)
                .ok_or(AppError::validation("lang", ValidationCode::InvalidChoice))?;
            service::set_language(&state.db, authz::current_session().as_ref(), lang).await?;
            expect_context::<leptos_axum::ResponseOptions>()
                .append_header(SET_COOKIE, session::lang_cookie(lang, state.secure_cookies));
            Ok(())
        }
        .await,
    )
}

#[server(endpoint = "my_programs")]
pub async fn list_my_programs() -> Result<Vec<ProgramMembership>, AppError> {
    use crate::auth::server::{authz, service};
    use crate::state::{app_state, respond};
    respond(
        async {
            let session = authz::require_session()?;
            service::memberships(&app_state()?.db, &session).await
        }
        .await,
    )
}

#[server(endpoint = "switch_program")]
pub async fn switch_program(program_id: i64) -> Result<(), AppError> {
    use crate::auth::server::{authz, service};
    use crate::state::{app_state, respond};
    respond(
        async {
            let session = authz::require_session()?;
            service::switch_program(&app_state()?.db, &session, program_id).await?;
            leptos_axum::redirect("/");
            Ok(())
        }
        .await,
    )
}

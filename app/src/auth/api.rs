//! Server functions for sign-in, sign-out, the viewer, language and program switching,
//! registration, password links and unlocking.
// A registration form has eight fields; the #[server] macro repeats the signature in
// generated code, where a local allow cannot reach.
#![allow(clippy::too_many_arguments)]
use crate::auth::model::{InvitationInfo, PasswordLinkKind, ProgramMembership, Viewer};
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
    use crate::auth::server::{rate_limit, service, session};
    use crate::state::app_state;
    let state = app_state()?;
    let signed_in = service::sign_in(
        &state.db,
        &state.base_url,
        &rate_limit::request_ip(),
        &email,
        &password,
        remember.is_some(),
    )
    .await?;
    session::start_browser_session(&state.db, &signed_in, state.secure_cookies).await?;
    leptos_axum::redirect(&service::safe_next_path(next.as_deref()));
    Ok(())
}

#[server(endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::auth::server::{authz, service, session};
    use crate::state::app_state;
    use http::header::SET_COOKIE;
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

/// Saves the language (preference when signed in, cookie always).
#[server(endpoint = "set_language")]
pub async fn set_language(lang: String) -> Result<(), AppError> {
    use crate::auth::server::{authz, service, session};
    use crate::error::ValidationCode;
    use crate::i18n::Lang;
    use crate::state::app_state;
    use http::header::SET_COOKIE;
    let state = app_state()?;
    let lang =
        Lang::parse(&lang).ok_or(AppError::validation("lang", ValidationCode::InvalidChoice))?;
    service::set_language(&state.db, authz::current_session().as_ref(), lang).await?;
    expect_context::<leptos_axum::ResponseOptions>()
        .append_header(SET_COOKIE, session::lang_cookie(lang, state.secure_cookies));
    Ok(())
}

#[server(endpoint = "my_programs")]
pub async fn list_my_programs() -> Result<Vec<ProgramMembership>, AppError> {
    use crate::auth::server::{authz, service};
    use crate::state::app_state;
    let session = authz::require_session()?;
    service::memberships(&app_state()?.db, &session).await
}

#[server(endpoint = "switch_program")]
pub async fn switch_program(program_id: i64) -> Result<(), AppError> {
    use crate::auth::server::{authz, service};
    use crate::state::app_state;
    let session = authz::require_session()?;
    service::switch_program(&app_state()?.db, &session, program_id).await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// What the invitation link's registration page shows. Anyone with the link.
#[server(endpoint = "invitation")]
pub async fn get_invitation(token: String) -> Result<InvitationInfo, AppError> {
    use crate::auth::server::{authz, registration};
    use crate::state::app_state;
    let session = authz::current_session();
    registration::invitation(&app_state()?.db, &token, session.as_ref()).await
}

/// A signed-in person joins the invitation link's program with their own account.
#[server(endpoint = "join_program")]
pub async fn join_program(token: String, #[server(default)] role: String) -> Result<(), AppError> {
    use crate::auth::server::{authz, registration};
    use crate::state::app_state;
    let session = authz::require_session()?;
    let state = app_state()?;
    registration::join_with_account(&state.db, &state.base_url, &session, &token, &role).await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Registers through a program's invitation link, then signs the new member in.
#[server(endpoint = "register")]
pub async fn register(
    token: String,
    first_name: String,
    last_name: String,
    email: String,
    password: String,
    password_confirm: String,
    role: String,
    language: String,
    #[server(default)] time_zone: String,
) -> Result<(), AppError> {
    use crate::auth::server::registration::{self, Registration};
    use crate::auth::server::{rate_limit, session};
    use crate::state::app_state;
    let state = app_state()?;
    let form = Registration {
        first_name,
        last_name,
        email,
        password,
        password_confirm,
        role,
        language,
        time_zone,
    };
    let signed_in = registration::register(
        &state.db,
        &state.base_url,
        &rate_limit::request_ip(),
        &token,
        form,
    )
    .await?;
    session::start_browser_session(&state.db, &signed_in, state.secure_cookies).await?;
    leptos_axum::redirect("/account?welcome=1");
    Ok(())
}

/// "Forgot password?". Always the same answer, whether the address exists or not.
#[server(endpoint = "forgot_password")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    use crate::auth::server::{rate_limit, recovery};
    use crate::state::app_state;
    let state = app_state()?;
    recovery::request_password_reset(
        &state.db,
        &state.base_url,
        &rate_limit::request_ip(),
        &email,
    )
    .await?;
    leptos_axum::redirect("/forgot-password?sent=1");
    Ok(())
}

/// Whether a set/reset-password link still works (opening the page does not use it up).
#[server(endpoint = "password_link")]
pub async fn get_password_link(token: String) -> Result<PasswordLinkKind, AppError> {
    use crate::auth::server::recovery;
    use crate::state::app_state;
    recovery::password_link_kind(&app_state()?.db, &token).await
}

/// Sets the password from a link and signs the person in.
#[server(endpoint = "set_password")]
pub async fn set_password_from_link(
    token: String,
    password: String,
    password_confirm: String,
) -> Result<(), AppError> {
    use crate::auth::server::{recovery, session};
    use crate::state::app_state;
    let state = app_state()?;
    let signed_in = recovery::complete_password_link(
        &state.db,
        &state.base_url,
        &token,
        &password,
        &password_confirm,
    )
    .await?;
    session::start_browser_session(&state.db, &signed_in, state.secure_cookies).await?;
    leptos_axum::redirect("/?password_set=1");
    Ok(())
}

/// Opens an unlock link (a button on the page, so mail scanners that follow links
/// cannot use it up).
#[server(endpoint = "unlock")]
pub async fn unlock_account(token: String) -> Result<(), AppError> {
    use crate::auth::server::recovery;
    use crate::state::app_state;
    recovery::unlock_account(&app_state()?.db, &token).await?;
    leptos_axum::redirect("/login?unlocked=1");
    Ok(())
}

/// "Didn't receive unlock instructions?". Same answer whatever the address.
#[server(endpoint = "resend_unlock")]
pub async fn resend_unlock(email: String) -> Result<(), AppError> {
    use crate::auth::server::{rate_limit, recovery};
    use crate::state::app_state;
    let state = app_state()?;
    recovery::resend_unlock(
        &state.db,
        &state.base_url,
        &rate_limit::request_ip(),
        &email,
    )
    .await?;
    leptos_axum::redirect("/unlock?sent=1");
    Ok(())
}

/// The contact address a deactivated member is told to write to, read through the notice
/// their sign-in was answered with.
#[server(endpoint = "program_contact")]
pub async fn get_program_contact(notice: String) -> Result<String, AppError> {
    use crate::auth::server::service;
    use crate::state::app_state;
    service::notice_contact(&app_state()?.db, &notice).await
}

//! Sessions as server functions see them; cookies, tokens and the middleware are the
//! backend's.
pub use backend::auth::session::*;
use http::header::SET_COOKIE;

/// After a successful sign-in (or registration, or password link): the session this
/// browser held until now ends (one browser, one session: signing in as someone else must
/// not leave the first person signed in behind the cookie), and the new session cookie and
/// the language cookie go on the response.
pub async fn start_browser_session(
    db: &backend::db::Db,
    signed_in: &backend::auth::service::SignedIn,
    secure: bool,
) -> shared::error::AppResult<()> {
    let previous = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<RequestSession>().cloned());
    if let Some(previous) = previous {
        backend::auth::repo::delete_session(db, &previous.token_hash).await?;
    }
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.append_header(
            SET_COOKIE,
            session_cookie(&signed_in.token, signed_in.persistent, secure),
        );
        response.append_header(SET_COOKIE, lang_cookie(signed_in.language, secure));
    }
    Ok(())
}

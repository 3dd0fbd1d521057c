use crate::account::model::AccountSettings;
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "account_settings")]
pub async fn get_account_settings() -> Result<AccountSettings, AppError> {
    use crate::auth::server::authz;
    let session = authz::require_session()?;
    let time_zones = crate::i18n::local_time::selectable_time_zones();
    Ok(AccountSettings {
        email: session.viewer.email,
        language: session.viewer.language,
        time_zone: session.viewer.time_zone,
        time_zones,
    })
}

#[server(endpoint = "update_account_settings")]
pub async fn update_account_settings(language: String, time_zone: String) -> Result<(), AppError> {
    use crate::auth::server::{authz, session};
    use crate::error::ValidationCode;
    use crate::i18n::Lang;
    use crate::state::app_state;
    use http::header::SET_COOKIE;
    let current = authz::require_session()?;
    let lang = Lang::parse(&language)
        .ok_or(AppError::validation("lang", ValidationCode::InvalidChoice))?;
    let zone = crate::zone::Zone::parse(&time_zone).ok_or(AppError::validation(
        "time_zone",
        ValidationCode::InvalidChoice,
    ))?;
    let state = app_state()?;
    super::server::repo::update_settings(&state.db, current.viewer.user_id, lang, &zone).await?;
    expect_context::<leptos_axum::ResponseOptions>()
        .append_header(SET_COOKIE, session::lang_cookie(lang, state.secure_cookies));
    leptos_axum::redirect("/account?saved=1");
    Ok(())
}

//! The server functions behind an e-mail's answer link. They take no session: the link's
//! secret token names the person and the one answer it gives.
use crate::error::AppError;
use crate::scheduling::answer_link::AnswerLinkView;
use leptos::prelude::*;

/// What the link answers; opening its page records nothing (mail scanners open links).
#[server(endpoint = "answer_link")]
pub async fn get_answer_link(token: String) -> Result<AnswerLinkView, AppError> {
    use crate::scheduling::server::answer_links::link_view;
    use crate::state::app_state;
    link_view(&app_state()?.db, &token, chrono::Utc::now()).await
}

/// Records the link's answer for its person, without signing them in, then shows the
/// link's page again (which then says the answer is recorded).
#[server(endpoint = "answer_by_link")]
pub async fn answer_by_link(token: String) -> Result<(), AppError> {
    use crate::scheduling::answer_link::answer_link_path;
    use crate::scheduling::server::answer_links;
    use crate::state::app_state;
    let state = app_state()?;
    answer_links::answer_by_link(&state.db, &state.base_url, &token, chrono::Utc::now()).await?;
    leptos_axum::redirect(&answer_link_path(&token));
    Ok(())
}

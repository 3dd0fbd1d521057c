use super::api::AskAboutInvitation;
use super::model::{InvitationMessage, INVITATION_QUESTION_MAX};
use crate::i18n::use_i18n;
use crate::t;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The questions and answers of an invitation, and (while it waits) the form to add one:
/// "Ask a question…" for its recipient, "Reply…" for its sender.
#[component]
pub fn InvitationThread(
    id: i64,
    thread: Vec<InvitationMessage>,
    may_write: bool,
    as_recipient: bool,
    ask: ServerAction<AskAboutInvitation>,
) -> impl IntoView {
    let i18n = use_i18n();
    // After a refused plain post the query holds what was typed (`state::keep_draft`).
    let query = use_query_map().get_untracked();
    let draft = query
        .get("error")
        .and_then(|_| query.get("question"))
        .unwrap_or_default();
    let reopen = !draft.is_empty();
    let (summary, label, tip) = if as_recipient {
        (
            "invitation-ask",
            "invitation-ask-label",
            "invitation-ask-tip",
        )
    } else {
        (
            "invitation-reply",
            "invitation-reply-label",
            "invitation-reply-tip",
        )
    };
    let has_thread = !thread.is_empty();
    view! {
        {has_thread.then(|| view! {
            <h3 class="thread-title">{t!(i18n, "invitation-thread")}</h3>
            <ol class="invitation-thread">
                {thread.into_iter().map(|m| {
                    let sent = m.sent;
                    let author = m.author_first_name.clone();
                    let mine = m.author_is_viewer;
                    view! {
                        <li class:thread-mine=mine>
                            <p class="thread-meta">
                                <strong>{move || if mine { i18n.t("invitation-thread-you") } else { author.clone() }}</strong>
                                " · "
                                <span>{move || sent.format_date_time(i18n.lang())}</span>
                            </p>
                            <p class="thread-body">{m.body}</p>
                        </li>
                    }
                }).collect_view()}
            </ol>
        })}
        {may_write.then(|| view! {
            <details class="invitation-ask" open=reopen>
                <summary>{move || i18n.t(summary)}</summary>
                <ActionForm action=ask>
                    <input type="hidden" name="id" value=id />
                    <div class="field">
                        <label for="invitation-question">{move || i18n.t(label)}</label>
                        <textarea id="invitation-question" name="question" rows="3" required
                            maxlength=INVITATION_QUESTION_MAX aria-describedby="invitation-question-tip"
                            prop:value=draft.clone()>{draft.clone()}</textarea>
                    </div>
                    <p id="invitation-question-tip" class="tip">{move || i18n.t(tip)}</p>
                    <button type="submit" class="button">{t!(i18n, "invitation-ask-send")}</button>
                </ActionForm>
            </details>
        })}
    }
}

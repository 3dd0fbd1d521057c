use super::booking_api::AnswerMeeting;
use super::model::Answer;
use crate::i18n::use_i18n;
use crate::t;
use leptos::form::ActionForm;
use leptos::prelude::*;

/// Accept / decline / maybe for one meeting (for a series, optionally the later ones
/// too); the viewer's answer is the pressed button.
#[component]
pub fn AnswerForm(
    id: i64,
    relationship_id: i64,
    mine: Answer,
    in_series: bool,
    answer: ServerAction<AnswerMeeting>,
    /// Where a plain form returns (the calendar's view), instead of the relationship page.
    back: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let check_id = format!("answer-following-{id}");
    let for_id = check_id.clone();
    view! {
        <ActionForm action=answer attr:class="answer-form">
            <input type="hidden" name="relationship_id" value=relationship_id />
            <input type="hidden" name="meeting_id" value=id />
            {back.map(|href| view! { <input type="hidden" name="back" value=href /> })}
            <p>{t!(i18n, "meetings-your-answer")}" "<strong>{move || i18n.t(mine.label_key())}</strong></p>
            {in_series.then(|| view! {
                <label class="choice" for=for_id>
                    <input id=check_id type="checkbox" name="scope" value="following" />
                    {t!(i18n, "meetings-answer-following")}
                </label>
            })}
            <div class="actions">
                {Answer::GIVEN.into_iter().map(|a| view! {
                    <button type="submit" name="answer" value=a.as_str()
                        class=if a == mine { "button button-primary button-small" } else { "button button-small" }
                        aria-pressed=if a == mine { "true" } else { "false" }>
                        {move || i18n.t(a.action_key())}
                    </button>
                }).collect_view()}
            </div>
        </ActionForm>
    }
}

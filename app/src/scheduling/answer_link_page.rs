use super::answer_link::AnswerLinkView;
use super::answer_link_api::{get_answer_link, AnswerByLink};
use super::model::Answer;
use crate::auth::AuthCard;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{query_error, ErrorMessage, LoadError};
use leptos::either::Either;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

/// `/meetings/answer/{token}`: an e-mail's accept / decline / maybe link. The page names
/// the meeting on its person's clock and the answer the link gives; its one button
/// records it (a plain form, with or without JavaScript), without signing in.
#[component]
pub fn AnswerLinkPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let link = Resource::new(token, get_answer_link);
    view! {
        <AuthCard title_key="answer-link-title">
            <ErrorMessage error=query_error() />
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
                {move || Suspend::new(async move {
                    match link.await {
                        Ok(link) => Either::Left(view! { <AnswerLinkForm token=token() link /> }),
                        Err(err) => Either::Right(view! {
                            <LoadError error=err />
                            <p><a href="/calendar">{t!(i18n, "answer-link-sign-in")}</a></p>
                        }),
                    }
                })}
            </Suspense>
        </AuthCard>
    }
}

#[component]
fn AnswerLinkForm(token: String, link: AnswerLinkView) -> impl IntoView {
    let i18n = use_i18n();
    let meeting = {
        let link = link.clone();
        move || {
            let lang = i18n.lang();
            i18n.t_with(
                "answer-link-meeting",
                &[
                    ("start", link.start.format_date_time(lang).into()),
                    ("end", link.end.format_time(lang).into()),
                    ("zone", link.zone_label.text(lang).into()),
                    ("with", link.with.join(", ").into()),
                ],
            )
        }
    };
    let count = link.count;
    let answer_text = move |answer: Answer| i18n.t(answer.label_key());
    let given = link.answer;
    let current = link.current;
    let recorded = current == given;
    view! {
        <p>{meeting}</p>
        {(count > 1).then(|| view! {
            <p>{move || i18n.t_with("answer-link-count", &[("count", count.into())])}</p>
        })}
        {if recorded {
            Either::Left(view! {
                <p class="notice" role="status">
                    {move || i18n.t_with("answer-link-recorded", &[("answer", answer_text(given).into())])}
                </p>
                <p><a href="/calendar">{t!(i18n, "answer-link-sign-in")}</a></p>
            })
        } else {
            Either::Right(view! {
                {(current != Answer::Pending).then(|| view! {
                    <p>{move || i18n.t_with("answer-link-current", &[("answer", answer_text(current).into())])}</p>
                })}
                <form method="post" action=AnswerByLink::url()>
                    <input type="hidden" name="token" value=token />
                    <button type="submit" class="button button-primary button-block">
                        {move || i18n.t(given.action_key())}
                    </button>
                </form>
            })
        }}
    }
}

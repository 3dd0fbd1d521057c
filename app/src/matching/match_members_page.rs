use super::admin::{MatchCandidate, MatchPage, MatchPreview};
use super::admin_api::{get_match_page, suggest_match_candidates, MatchMembers};
use super::partner_card::{explanation, FitSymbol};
use crate::auth::model::Role;
use crate::i18n::use_i18n;
use crate::relationships::admin::ADMIN_RELATIONSHIPS_PATH;
use crate::t;
use crate::ui::{query_error, AdminBreadcrumb, ErrorMessage, LoadError, PageHeader};
use leptos::either::Either;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// `/admin/match` (seed 002's "Match members"): find a mentor and a mentee by name or
/// e-mail, each with their current load and maximum, see the pair's compatibility and
/// criteria met, and match them; going past a maximum asks for confirmation. The choices
/// live in the URL (a GET form), so it works without JavaScript; with it, the people
/// offered follow the typing.
#[component]
pub fn MatchMembersPage() -> impl IntoView {
    let i18n = use_i18n();
    let url = use_query_map();
    let raw = Memo::new(move |_| url.read().to_query_string());
    let page = Resource::new(move || raw.get(), get_match_page);
    let matched = ServerAction::<MatchMembers>::new();
    let match_error = Signal::derive(move || matched.value().get().and_then(|r| r.err()));
    view! {
        <AdminBreadcrumb trail=vec![(ADMIN_RELATIONSHIPS_PATH, "admin-relationships-title")] />
        <PageHeader title=Signal::derive(move || i18n.t("match-members-title")) />
        <p>{t!(i18n, "match-members-intro")}</p>
        <ErrorMessage error=query_error() />
        <ErrorMessage error=match_error />
        <Transition fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                let map = url.get_untracked();
                let typed = |key: &str| map.get(key).unwrap_or_default();
                let chosen = |key: &str| map.get(key).and_then(|v| v.trim().parse::<i64>().ok());
                match page.await {
                    Ok(MatchPage { mentors, mentees, preview }) => Either::Left(view! {
                        <PickPair
                            mentors mentees
                            mentor_q=typed("mentor_q") mentee_q=typed("mentee_q")
                            chosen=(chosen("mentor"), chosen("mentee"))
                        />
                        {preview.map(|preview| view! { <PairPreview preview matched /> })}
                    }),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Transition>
    }
}

/// The two pickers in one GET form.
#[component]
fn PickPair(
    mentors: Vec<MatchCandidate>,
    mentees: Vec<MatchCandidate>,
    mentor_q: String,
    mentee_q: String,
    chosen: (Option<i64>, Option<i64>),
) -> impl IntoView {
    let i18n = use_i18n();
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let navigate = use_navigate();
    // Choosing someone shows the pair at once (without JavaScript: the Show button).
    let chose = move |_| {
        if let Some(query) = form_ref
            .get_untracked()
            .and_then(|f| crate::ui::form_query(&f))
        {
            navigate(&format!("?{query}"), Default::default());
        }
    };
    let chose = StoredValue::new(chose);
    view! {
        <form method="get" class="card match-pickers" node_ref=form_ref>
            <Picker role=Role::Mentor offered=mentors typed=mentor_q chosen=chosen.0 on_choose=chose />
            <Picker role=Role::Mentee offered=mentees typed=mentee_q chosen=chosen.1 on_choose=chose />
            <button type="submit" class="button">{t!(i18n, "match-members-show")}</button>
        </form>
    }
}

/// One side: the search box and the people it finds, each a radio button with their load.
#[component]
fn Picker<F>(
    role: Role,
    offered: Vec<MatchCandidate>,
    typed: String,
    chosen: Option<i64>,
    on_choose: StoredValue<F>,
) -> impl IntoView
where
    F: Fn(leptos::ev::Event) + Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let code = role.as_str();
    let (legend, find, load_key) = match role {
        Role::Mentor => (
            "match-members-mentor",
            "match-members-find-mentor",
            "match-members-load-mentor",
        ),
        _ => (
            "match-members-mentee",
            "match-members-find-mentee",
            "match-members-load-mentee",
        ),
    };
    let offered = RwSignal::new(offered);
    let picked = chosen.and_then(|id| {
        offered
            .get_untracked()
            .into_iter()
            .find(|c| c.user_id == id)
    });
    let typing = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let keep = picked.clone();
        leptos::task::spawn_local(async move {
            if let Ok(mut found) = suggest_match_candidates(code.to_string(), text).await {
                if let Some(keep) = keep {
                    found.retain(|c| c.user_id != keep.user_id);
                    found.insert(0, keep);
                }
                offered.set(found);
            }
        });
    };
    let input_id = format!("{code}-q");
    view! {
        <fieldset class="field match-picker">
            <legend>{move || i18n.t(legend)}</legend>
            <label for=input_id.clone()>{move || i18n.t(find)}</label>
            <input id=input_id type="search" name=format!("{code}_q") value=typed autocomplete="off" on:input=typing />
            <ul class="match-options" aria-live="polite">
                {move || offered.get().into_iter().map(|c| {
                    let radio_id = format!("{code}-{}", c.user_id);
                    let load = i18n.t_with(load_key, &[("count", c.partners.into()), ("max", c.max_partners.into())]);
                    view! {
                        <li>
                            <input type="radio" id=radio_id.clone() name=code value=c.user_id
                                checked=chosen == Some(c.user_id)
                                on:change=move |ev| on_choose.with_value(|f| f(ev)) />
                            <label for=radio_id>
                                <strong>{c.name.clone()}</strong> " " <span class="muted">{c.email.clone()}</span>
                                " · " {load}
                                {(!c.has_room).then(|| view! { " " <span class="badge badge-muted">{t!(i18n, "match-members-full")}</span> })}
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
    }
}

/// The pair as it would be matched: compatibility, criteria met, loads, and the Match
/// button (with "Match anyway" when one of them is at their maximum).
#[component]
fn PairPreview(preview: MatchPreview, matched: ServerAction<MatchMembers>) -> impl IntoView {
    let i18n = use_i18n();
    let score = preview.compatibility.score;
    let met = preview.compatibility.met.clone();
    let choices = StoredValue::new(preview.choices.clone());
    let why = move || {
        if met.is_empty() {
            i18n.t("match-none-met")
        } else {
            choices.with_value(|c| explanation(i18n, &met, c, "match-members-explain-areas"))
        }
    };
    let over = preview.over_capacity();
    let (mentor, mentee) = (preview.mentor.clone(), preview.mentee.clone());
    let title = i18n.t_with(
        "match-members-pair",
        &[
            ("mentor", mentor.name.clone().into()),
            ("mentee", mentee.name.clone().into()),
        ],
    );
    view! {
        <section class="card match-preview" aria-labelledby="match-pair-title">
            <h2 id="match-pair-title">{title}</h2>
            {score.map(|score| view! { <FitSymbol score /> })}
            {score.is_some().then(|| view! {
                <p class="criteria-met"><strong>{t!(i18n, "match-criteria-met")} ": "</strong>{why}</p>
            })}
            {score.is_none().then(|| view! { <p class="muted">{t!(i18n, "match-members-no-criteria")}</p> })}
            {preview.invitation_pending.then(|| view! { <p class="notice">{t!(i18n, "match-members-invitation-pending")}</p> })}
            {if preview.already_partners {
                Either::Left(view! { <p class="notice">{t!(i18n, "error-refused-already-partners")}</p> })
            } else {
                Either::Right(view! {
                    <ActionForm action=matched>
                        <input type="hidden" name="mentor_id" value=mentor.user_id />
                        <input type="hidden" name="mentee_id" value=mentee.user_id />
                        {over.then(|| view! {
                            <p class="warning" role="alert">{t!(i18n, "match-members-over-capacity")}</p>
                            <label class="choice">
                                <input type="checkbox" name="confirm" value="on" />
                                {t!(i18n, "match-members-confirm")}
                            </label>
                        })}
                        <button type="submit" class="button button-primary">{t!(i18n, "match-members-match")}</button>
                    </ActionForm>
                })
            }}
        </section>
    }
}

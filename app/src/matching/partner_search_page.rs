use super::api::{partner_search, partner_search_setup};
use super::criteria_form::CriteriaForm;
use super::model::{PartnerPage, SearchAllowed, SearchChoices, SearchSetup};
use super::partner_card::PartnerCardView;
use super::search::search_path;
use crate::auth::model::Role;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{query_error, ErrorMessage, LoadError, PageHeader, Pagination, QueryNotice};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/mentors`: a mentee's search.
#[component]
pub fn MentorsPage() -> impl IntoView {
    view! { <PartnerSearchView looking_for=Role::Mentor title_key="directory-mentors-title" /> }
}

/// `/mentees`: a mentor's search.
#[component]
pub fn MenteesPage() -> impl IntoView {
    view! { <PartnerSearchView looking_for=Role::Mentee title_key="directory-mentees-title" /> }
}

/// The criteria (drawn once from the setup, so ticking a box never moves the focus) and
/// the results, which follow the URL.
#[component]
fn PartnerSearchView(looking_for: Role, title_key: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let url = use_query_map();
    let raw = Memo::new(move |_| url.read().to_query_string());
    let role = looking_for.as_str().to_string();
    let first_query = raw.get_untracked();
    let setup = {
        let role = role.clone();
        Resource::new(
            || (),
            move |_| partner_search_setup(role.clone(), first_query.clone()),
        )
    };
    let results = Resource::new(move || raw.get(), move |q| partner_search(role.clone(), q));
    view! {
        <PageHeader title=Signal::derive(move || i18n.t(title_key)) />
        <QueryNotice name="saved" key="match-saved" />
        <ErrorMessage error=query_error() />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match setup.await {
                    Ok(setup) if setup.allowed == SearchAllowed::Yes => {
                        let choices = StoredValue::new(setup.choices.clone());
                        let looking_for = setup.looking_for;
                        EitherOf3::A(view! {
                            <div class="partner-search">
                                <CriteriaForm setup />
                                <Results results choices looking_for />
                            </div>
                        })
                    }
                    Ok(setup) => EitherOf3::B(view! { <Closed setup /> }),
                    Err(err) => EitherOf3::C(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Results(
    results: Resource<Result<PartnerPage, crate::error::AppError>>,
    choices: StoredValue<SearchChoices>,
    looking_for: Role,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="partner-results" aria-live="polite" aria-busy=move || results.get().is_none().to_string()>
            <Transition fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
                {move || Suspend::new(async move {
                    match results.await {
                        Ok(page) => Either::Left(view! { <ResultList page choices looking_for /> }),
                        Err(err) => Either::Right(view! { <LoadError error=err /> }),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ResultList(
    page: PartnerPage,
    choices: StoredValue<SearchChoices>,
    looking_for: Role,
) -> impl IntoView {
    let i18n = use_i18n();
    let total = page.total as i64;
    let no_criteria = page.search.criteria.is_empty();
    let criteria = page.search.on_page(1).to_query(false);
    let rest = if criteria.is_empty() {
        criteria
    } else {
        format!("{criteria}&")
    };
    let (current, pages) = (page.search.page as i64, page.page_count as i64);
    view! {
        <p class="result-count">{t!(i18n, "match-count", count = total)}</p>
        {no_criteria.then(|| view! { <p class="muted">{t!(i18n, "match-no-criteria")}</p> })}
        <ul class="member-grid partner-grid">
            {page.cards.into_iter().map(|card| view! {
                <PartnerCardView card choices looking_for />
            }).collect_view()}
        </ul>
        <Pagination page=current page_count=pages query=rest />
    }
}

/// Why this member cannot search here, and where to go instead.
#[component]
fn Closed(setup: SearchSetup) -> impl IntoView {
    let i18n = use_i18n();
    let role = crate::auth::use_viewer().membership.map(|m| m.role);
    let (text, link, link_key) = match (setup.allowed, role) {
        (SearchAllowed::AdminMatches, _) => ("match-admin-matches", None, ""),
        (_, Some(Role::Admin)) => (
            "match-admin-page",
            Some(super::admin::MATCH_MEMBERS_PATH),
            "match-admin-page-link",
        ),
        (_, Some(Role::Mentor)) => (
            "match-other-page-mentor",
            Some(search_path(Role::Mentee)),
            "match-other-page-link",
        ),
        _ => (
            "match-other-page-mentee",
            Some(search_path(Role::Mentor)),
            "match-other-page-link-mentors",
        ),
    };
    view! {
        <p class="alert" role="status">{move || i18n.t(text)}</p>
        {link.map(|href| view! { <p><a class="button" href=href>{move || i18n.t(link_key)}</a></p> })}
    }
}

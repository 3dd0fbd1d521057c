use super::admin::RelationshipsQuery;
use super::admin_api::list_admin_meetings;
use super::admin_meetings_table::AdminMeetingsTable;
use super::name_search_form::NameSearchForm;
use super::relationship_tabs::RelationshipTabs;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{AdminBreadcrumb, LoadError, PageHeader, Pagination};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::scheduling::admin::{
    AdminMeetingsPage as MeetingsData, MeetingsQuery, MEETINGS_PAGE_SIZES,
};

/// `/admin/relationships/meetings`, the Relationships page's Meetings tab (seed 002,
/// "Suivi des invitations aux réunions"): every meeting of the program with who sent it,
/// its time on the administrator's clock, its status and each participant's ✓ ✗ ?;
/// searched by either member's name, by date either way, 10 to 100 rows a page, and the
/// same rows as CSV. The state lives in the URL, so it works without JavaScript.
#[component]
pub fn AdminMeetingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let url = use_query_map();
    let raw = Memo::new(move |_| url.read().to_query_string());
    let query = Memo::new(move |_| MeetingsQuery::parse(&raw.get()).unwrap_or_default());
    let data = Resource::new(move || raw.get(), list_admin_meetings);
    view! {
        <AdminBreadcrumb />
        <PageHeader title=Signal::derive(move || i18n.t("admin-relationships-title")) />
        <div class="search-row">
            <SearchForm query />
            <PageSizeForm query />
        </div>
        <Transition fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                let q = query.get_untracked();
                match data.await {
                    Ok(page) => Either::Left(view! { <Meetings page q /> }),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Transition>
    }
}

#[component]
fn Meetings(page: MeetingsData, q: MeetingsQuery) -> impl IntoView {
    let i18n = use_i18n();
    let tabs_query = RelationshipsQuery {
        search: q.search.clone(),
        ..RelationshipsQuery::default()
    };
    let (first, last) = page.shown(q.per_page);
    let (found, total) = (page.found(), page.total);
    let zone = page.zone_label.clone();
    let summary = move || {
        let shown = i18n.t_with(
            "admin-meetings-showing",
            &[
                ("first", first.into()),
                ("last", last.into()),
                ("count", found.into()),
            ],
        );
        if found == total {
            shown
        } else {
            let filtered = i18n.t_with("admin-meetings-filtered", &[("total", total.into())]);
            format!("{shown} {filtered}")
        }
    };
    let rest = q.to_query(false);
    let paging = if rest.is_empty() {
        rest
    } else {
        format!("{rest}&")
    };
    view! {
        <RelationshipTabs counts=page.counts query=tabs_query on_meetings=true />
        <p class="table-tools">
            <span>{move || i18n.t_with("admin-meetings-zone", &[("zone", zone.text(i18n.lang()).into())])}</span>
            " "
            <a class="button" href=q.csv_url() download>{t!(i18n, "admin-meetings-csv")}</a>
        </p>
        <AdminMeetingsTable rows=page.rows.clone() query=q.clone() />
        <p class="table-summary" role="status">{summary}</p>
        <Pagination page=page.page as i64 page_count=page.page_count as i64 query=paging />
    }
}

/// The name search, keeping the order and the page size.
#[component]
fn SearchForm(query: Memo<MeetingsQuery>) -> impl IntoView {
    let q = query.get_untracked();
    let default = MeetingsQuery::default();
    let mut hidden = Vec::new();
    if q.latest_first != default.latest_first {
        hidden.push(("dir", "asc".to_string()));
    }
    if q.per_page != default.per_page {
        hidden.push(("size", q.per_page.to_string()));
    }
    let url_for = Callback::new(move |text: String| {
        MeetingsQuery {
            search: text,
            page: 1,
            ..query.get_untracked()
        }
        .url()
    });
    view! { <NameSearchForm value=q.search hidden url_for /> }
}

/// "Show 10 / 25 / 50 / 100 entries": a GET form; with JavaScript a change applies at once.
#[component]
fn PageSizeForm(query: Memo<MeetingsQuery>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let q = query.get_untracked();
    let changed = move |ev: leptos::ev::Event| {
        if let Ok(per_page) = event_target_value(&ev).parse() {
            let to = MeetingsQuery {
                per_page,
                page: 1,
                ..query.get_untracked()
            };
            navigate(&to.url(), Default::default());
        }
    };
    view! {
        <form method="get" class="card inline-form page-size-form">
            <label for="meetings-size">{t!(i18n, "admin-meetings-per-page")}</label>
            <select id="meetings-size" name="size" on:change=changed>
                {MEETINGS_PAGE_SIZES.into_iter().map(|n| view! {
                    <option value=n selected=n == q.per_page>{n}</option>
                }).collect_view()}
            </select>
            {(!q.search.is_empty()).then(|| view! { <input type="hidden" name="q" value=q.search.clone() /> })}
            {(!q.latest_first).then(|| view! { <input type="hidden" name="dir" value="asc" /> })}
            <button type="submit" class="button button-small no-js-only">{t!(i18n, "admin-meetings-per-page-apply")}</button>
        </form>
    }
}

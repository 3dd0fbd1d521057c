use super::admin::{RelationshipTab, RelationshipsQuery, END_ALL_PATH};
use super::admin_api::{list_admin_relationships, AssignRelationshipAdmin};
use super::admin_relationships_table::AdminRelationshipsTable;
use crate::i18n::use_i18n;
use crate::matching::admin::MATCH_MEMBERS_PATH;
use crate::t;
use crate::ui::{AdminBreadcrumb, ErrorMessage, LoadError, PageHeader, Pagination, QueryNotice};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use std::time::Duration;

/// How long the search box waits after a keystroke before asking.
const SEARCH_PAUSE: Duration = Duration::from_millis(250);

/// `/admin/relationships` (seed 002, "Les relations"): every relationship of the program,
/// searched by name, in tabs with their counts (All, Matched, Completed), sortable and
/// paged; the state lives in the URL, so every view is a link and works without
/// JavaScript.
#[component]
pub fn AdminRelationshipsPage() -> impl IntoView {
    let i18n = use_i18n();
    let url = use_query_map();
    let raw = Memo::new(move |_| url.read().to_query_string());
    let query = Memo::new(move |_| RelationshipsQuery::parse(&raw.get()).unwrap_or_default());
    let assign = ServerAction::<AssignRelationshipAdmin>::new();
    let data = Resource::new(
        move || (raw.get(), assign.version().get()),
        |(raw, _)| list_admin_relationships(raw),
    );
    let assign_error = Signal::derive(move || assign.value().get().and_then(|r| r.err()));
    view! {
        <AdminBreadcrumb />
        <PageHeader title=Signal::derive(move || i18n.t("admin-relationships-title")) />
        <QueryNotice name="assigned" key="admin-relationships-admin-assigned" />
        <ErrorMessage error=assign_error />
        <p class="admin-links">
            <a href=MATCH_MEMBERS_PATH>{t!(i18n, "match-members-title")}</a>
            " · "
            <a href=END_ALL_PATH>{t!(i18n, "end-all-title")}</a>
        </p>
        <SearchForm query />
        <Transition fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                let q = query.get_untracked();
                match data.await {
                    Ok(page) => {
                        let rest = q.to_query(false);
                        let paging = if rest.is_empty() { rest } else { format!("{rest}&") };
                        Either::Left(view! {
                            <nav class="tabs" aria-label=t!(i18n, "admin-relationships-tabs")>
                                {RelationshipTab::ALL.into_iter().map(|tab| {
                                    let count = page.counts.of(tab);
                                    let current = (tab == q.tab).then_some("page");
                                    view! {
                                        <a href=q.on_tab(tab).url("") aria-current=current class="tab">
                                            {move || i18n.t_with(tab.label_key(), &[("count", count.into())])}
                                        </a>
                                    }
                                }).collect_view()}
                            </nav>
                            <AdminRelationshipsTable page=page.clone() query=q.clone() assign />
                            <Pagination page=page.page page_count=page.page_count query=paging />
                        })
                    }
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Transition>
    }
}

/// Search by name: a plain GET form that, with JavaScript, searches as the name is typed.
#[component]
fn SearchForm(query: Memo<RelationshipsQuery>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let timer = StoredValue::new(None::<leptos::prelude::TimeoutHandle>);
    let typed = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        let navigate = navigate.clone();
        let go = move || {
            let q = RelationshipsQuery {
                search: text.trim().to_string(),
                page: 1,
                ..query.get_untracked()
            };
            navigate(
                &q.url(""),
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        };
        timer.set_value(set_timeout_with_handle(go, SEARCH_PAUSE).ok());
    };
    let q = query.get_untracked();
    let default = RelationshipsQuery::default();
    view! {
        <form method="get" class="card search-form" role="search">
            <label for="relationship-search">{t!(i18n, "admin-relationships-search")}</label>
            <input id="relationship-search" type="search" name="q" value=q.search.clone()
                autocomplete="off" on:input=typed />
            {(q.tab != default.tab).then(|| view! { <input type="hidden" name="tab" value=q.tab.as_str() /> })}
            {(q.sort != default.sort || q.descending != default.descending).then(|| view! {
                <input type="hidden" name="sort" value=q.sort.as_str() />
                <input type="hidden" name="dir" value=if q.descending { "desc" } else { "asc" } />
            })}
            <button type="submit" class="button">{t!(i18n, "admin-relationships-search-button")}</button>
        </form>
    }
}

use super::admin::{RelationshipsQuery, END_ALL_PATH};
use super::admin_api::{list_admin_relationships, AssignRelationshipAdmin};
use super::admin_relationships_table::AdminRelationshipsTable;
use super::name_search_form::NameSearchForm;
use super::relationship_tabs::RelationshipTabs;
use crate::i18n::use_i18n;
use crate::matching::admin::MATCH_MEMBERS_PATH;
use crate::t;
use crate::ui::{AdminBreadcrumb, ErrorMessage, LoadError, PageHeader, Pagination, QueryNotice};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

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
                            <RelationshipTabs counts=page.counts query=q.clone() on_meetings=false />
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

/// The name search for `query`, keeping its tab and order.
#[component]
fn SearchForm(query: Memo<RelationshipsQuery>) -> impl IntoView {
    let q = query.get_untracked();
    let default = RelationshipsQuery::default();
    let mut hidden = Vec::new();
    if q.tab != default.tab {
        hidden.push(("tab", q.tab.as_str().to_string()));
    }
    if q.sort != default.sort || q.descending != default.descending {
        hidden.push(("sort", q.sort.as_str().to_string()));
        hidden.push(("dir", if q.descending { "desc" } else { "asc" }.to_string()));
    }
    let url_for = Callback::new(move |text: String| {
        RelationshipsQuery {
            search: text,
            page: 1,
            ..query.get_untracked()
        }
        .url("")
    });
    view! { <NameSearchForm value=q.search hidden url_for /> }
}

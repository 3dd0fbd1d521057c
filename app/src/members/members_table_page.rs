use super::api::{
    get_members_table_setup, list_members, AssignMemberAdmin, ChooseMemberColumns,
    DeleteMemberFilter, SaveMemberFilter, ToggleMemberActive,
};
use super::column_chooser::ColumnChooser;
use super::filter::{parse_query, MemberFilter};
use super::member_filters_form::MemberFiltersForm;
use super::members_table::MembersTable;
use super::saved_searches::SavedSearches;
use super::undo_toast::{UndoNotice, UndoToast};
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{ErrorMessage, LoadError, PageHeader, Pagination, QueryNotice};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// What the table's parts share: the filters read from the URL and the row actions.
#[derive(Clone, Copy)]
pub struct MembersTableState {
    /// The URL's filters (an invalid URL shows its error and no filters).
    pub filter: Memo<MemberFilter>,
    /// The canonical query string of those filters, page included.
    pub query: Memo<String>,
    pub toggle: ServerAction<ToggleMemberActive>,
    pub assign: ServerAction<AssignMemberAdmin>,
    /// The last Active change made here: (member, now active, their name), for the undo toast.
    pub last_toggle: RwSignal<Option<(i64, bool, String)>>,
}

impl MembersTableState {
    /// Activates or deactivates a member from the table; the toast then offers the undo.
    pub fn set_active(&self, user_id: i64, active: bool, name: String) {
        self.toggle.dispatch(ToggleMemberActive {
            user_id,
            active: active.to_string(),
            back: self.query.get_untracked(),
        });
        self.last_toggle.set(Some((user_id, active, name)));
    }
}

/// `/admin/members`: the members table of the administrator guide — live search, filters and saved filters in
/// the URL, chosen columns, the Active switch with undo, and the member admin.
#[component]
pub fn MembersTablePage() -> impl IntoView {
    let i18n = use_i18n();
    let url = use_query_map();
    let raw = Memo::new(move |_| url.read().to_query_string());
    let filter = Memo::new(move |_| parse_query(&raw.get()).unwrap_or_default());
    // A plain GET of the filters form sends every field, empty ones too: answer with the
    // short, canonical URL (the one links, saved filters and the browser's history use).
    #[cfg(feature = "ssr")]
    {
        let sent = raw.get_untracked();
        let has_empty = sent
            .trim_start_matches('?')
            .split('&')
            .any(|pair| pair.ends_with('=') || pair.is_empty());
        if has_empty && !sent.is_empty() {
            if let Ok(f) = parse_query(&sent) {
                leptos_axum::redirect(&super::filter::table_url(&f.to_query(true), ""));
            }
        }
    }
    let query = Memo::new(move |_| filter.get().to_query(true));
    let state = MembersTableState {
        filter,
        query,
        toggle: ServerAction::new(),
        assign: ServerAction::new(),
        last_toggle: RwSignal::new(None),
    };
    provide_context(state);
    let save = ServerAction::<SaveMemberFilter>::new();
    let forget = ServerAction::<DeleteMemberFilter>::new();
    let columns = ServerAction::<ChooseMemberColumns>::new();
    let setup = Resource::new(
        move || {
            (
                save.version().get(),
                forget.version().get(),
                columns.version().get(),
            )
        },
        |_| get_members_table_setup(),
    );
    // The server reads the raw query, so a bad filter comes back as an error naming it.
    let data = Resource::new(
        move || {
            (
                raw.get(),
                state.toggle.version().get(),
                state.assign.version().get(),
            )
        },
        |(raw, _, _)| list_members(raw),
    );
    let row_error = Signal::derive(move || {
        let toggled = state.toggle.value().get().and_then(|r| r.err());
        toggled.or_else(|| state.assign.value().get().and_then(|r| r.err()))
    });
    view! {
        <PageHeader title=Signal::derive(move || i18n.t("members-title")) />
        <QueryNotice name="deleted" key="members-deleted" />
        <QueryNotice name="filter_saved" key="members-filter-saved" />
        <QueryNotice name="assigned" key="members-admin-assigned" />
        <UndoNotice />
        <ErrorMessage error=row_error />
        <p class="admin-links">
            <a href="/admin/members/import">{t!(i18n, "members-import-link")}</a>
            " · "
            <a href="/admin/members/deactivate">{t!(i18n, "members-deactivate-link")}</a>
        </p>
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match setup.await {
                    Ok(setup) => {
                        let setup = StoredValue::new(setup);
                        Either::Left(view! {
                            <MemberFiltersForm setup=setup.get_value() />
                            <SavedSearches saved=setup.get_value().saved save forget />
                            <ColumnChooser chosen=setup.get_value().columns action=columns />
                            <Transition fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
                                {move || Suspend::new(async move {
                                    match data.await {
                                        Ok(page) => {
                                            let rest = filter.get_untracked().to_query(false);
                                            let paging = if rest.is_empty() { rest } else { format!("{rest}&") };
                                            Either::Left(view! {
                                                <p class="result-count" aria-live="polite">{t!(i18n, "members-count", count = page.total)}</p>
                                                <MembersTable rows=page.rows setup=setup.get_value() />
                                                <Pagination page=page.page page_count=page.page_count query=paging />
                                            })
                                        }
                                        Err(err) => Either::Right(view! { <LoadError error=err /> }),
                                    }
                                })}
                            </Transition>
                        })
                    }
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
        <UndoToast />
    }
}

use super::api::{DeleteMemberFilter, SaveMemberFilter};
use super::filter::table_url;
use super::members_table_page::MembersTableState;
use super::model::{SavedFilter, SAVED_FILTER_NAME_MAX};
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{query_error, ErrorMessage};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// "Save search filter" (a name for the current filters) and "Recent searches": the
/// admin's saved filters as one-click links.
#[component]
pub fn SavedSearches(
    saved: Vec<SavedFilter>,
    save: ServerAction<SaveMemberFilter>,
    forget: ServerAction<DeleteMemberFilter>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<MembersTableState>();
    let from_query = query_error();
    let error = Signal::derive(move || {
        save.value().get().and_then(|r| r.err()).or_else(|| {
            from_query
                .get()
                .filter(|e| e.field() == Some("filter_name"))
        })
    });
    let draft = use_query_map()
        .get_untracked()
        .get("filter_name")
        .unwrap_or_default();
    let saved_now = move || matches!(save.value().get(), Some(Ok(_)));
    view! {
        <div class="saved-searches">
            <details class="save-filter" open=move || error.get().is_some()>
                <summary>{t!(i18n, "members-save-filter")}</summary>
                <ActionForm action=save attr:class="inline-fields">
                    <ErrorMessage error />
                    <div class="field">
                        <label for="filter-name">{t!(i18n, "field-filter_name")}</label>
                        <input id="filter-name" name="name" required maxlength=SAVED_FILTER_NAME_MAX.to_string() value=draft
                            aria-invalid=move || error.get().is_some().then_some("true") />
                    </div>
                    <input type="hidden" name="query" value=move || state.filter.get().to_query(false) />
                    <button type="submit" class="button">{t!(i18n, "members-save-filter-button")}</button>
                </ActionForm>
            </details>
            {move || saved_now().then(|| view! { <p class="alert alert-success" role="status">{t!(i18n, "members-filter-saved")}</p> })}
            {(!saved.is_empty()).then(|| view! {
                <nav class="recent-searches" aria-labelledby="recent-searches-title">
                    <span id="recent-searches-title">{t!(i18n, "members-recent-searches")}</span>
                    <ul>
                        {saved.into_iter().map(|s| {
                            let name = StoredValue::new(s.name.clone());
                            view! {
                                <li>
                                    <a href=table_url(&s.query, "")>{s.name.clone()}</a>
                                    <ActionForm action=forget attr:class="inline-form">
                                        <input type="hidden" name="id" value=s.id />
                                        <input type="hidden" name="back" value=move || state.query.get() />
                                        <button type="submit" class="link-button"
                                            aria-label=move || i18n.t_with("members-forget-filter", &[("name", name.get_value().into())])>"×"</button>
                                    </ActionForm>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </nav>
            })}
        </div>
    }
}

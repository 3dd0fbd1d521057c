use super::filter::{
    parse_query, table_url, Activity, MemberColumn, MemberFilter, RelationshipFilter,
    HOURS_FILTER_MAX,
};
use super::members_table_page::MembersTableState;
use super::model::MembersTableSetup;
use crate::auth::model::Role;
use crate::i18n::use_i18n;
use crate::t;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use std::time::Duration;

/// How long the search box waits after a keystroke before asking (fast typists send one
/// request per pause, not per letter).
const SEARCH_PAUSE: Duration = Duration::from_millis(250);

/// The filters without the search text, sort and page: what the form's controls show.
fn form_part(filter: &MemberFilter) -> String {
    MemberFilter {
        search: String::new(),
        sort: MemberColumn::Name,
        descending: false,
        page: 1,
        ..filter.clone()
    }
    .to_query(false)
}

/// The search box and the filters. Without JavaScript it is a plain GET form; with it,
/// typing and every change apply at once, and the URL keeps the state (Back, reload and
/// shared links all work).
#[component]
pub fn MemberFiltersForm(setup: MembersTableSetup) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<MembersTableState>();
    let navigate = use_navigate();
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let search_ref = NodeRef::<leptos::html::Input>::new();
    let option_ref = NodeRef::<leptos::html::Select>::new();
    // What this form last put in the URL. When the URL changes for another reason (Clear
    // filters, a saved filter, Back), the controls are drawn again from it.
    let applied = StoredValue::new(form_part(&state.filter.get_untracked()));
    let generation = Memo::new(move |prev: Option<&u32>| {
        let now = form_part(&state.filter.get());
        match prev {
            Some(p) if applied.get_value() == now => *p,
            Some(p) => {
                applied.set_value(now);
                p + 1
            }
            None => 0,
        }
    });
    let apply = move |replace: bool| {
        let Some(raw) = form_ref
            .get_untracked()
            .and_then(|form| crate::ui::form_query(&form))
        else {
            return;
        };
        let target = match parse_query(&raw) {
            Ok(mut filter) => {
                filter.page = 1;
                applied.set_value(form_part(&filter));
                filter.to_query(true)
            }
            // The server names the filter that is wrong.
            Err(_) => raw,
        };
        navigate(
            &table_url(&target, ""),
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let on_search = {
        let apply = apply.clone();
        move |_| {
            if let Some(pending) = timer.get_value() {
                pending.clear();
            }
            let apply = apply.clone();
            timer.set_value(set_timeout_with_handle(move || apply(true), SEARCH_PAUSE).ok());
        }
    };
    // Clear filters, Back or a saved filter: the box shows the URL's text (never while typing).
    Effect::new(move |_| {
        let wanted = state.filter.get().search;
        if let Some(input) = search_ref.get() {
            let focused = document().active_element().is_some_and(|e| {
                let input: &web_sys::Element = input.as_ref();
                e == *input
            });
            if !focused && input.value().trim() != wanted {
                input.set_value(&wanted);
            }
        }
    });
    let on_submit = {
        let apply = apply.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            apply(false);
        }
    };
    let on_change = move |_| apply(false);
    let setup = StoredValue::new(setup);
    let initial_search = state.filter.get_untracked().search;
    view! {
        <div class="member-search" role="search">
            <label for="member-search">{t!(i18n, "members-search-label")}</label>
            <input id="member-search" node_ref=search_ref type="search" name="q" form="member-filters"
                value=initial_search autocomplete="off" maxlength="100"
                placeholder=move || i18n.t("members-search-placeholder") on:input=on_search />
        </div>
        <form id="member-filters" node_ref=form_ref method="get" action="/admin/members" class="member-filters"
            on:submit=on_submit on:change=on_change>
            {move || {
                generation.get();
                let f = state.filter.get_untracked();
                let s = setup.get_value();
                let chosen_field = RwSignal::new(f.field);
                let lang = i18n.lang();
                let advanced_open = !f.industries.is_empty() || !f.job_functions.is_empty()
                    || f.completeness_below.is_some() || f.created_after.is_some() || f.current_only
                    || f.active.is_some() || f.activity.is_some() || f.relationship.is_some()
                    || f.hours_min.is_some() || f.hours_max.is_some();
                let fields = StoredValue::new(s.custom_fields.clone());
                let option = f.option;
                view! {
                    <div class="filter-row">
                        <div class="field">
                            <label for="filter-role">{t!(i18n, "members-filter-role")}</label>
                            <select id="filter-role" name="role">
                                <option value="">{t!(i18n, "members-filter-all-roles")}</option>
                                {[Role::Mentor, Role::Mentee, Role::Admin].into_iter().map(|r| view! {
                                    <option value=r.as_str() selected=f.role == Some(r)>{move || i18n.t(r.label_key())}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="filter-field">{t!(i18n, "members-filter-field")}</label>
                            <select id="filter-field" name="field" on:change=move |ev| {
                                chosen_field.set(event_target_value(&ev).parse().ok());
                                if let Some(select) = option_ref.get_untracked() {
                                    select.set_value("");
                                }
                            }>
                                <option value="">{t!(i18n, "members-filter-choose")}</option>
                                {s.custom_fields.iter().map(|cf| view! {
                                    <option value=cf.field.id selected=f.field == Some(cf.field.id)>{cf.field.label(lang).to_string()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="filter-option">{t!(i18n, "members-filter-option")}</label>
                            <select id="filter-option" name="option" node_ref=option_ref>
                                <option value="">{t!(i18n, "members-filter-any-answer")}</option>
                                // One field chosen: its options; otherwise every field's, grouped.
                                {move || fields.with_value(|all| {
                                    let shown = chosen_field.get();
                                    all.iter().filter(|cf| shown.is_none_or(|id| id == cf.field.id)).map(|cf| view! {
                                        <optgroup label=cf.field.label(lang).to_string()>
                                            {cf.options.iter().map(|o| view! {
                                                <option value=o.id selected=option == Some(o.id)>{o.label(lang).to_string()}</option>
                                            }).collect_view()}
                                        </optgroup>
                                    }).collect_view()
                                })}
                            </select>
                        </div>
                    </div>
                    <details class="advanced-filters" open=advanced_open>
                        <summary>{t!(i18n, "members-advanced")}</summary>
                        <div class="filter-grid">
                            // Sectors and job functions: any of the chosen entries.
                            {[
                                ("members-filter-industries", "industry", &s.industries, &f.industries),
                                ("members-filter-functions", "function", &s.job_functions, &f.job_functions),
                            ].into_iter().map(|(label, name, items, chosen)| {
                                let id = format!("filter-{name}");
                                view! {
                                    <div class="field">
                                        <label for=id.clone()>{move || i18n.t(label)}</label>
                                        <select id=id name=name multiple size="4">
                                            {items.iter().map(|c| view! {
                                                <option value=c.id selected=chosen.contains(&c.id)>{c.label(lang).to_string()}</option>
                                            }).collect_view()}
                                        </select>
                                    </div>
                                }
                            }).collect_view()}
                            <div class="field">
                                <label for="filter-below">{t!(i18n, "members-filter-below")}</label>
                                <input id="filter-below" name="below" type="number" min="1" max="100" inputmode="numeric"
                                    value=f.completeness_below.map(|b| b.to_string()).unwrap_or_default() />
                            </div>
                            <div class="field">
                                <label for="filter-hours-min">{t!(i18n, "members-filter-hours-min")}</label>
                                <input id="filter-hours-min" name="hours_min" type="number" min="0" max=HOURS_FILTER_MAX inputmode="numeric"
                                    value=f.hours_min.map(|h| h.to_string()).unwrap_or_default() />
                            </div>
                            <div class="field">
                                <label for="filter-hours-max">{t!(i18n, "members-filter-hours-max")}</label>
                                <input id="filter-hours-max" name="hours_max" type="number" min="0" max=HOURS_FILTER_MAX inputmode="numeric"
                                    value=f.hours_max.map(|h| h.to_string()).unwrap_or_default() />
                            </div>
                            <div class="field">
                                <label for="filter-after">{t!(i18n, "members-filter-after")}</label>
                                <input id="filter-after" name="after" type="date"
                                    value=f.created_after.map(crate::iso_date::iso_date).unwrap_or_default() />
                            </div>
                            <div class="field">
                                <label for="filter-active">{t!(i18n, "members-filter-active")}</label>
                                <select id="filter-active" name="active">
                                    <option value="">{t!(i18n, "members-filter-any")}</option>
                                    <option value="yes" selected=f.active == Some(true)>{t!(i18n, "yes")}</option>
                                    <option value="no" selected=f.active == Some(false)>{t!(i18n, "no")}</option>
                                </select>
                            </div>
                            <div class="field">
                                <label for="filter-activity">{t!(i18n, "members-filter-activity")}</label>
                                <select id="filter-activity" name="activity">
                                    <option value="">{t!(i18n, "members-filter-any")}</option>
                                    {Activity::CHOICES.into_iter().map(|a| {
                                        let label = match a {
                                            Activity::Within(days) => i18n.t_with("members-activity-within", &[("days", days.into())]),
                                            Activity::Never => i18n.t("members-activity-never"),
                                        };
                                        view! { <option value=a.code() selected=f.activity == Some(a)>{label}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="filter-relationship">{t!(i18n, "members-filter-relationship")}</label>
                                <select id="filter-relationship" name="relationship">
                                    <option value="">{t!(i18n, "members-filter-any")}</option>
                                    <option value="active" selected=f.relationship == Some(RelationshipFilter::Active)>{t!(i18n, "members-relationship-active")}</option>
                                    <option value="none" selected=f.relationship == Some(RelationshipFilter::None)>{t!(i18n, "members-relationship-none")}</option>
                                </select>
                            </div>
                            <div class="field field-checkbox">
                                <input id="filter-current" name="current" type="checkbox" value="1" checked=f.current_only />
                                <label for="filter-current">{t!(i18n, "members-filter-current")}</label>
                            </div>
                        </div>
                    </details>
                }
            }}
            <input type="hidden" name="sort" value=move || {
                let f = state.filter.get();
                if f.sort == MemberColumn::Name { String::new() } else { f.sort.as_str().to_string() }
            } />
            <input type="hidden" name="dir" value=move || if state.filter.get().descending { "desc" } else { "" } />
            <div class="form-actions">
                <button type="submit" class="button">{t!(i18n, "members-search")}</button>
                <a href="/admin/members" class="button button-secondary">{t!(i18n, "members-clear")}</a>
            </div>
        </form>
    }
}

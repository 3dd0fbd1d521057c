use super::filter::{table_url, MemberColumn};
use super::member_row_controls::{ActiveSwitch, MemberAdminSelect};
use super::members_table_page::MembersTableState;
use super::model::{MemberRow, MembersTableSetup};
use crate::auth::model::Role;
use crate::i18n::use_i18n;
use crate::profiles::model::hours_minutes;
use leptos::prelude::*;

/// The table itself: the chosen columns, sortable headers (links, so sorting works without
/// JavaScript), and the name column kept in view when the table scrolls sideways.
#[component]
pub fn MembersTable(rows: Vec<MemberRow>, setup: MembersTableSetup) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<MembersTableState>();
    let columns = setup.columns.clone();
    let admins = StoredValue::new(setup.admins.clone());
    let header = columns
        .iter()
        .map(|&c| {
            let label = move || i18n.t(c.label_key());
            if !c.sortable() {
                return view! { <th scope="col">{label}</th> }.into_any();
            }
            let f = state.filter.get_untracked();
            let sort = match (f.sort == c, f.descending) {
                (false, _) => "none",
                (true, false) => "ascending",
                (true, true) => "descending",
            };
            let href = table_url(&f.sorted_by(c).to_query(true), "");
            view! { <th scope="col" aria-sort=sort><a href=href class="sort-link">{label}</a></th> }
                .into_any()
        })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|m| {
            let m = StoredValue::new(m);
            let cells = columns
                .iter()
                .map(|&c| {
                    let row = m.get_value();
                    match c {
                        MemberColumn::Name => view! {
                            <th scope="row"><a href=format!("/admin/members/{}", row.user_id)>{row.full_name()}</a></th>
                        }
                        .into_any(),
                        MemberColumn::Email => view! { <td>{row.email}</td> }.into_any(),
                        MemberColumn::Completeness => {
                            let percent = (row.role != Role::Admin).then_some(row.completeness);
                            view! {
                                <td class="number">{move || percent.map(|p| i18n.t_with("percent", &[("value", p.into())])).unwrap_or_else(|| "—".into())}</td>
                            }
                            .into_any()
                        }
                        MemberColumn::LastSignIn => {
                            let last = row.last_sign_in;
                            view! { <td>{move || last.map(|t| t.format_date_time(i18n.lang()))}</td> }.into_any()
                        }
                        MemberColumn::Relationships => view! { <td class="number">{row.relationships}</td> }.into_any(),
                        MemberColumn::Groups => view! { <td class="number">{row.groups}</td> }.into_any(),
                        MemberColumn::Matches => view! { <td class="number">{row.matches}</td> }.into_any(),
                        MemberColumn::Role => view! { <td>{move || i18n.t(row.role.label_key())}</td> }.into_any(),
                        MemberColumn::Hours => view! { <td class="number">{hours_minutes(row.mentoring_minutes)}</td> }.into_any(),
                        MemberColumn::MemberSince => {
                            let since = row.member_since;
                            view! { <td>{move || since.format_date(i18n.lang())}</td> }.into_any()
                        }
                        MemberColumn::EndDate => {
                            let end = row.end_date;
                            view! { <td>{move || end.map(|t| t.format_date(i18n.lang()))}</td> }.into_any()
                        }
                        MemberColumn::Active => view! { <td><ActiveSwitch row=row.clone() /></td> }.into_any(),
                        MemberColumn::MemberAdmin => view! {
                            <td>{(row.role != Role::Admin).then(|| view! { <MemberAdminSelect row=row.clone() admins=admins.get_value() /> })}</td>
                        }
                        .into_any(),
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    // Marks the table live once the browser has taken it over (its page loads on demand,
    // after the rest of the app): browser tests wait for this before clicking.
    let table_ref = NodeRef::<leptos::html::Table>::new();
    Effect::new(move |_| {
        if let Some(table) = table_ref.get() {
            let _ = table.set_attribute("data-live", "true");
        }
    });
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.t("members-title")>
            <table class="data-table members-table" node_ref=table_ref>
                <thead><tr>{header}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

use super::admin::{RelationshipSort, RelationshipsPage, RelationshipsQuery};
use super::admin_api::AssignRelationshipAdmin;
use super::model::{invitation_path, relationship_path};
use crate::i18n::{use_i18n, LocalDateTime};
use crate::scheduling::view::booking_path;
use crate::t;
use leptos::either::Either;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use shared::profiles::model::hours_minutes;

/// The seed's columns: mentor, mentee, status, mentoring agreement, final evaluation
/// (empty until those features exist), hours and meetings held, created, started, next
/// meeting, ended, the request's and the relationship's Details, the relationship admin,
/// and "Book a meeting" for a current pair. Sortable headers are links; the mentor column
/// stays in view when the table scrolls sideways.
#[component]
pub fn AdminRelationshipsTable(
    page: RelationshipsPage,
    query: RelationshipsQuery,
    assign: ServerAction<AssignRelationshipAdmin>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sortable = |column: RelationshipSort, key: &'static str| {
        let sort = match (query.sort == column, query.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        let href = query.sorted_by(column).url("");
        view! { <th scope="col" aria-sort=sort><a href=href class="sort-link">{move || i18n.t(key)}</a></th> }
    };
    let plain = |key: &'static str| view! { <th scope="col">{move || i18n.t(key)}</th> };
    let date = move |d: Option<LocalDateTime>| move || d.map(|d| d.format_date(i18n.lang()));
    let admins = StoredValue::new(page.admins.clone());
    let back = query.to_query(true);
    let rows = page
        .rows
        .into_iter()
        .map(|r| {
            let status = r.status;
            let hours = hours_minutes(i64::from(r.held_minutes));
            let next = r.next_meeting;
            let next_text = move || match next {
                Some(at) => at.format_date_time(i18n.lang()),
                None => i18n.t("admin-relationships-next-none"),
            };
            let book = status.is_current().then(|| {
                let pair = format!("{} – {}", r.mentor_name, r.mentee_name);
                view! {
                    <a class="button button-small" href=booking_path(r.id)>{t!(i18n, "admin-relationships-book")}
                        <span class="visually-hidden">": " {pair}</span></a>
                }
            });
            let request = match r.invitation_id {
                Some(id) => Either::Left(view! {
                    <a href=invitation_path(id)>{t!(i18n, "admin-relationships-details")}</a>
                }),
                None => Either::Right(view! {
                    <span class="muted">{t!(i18n, "admin-relationships-matched-by-admin")}</span>
                }),
            };
            view! {
                <tr>
                    <th scope="row"><a href=format!("/admin/members/{}", r.mentor_id)>{r.mentor_name.clone()}</a></th>
                    <td><a href=format!("/admin/members/{}", r.mentee_id)>{r.mentee_name.clone()}</a></td>
                    <td class=format!("status status-{}", status.as_str())>{move || i18n.t(status.label_key())}</td>
                    <td></td>
                    <td></td>
                    <td class="number">{hours}</td>
                    <td class="number">{r.held}</td>
                    <td>{date(Some(r.created))}</td>
                    <td>{date(Some(r.started))}</td>
                    <td>{next_text}</td>
                    <td>{date(r.ended)}</td>
                    <td>{request}</td>
                    <td><a href=relationship_path(r.id)>{t!(i18n, "admin-relationships-details")}
                        <span class="visually-hidden">": " {format!("{} – {}", r.mentor_name, r.mentee_name)}</span></a></td>
                    <td><RelationshipAdminSelect id=r.id current=r.admin_id admins=admins.get_value() back=back.clone() assign /></td>
                    <td>{book}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.t("admin-relationships-title")>
            <table class="data-table relationships-table">
                <thead><tr>
                    {sortable(RelationshipSort::Mentor, "admin-relationships-col-mentor")}
                    {sortable(RelationshipSort::Mentee, "admin-relationships-col-mentee")}
                    {sortable(RelationshipSort::Status, "admin-relationships-col-status")}
                    {plain("admin-relationships-col-agreement")}
                    {plain("admin-relationships-col-evaluation")}
                    {plain("admin-relationships-col-hours")}
                    {plain("admin-relationships-col-meetings")}
                    {sortable(RelationshipSort::Created, "admin-relationships-col-created")}
                    {sortable(RelationshipSort::Started, "admin-relationships-col-started")}
                    {plain("admin-relationships-col-next")}
                    {sortable(RelationshipSort::Ended, "admin-relationships-col-ended")}
                    {plain("admin-relationships-col-request")}
                    {plain("admin-relationships-col-relationship")}
                    {plain("admin-relationships-col-admin")}
                    {plain("admin-relationships-col-book")}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// "Relationship admin": which administrator looks after the pair. A form, so it works
/// without JavaScript; with it, a change applies at once.
#[component]
fn RelationshipAdminSelect(
    id: i64,
    current: Option<i64>,
    admins: Vec<(i64, String)>,
    back: String,
    assign: ServerAction<AssignRelationshipAdmin>,
) -> impl IntoView {
    let i18n = use_i18n();
    let select_id = format!("relationship-admin-{id}");
    let sent_back = back.clone();
    let dispatch = move |admin_id: String| {
        assign.dispatch(AssignRelationshipAdmin {
            id,
            admin_id,
            back: sent_back.clone(),
        });
    };
    view! {
        <form method="post" action=AssignRelationshipAdmin::url() class="inline-form"
            on:submit=move |ev| ev.prevent_default()>
            <input type="hidden" name="id" value=id />
            <input type="hidden" name="back" value=back />
            <label for=select_id.clone() class="visually-hidden">{t!(i18n, "admin-relationships-col-admin")}</label>
            <select id=select_id name="admin_id" on:change=move |ev| dispatch(event_target_value(&ev))>
                <option value="">{t!(i18n, "admin-relationships-admin-none")}</option>
                {admins.into_iter().map(|(admin, name)| view! {
                    <option value=admin selected=current == Some(admin)>{name}</option>
                }).collect_view()}
            </select>
            <button type="submit" class="button button-small no-js-only">{t!(i18n, "members-member-admin-save")}</button>
        </form>
    }
}

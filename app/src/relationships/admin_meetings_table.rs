use crate::i18n::use_i18n;
use crate::t;
use leptos::prelude::*;
use shared::scheduling::admin::{AdminMeetingRow, MeetingsQuery};

/// The seed's columns: mentor, mentee, sent by, date (its header flips the order), time
/// ("12:00 to 12:30" on the administrator's clock), duration, status, and the
/// participants with ✓ accepted, ✗ declined, ? no answer yet.
#[component]
pub fn AdminMeetingsTable(rows: Vec<AdminMeetingRow>, query: MeetingsQuery) -> impl IntoView {
    let i18n = use_i18n();
    let plain = |key: &'static str| view! { <th scope="col">{move || i18n.t(key)}</th> };
    let date_sort = if query.latest_first {
        "descending"
    } else {
        "ascending"
    };
    let date_href = query.date_flipped().url();
    let empty = rows.is_empty();
    let rows = rows
        .into_iter()
        .map(|r| {
            let (start, end, status, minutes) = (r.start, r.end, r.status, r.minutes);
            let time = move || {
                let lang = i18n.lang();
                i18n.t_with(
                    "admin-meetings-time",
                    &[
                        ("start", start.format_time(lang).into()),
                        ("end", end.format_time(lang).into()),
                    ],
                )
            };
            view! {
                <tr>
                    <th scope="row"><a href=format!("/admin/members/{}", r.mentor_id)>{r.mentor_name}</a></th>
                    <td><a href=format!("/admin/members/{}", r.mentee_id)>{r.mentee_name}</a></td>
                    <td>{r.sender_name}</td>
                    <td>{move || start.format_date(i18n.lang())}</td>
                    <td>{time}</td>
                    <td>{move || i18n.t_with("admin-meetings-minutes", &[("count", minutes.into())])}</td>
                    <td class=format!("status status-{}", status.as_str())>{move || i18n.t(status.label_key())}</td>
                    <td>
                        <ul class="participants">
                            {r.participants.into_iter().map(|p| {
                                let a = p.answer;
                                view! {
                                    <li class=format!("answer-{}", a.as_str())>
                                        <span aria-hidden="true">{a.mark()}" "</span>
                                        {p.name}
                                        <span class="visually-hidden">" ("{move || i18n.t(a.label_key())}")"</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.t("admin-relationships-tab-meetings-label")>
            <table class="data-table meetings-table">
                <thead><tr>
                    {plain("admin-relationships-col-mentor")}
                    {plain("admin-relationships-col-mentee")}
                    {plain("admin-meetings-col-sender")}
                    <th scope="col" aria-sort=date_sort>
                        <a href=date_href class="sort-link">{t!(i18n, "admin-meetings-col-date")}</a>
                    </th>
                    {plain("admin-meetings-col-time")}
                    {plain("admin-meetings-col-duration")}
                    {plain("admin-meetings-col-status")}
                    {plain("admin-meetings-col-participants")}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {empty.then(|| view! { <p class="muted">{t!(i18n, "admin-meetings-none")}</p> })}
    }
}

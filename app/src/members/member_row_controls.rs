use super::api::{AssignMemberAdmin, ToggleMemberActive};
use super::members_table_page::MembersTableState;
use super::model::MemberRow;
use crate::i18n::use_i18n;
use crate::t;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The "Active" checkbox as a switch. It is a form, so it works without JavaScript; with
/// it, the change applies in place and the undo toast appears.
#[component]
pub fn ActiveSwitch(row: MemberRow) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<MembersTableState>();
    let user_id = row.user_id;
    let active = row.active;
    let name = StoredValue::new(row.full_name());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.set_active(user_id, !active, name.get_value());
    };
    view! {
        <form method="post" action=ToggleMemberActive::url() class="inline-form" on:submit=on_submit>
            <input type="hidden" name="user_id" value=user_id />
            <input type="hidden" name="active" value=(!active).to_string() />
            <input type="hidden" name="back" value=move || state.query.get() />
            <button type="submit" role="switch" class="switch" aria-checked=active.to_string()
                aria-label=move || i18n.t_with("members-active-switch", &[("name", name.get_value().into())])>
                <span aria-hidden="true">{if active { "✓" } else { "" }}</span>
            </button>
        </form>
    }
}

/// "Member admin": which of the program's administrators looks after this member.
#[component]
pub fn MemberAdminSelect(row: MemberRow, admins: Vec<(i64, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<MembersTableState>();
    let user_id = row.user_id;
    let current = row.member_admin_id;
    let select_id = format!("member-admin-{user_id}");
    let name = row.full_name();
    let dispatch = move |admin_id: String| {
        state.assign.dispatch(AssignMemberAdmin {
            user_id,
            admin_id,
            back: state.query.get_untracked(),
        });
    };
    view! {
        <form method="post" action=AssignMemberAdmin::url() class="inline-form"
            on:submit=move |ev| ev.prevent_default()>
            <input type="hidden" name="user_id" value=user_id />
            <input type="hidden" name="back" value=move || state.query.get() />
            <label for=select_id.clone() class="visually-hidden">
                {move || i18n.t_with("members-member-admin-for", &[("name", name.clone().into())])}
            </label>
            <select id=select_id name="admin_id" on:change=move |ev| dispatch(event_target_value(&ev))>
                <option value="">{t!(i18n, "members-member-admin-none")}</option>
                {admins.into_iter().map(|(id, admin)| view! {
                    <option value=id selected=current == Some(id)>{admin}</option>
                }).collect_view()}
            </select>
            // Without JavaScript a change needs a click to be sent.
            <button type="submit" class="button button-small no-js-only">{t!(i18n, "members-member-admin-save")}</button>
        </form>
    }
}

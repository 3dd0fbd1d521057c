use super::api::ToggleMemberActive;
use super::members_table_page::MembersTableState;
use crate::i18n::use_i18n;
use crate::t;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

/// After the Active switch (with JavaScript): who changed, and an Undo that puts it back.
#[component]
pub fn UndoToast() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<MembersTableState>();
    move || {
        let (user_id, active, name) = state.last_toggle.get()?;
        if state.toggle.pending().get() || !matches!(state.toggle.value().get(), Some(Ok(()))) {
            return None;
        }
        let key = if active {
            "members-toggled-on"
        } else {
            "members-toggled-off"
        };
        let text_name = name.clone();
        let undo = move |_| state.set_active(user_id, !active, name.clone());
        Some(view! {
            <div class="toast" role="status">
                <span>{move || i18n.t_with(key, &[("name", text_name.clone().into())])}</span>
                <button type="button" class="button button-small" on:click=undo>{t!(i18n, "members-undo")}</button>
                <button type="button" class="toast-close" aria-label=move || i18n.t("members-dismiss")
                    on:click=move |_| state.last_toggle.set(None)>"×"</button>
            </div>
        })
    }
}

/// The same after a plain form post (JavaScript off): `?toggled=<id>&now=on|off`.
#[component]
pub fn UndoNotice() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<MembersTableState>();
    let url = use_query_map();
    move || {
        let q = url.read();
        let user_id: i64 = q.get("toggled")?.parse().ok()?;
        let active = q.get("now")? == "on";
        let key = if active {
            "members-now-active"
        } else {
            "members-now-inactive"
        };
        // The undo returns to the same filters, without this notice.
        let back = state.query.get();
        Some(view! {
            <div class="alert alert-success" role="status">
                <span>{move || i18n.t(key)}</span>
                " "
                <form method="post" action=ToggleMemberActive::url() class="inline-form">
                    <input type="hidden" name="user_id" value=user_id />
                    <input type="hidden" name="active" value=(!active).to_string() />
                    <input type="hidden" name="back" value=back />
                    <button type="submit" class="button button-small">{t!(i18n, "members-undo")}</button>
                </form>
            </div>
        })
    }
}

use super::model::NOTIFICATIONS_PATH;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The unread count the bell shows, shared with the notifications page (which clears it
/// when the member marks them read).
#[derive(Clone, Copy)]
pub struct UnreadNotifications(pub RwSignal<i64>);

/// The top bar's bell: a link to the notifications page, with the unread count (the
/// signed-in frame provides it to the bell and the page alike).
#[component]
pub fn NotificationBell(unread: UnreadNotifications) -> impl IntoView {
    let i18n = use_i18n();
    let count = unread.0;
    let label = move || i18n.t_with("notifications-bell", &[("count", count.get().into())]);
    view! {
        <a class="notification-bell" href=NOTIFICATIONS_PATH aria-label=label>
            <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="none"
                stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
                <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
                <path d="M13.7 21a2 2 0 0 1-3.4 0" />
            </svg>
            {move || (count.get() > 0).then(|| view! {
                <span class="notification-count" aria-hidden="true">{count.get()}</span>
            })}
        </a>
    }
}

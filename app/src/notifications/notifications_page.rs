use super::api::{get_my_notifications, MarkNotificationsRead};
use super::model::{NotificationList, NotificationView};
use super::notification_bell::UnreadNotifications;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{query_error, ErrorMessage, LoadError, PageHeader, QueryNotice};
use leptos::either::Either;
use leptos::form::ActionForm;
use leptos::prelude::*;
use shared::relationships::model::relationship_path;

/// `/notifications`: what happened to the member's meetings (invited, moved, cancelled),
/// the newest first, the unread ones marked; "Mark all as read" is a plain form.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let mark = ServerAction::<MarkNotificationsRead>::new();
    let error = Signal::derive(move || mark.value().get().and_then(|r| r.err()));
    let list = Resource::new(move || mark.version().get(), |_| get_my_notifications());
    let bell = use_context::<UnreadNotifications>();
    Effect::new(move |_| {
        if let (Some(Ok(())), Some(bell)) = (mark.value().get(), bell) {
            bell.0.set(0);
        }
    });
    view! {
        <PageHeader title=Signal::derive(move || i18n.t("notifications-title")) />
        <QueryNotice name="read" key="notifications-marked" />
        {move || matches!(mark.value().get(), Some(Ok(()))).then(|| view! {
            <p class="alert alert-success" role="status">{t!(i18n, "notifications-marked")}</p>
        })}
        <ErrorMessage error=query_error() />
        <ErrorMessage error=error />
        <Transition fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => Either::Left(view! { <Notifications list mark /> }),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Transition>
    }
}

#[component]
fn Notifications(
    list: NotificationList,
    mark: ServerAction<MarkNotificationsRead>,
) -> impl IntoView {
    let i18n = use_i18n();
    if list.items.is_empty() {
        return Either::Left(view! { <p class="card">{t!(i18n, "notifications-none")}</p> });
    }
    let unread = list.unread;
    Either::Right(view! {
        <p class="result-count">{move || i18n.t_with("notifications-unread", &[("count", unread.into())])}</p>
        {(unread > 0).then(|| view! {
            <ActionForm action=mark attr:class="inline-form">
                <button type="submit" class="button">{t!(i18n, "notifications-mark-all")}</button>
            </ActionForm>
        })}
        <ul class="notification-list">
            {list.items.into_iter().map(|n| view! { <Notification n /> }).collect_view()}
        </ul>
    })
}

#[component]
fn Notification(n: NotificationView) -> impl IntoView {
    let i18n = use_i18n();
    let text = {
        let n = n.clone();
        move || {
            let lang = i18n.lang();
            i18n.t_with(
                n.kind.text_key(),
                &[
                    ("name", n.actor_name.clone().into()),
                    ("when", n.meeting_at.format_date_time(lang).into()),
                    ("count", n.count.into()),
                ],
            )
        }
    };
    let created = n.created_at;
    let unread = !n.read;
    view! {
        <li class="card notification" class:notification-unread=unread>
            {unread.then(|| view! { <span class="badge">{t!(i18n, "notifications-new")}</span>" " })}
            <a href=format!("{}#meetings-heading", relationship_path(n.relationship_id))>{text}</a>
            <p class="muted">{move || created.format_date_time(i18n.lang())}</p>
        </li>
    }
}

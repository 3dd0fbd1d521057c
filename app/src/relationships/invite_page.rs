use super::api::{get_invite_target, SendInvitation};
use super::model::INVITATION_MESSAGE_MAX;
use super::partner_summary_card::PartnerSummaryCard;
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{query_error, ErrorMessage, LoadError, PageHeader};
use leptos::either::Either;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/invite/:id`: the message box for inviting a member, beside their card, with a
/// short tip on what makes a "yes" likely. A member who cannot be invited gets the
/// reason instead of the box.
#[component]
pub fn InvitePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
    });
    let target = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => get_invite_target(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let send = ServerAction::<SendInvitation>::new();
    let sent_error = Signal::derive(move || send.value().get().and_then(|r| r.err()));
    view! {
        <PageHeader title=Signal::derive(move || i18n.t("invite-title")) />
        <ErrorMessage error=query_error() />
        <ErrorMessage error=sent_error />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match target.await {
                    Ok(partner) => {
                        let user_id = partner.user_id;
                        Either::Left(view! {
                            <div class="invite-layout">
                                <PartnerSummaryCard partner />
                                <ActionForm action=send attr:class="card invite-form">
                                    <input type="hidden" name="user_id" value=user_id />
                                    <div class="field">
                                        <label for="invite-message">{t!(i18n, "invite-message")}</label>
                                        <textarea id="invite-message" name="message" rows="8" required
                                            maxlength=INVITATION_MESSAGE_MAX aria-describedby="invite-tip"></textarea>
                                    </div>
                                    <aside id="invite-tip" class="tip">
                                        <h2 class="tip-title">{t!(i18n, "invite-tip-title")}</h2>
                                        <ol>
                                            <li>{t!(i18n, "invite-tip-1")}</li>
                                            <li>{t!(i18n, "invite-tip-2")}</li>
                                            <li>{t!(i18n, "invite-tip-3")}</li>
                                        </ol>
                                    </aside>
                                    <div class="form-actions">
                                        <button type="submit" class="button button-primary">{t!(i18n, "invite-send")}</button>
                                    </div>
                                </ActionForm>
                            </div>
                        })
                    }
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
    }
}

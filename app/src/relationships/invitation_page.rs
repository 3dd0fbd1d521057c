use super::api::{
    get_invitation, AcceptInvitation, AskAboutInvitation, DeclineInvitation, WithdrawInvitation,
};
use super::invitation_thread::InvitationThread;
use super::model::{relationship_path, InvitationStatus, InvitationView, DECLINE_REASON_MAX};
use super::partner_summary_card::PartnerSummaryCard;
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{query_error, ErrorMessage, LoadError, PageHeader, QueryNotice};
use leptos::either::Either;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/invitations/:id`: the invitation beside the other member's card. The recipient
/// accepts or declines (with an optional reason and a tip on saying no); the sender may
/// withdraw it while it waits.
#[component]
pub fn InvitationPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
    });
    let accept = ServerAction::<AcceptInvitation>::new();
    let decline = ServerAction::<DeclineInvitation>::new();
    let withdraw = ServerAction::<WithdrawInvitation>::new();
    let ask = ServerAction::<AskAboutInvitation>::new();
    let invitation = Resource::new(
        move || {
            (
                id.get(),
                decline.version().get(),
                withdraw.version().get(),
                ask.version().get(),
            )
        },
        |(id, ..)| async move {
            match id {
                Some(id) => get_invitation(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let action_error = Signal::derive(move || {
        accept
            .value()
            .get()
            .and_then(|r| r.err())
            .or_else(|| decline.value().get().and_then(|r| r.err()))
            .or_else(|| withdraw.value().get().and_then(|r| r.err()))
            .or_else(|| ask.value().get().and_then(|r| r.err()))
    });
    view! {
        <PageHeader title=Signal::derive(move || i18n.t("invitation-title")) />
        <QueryNotice name="sent" key="invitation-sent-notice" />
        <QueryNotice name="declined" key="invitation-declined-notice" />
        <QueryNotice name="withdrawn" key="invitation-withdrawn-notice" />
        <QueryNotice name="asked" key="invitation-asked-notice" />
        <ErrorMessage error=query_error() />
        <ErrorMessage error=action_error />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match invitation.await {
                    Ok(invitation) => Either::Left(view! {
                        <InvitationView invitation accept decline withdraw ask />
                    }),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn InvitationView(
    invitation: InvitationView,
    accept: ServerAction<AcceptInvitation>,
    decline: ServerAction<DeclineInvitation>,
    withdraw: ServerAction<WithdrawInvitation>,
    ask: ServerAction<AskAboutInvitation>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = invitation.id;
    let status = invitation.status;
    let pending = status == InvitationStatus::Pending;
    let (sent, expires, answered) = (invitation.sent, invitation.expires, invitation.answered);
    let heading_key = if invitation.viewer_is_sender {
        "invitation-you-sent"
    } else {
        "invitation-you-received"
    };
    let partner_name = invitation.partner.first_name.clone();
    let answer = invitation.answer.clone();
    let relationship = invitation.relationship_id;
    let thread = invitation.thread.clone();
    let may_write = pending && (invitation.viewer_is_sender || invitation.viewer_is_recipient);
    let as_recipient = invitation.viewer_is_recipient;
    view! {
        <div class="invite-layout">
            <PartnerSummaryCard partner=invitation.partner.clone() />
            <section class="card invitation-card" aria-labelledby="invitation-heading">
                <h2 id="invitation-heading" class="card-title">
                    {move || i18n.t_with(heading_key, &[("name", partner_name.clone().into())])}
                </h2>
                <p><span class=format!("badge badge-{}", status.as_str())>{move || i18n.t(status.label_key())}</span></p>
                <blockquote class="invitation-message">{invitation.message.clone()}</blockquote>
                <dl class="facts">
                    <dt>{t!(i18n, "invitation-sent-on")}</dt>
                    <dd>{move || sent.format_date_time(i18n.lang())}</dd>
                    {pending.then(|| view! {
                        <dt>{t!(i18n, "invitation-answer-by")}</dt>
                        <dd>{move || expires.format_date_time(i18n.lang())}</dd>
                    })}
                    {answered.map(|at| view! {
                        <dt>{t!(i18n, "invitation-answered-on")}</dt>
                        <dd>{move || at.format_date_time(i18n.lang())}</dd>
                    })}
                    {(!answer.is_empty()).then(|| view! {
                        <dt>{t!(i18n, "invitation-reason")}</dt>
                        <dd>{answer.clone()}</dd>
                    })}
                </dl>
                <InvitationThread id thread may_write as_recipient ask />
                {relationship.map(|rid| view! {
                    <p><a class="button button-primary" href=relationship_path(rid)>{t!(i18n, "invitation-open-relationship")}</a></p>
                })}
                {(pending && invitation.viewer_is_recipient).then(|| view! {
                    <ActionForm action=accept attr:class="invitation-accept">
                        <input type="hidden" name="id" value=id />
                        <button type="submit" class="button button-primary">{t!(i18n, "invitation-accept")}</button>
                    </ActionForm>
                    <details class="invitation-decline">
                        <summary>{t!(i18n, "invitation-decline")}</summary>
                        <ActionForm action=decline>
                            <input type="hidden" name="id" value=id />
                            <div class="field">
                                <label for="decline-reason">{t!(i18n, "invitation-decline-reason")}</label>
                                <textarea id="decline-reason" name="reason" rows="4" maxlength=DECLINE_REASON_MAX
                                    aria-describedby="decline-tip"></textarea>
                            </div>
                            <p id="decline-tip" class="tip">{t!(i18n, "invitation-decline-tip")}</p>
                            <button type="submit" class="button">{t!(i18n, "invitation-decline-send")}</button>
                        </ActionForm>
                    </details>
                })}
                {(pending && invitation.viewer_is_sender).then(|| view! {
                    <ActionForm action=withdraw>
                        <input type="hidden" name="id" value=id />
                        <button type="submit" class="button">{t!(i18n, "invitation-withdraw")}</button>
                    </ActionForm>
                })}
            </section>
        </div>
    }
}

use super::api::{get_relationship, EndRelationship};
use super::model::{invitation_path, RelationshipView, DECLINE_REASON_MAX};
use super::partner_summary_card::PartnerSummaryCard;
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::scheduling::MeetingsTile;
use crate::t;
use crate::ui::{query_error, ErrorMessage, LoadError, PageHeader, QueryNotice};
use leptos::either::Either;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/relationships/:id`: the seed's "Your mentor" page, first version: the partner's
/// card, the three-stage tracker and the next steps. Buttons of features that do not
/// exist yet are not shown.
#[component]
pub fn RelationshipPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
    });
    let end = ServerAction::<EndRelationship>::new();
    let end_error = Signal::derive(move || end.value().get().and_then(|r| r.err()));
    let relationship = Resource::new(
        move || (id.get(), end.version().get()),
        |(id, _)| async move {
            match id {
                Some(id) => get_relationship(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <PageHeader title=Signal::derive(move || i18n.t("relationship-title")) />
        <QueryNotice name="accepted" key="relationship-accepted-notice" />
        <QueryNotice name="ended" key="relationship-ended-notice" />
        <QueryNotice name="matched" key="relationship-matched-notice" />
        <ErrorMessage error=query_error() />
        <ErrorMessage error=end_error />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match relationship.await {
                    Ok(relationship) => Either::Left(view! { <RelationshipView relationship end /> }),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
    }
}

const STAGES: [&str; 3] = [
    "relationship-stage-invitation",
    "relationship-stage-established",
    "relationship-stage-completed",
];

#[component]
fn RelationshipView(
    relationship: RelationshipView,
    end: ServerAction<EndRelationship>,
) -> impl IntoView {
    let i18n = use_i18n();
    let stage = relationship.stage();
    let id = relationship.id;
    let (started, ended) = (relationship.started, relationship.ended);
    let reason = relationship.end_reason.clone();
    view! {
        <div class="invite-layout">
            <div>
                <PartnerSummaryCard partner=relationship.partner.clone() />
                {relationship.other.clone().map(|other| view! { <PartnerSummaryCard partner=other /> })}
                <MeetingsTile relationship_id=id />
            </div>
            <section class="card" aria-labelledby="stages-heading">
                <h2 id="stages-heading" class="card-title">{t!(i18n, "relationship-stages")}</h2>
                <ol class="stage-tracker">
                    {STAGES.iter().enumerate().map(|(i, key)| {
                        let n = i as u8 + 1;
                        let class = if n < stage { "stage stage-done" } else if n == stage { "stage stage-current" } else { "stage" };
                        view! {
                            <li class=class aria-current=(n == stage).then_some("step")>
                                <span class="stage-number" aria-hidden="true">{n}</span>
                                {move || i18n.t(key)}
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <p>{t!(i18n, "relationship-current-stage", stage = stage as i64)}</p>
                <dl class="facts">
                    <dt>{t!(i18n, "relationship-started")}</dt>
                    <dd>{move || started.format_date(i18n.lang())}</dd>
                    {ended.map(|at| view! {
                        <dt>{t!(i18n, "relationship-ended")}</dt>
                        <dd>{move || at.format_date(i18n.lang())}</dd>
                    })}
                    {(!reason.is_empty()).then(|| view! {
                        <dt>{t!(i18n, "relationship-end-reason")}</dt>
                        <dd>{reason.clone()}</dd>
                    })}
                </dl>
                {relationship.invitation_id.map(|iid| view! {
                    <p><a href=invitation_path(iid)>{t!(i18n, "relationship-see-invitation")}</a></p>
                })}
                {(stage == 2).then(|| view! {
                    <details class="relationship-end">
                        <summary>{t!(i18n, "relationship-end")}</summary>
                        <ActionForm action=end>
                            <input type="hidden" name="id" value=id />
                            <p>{t!(i18n, "relationship-end-help")}</p>
                            <div class="field">
                                <label for="end-reason">{t!(i18n, "relationship-end-reason-label")}</label>
                                <textarea id="end-reason" name="reason" rows="3" maxlength=DECLINE_REASON_MAX></textarea>
                            </div>
                            <button type="submit" class="button button-danger">{t!(i18n, "relationship-end-confirm")}</button>
                        </ActionForm>
                    </details>
                    <h3>{t!(i18n, "relationship-next-steps")}</h3>
                    <ul class="next-steps">
                        <li>{t!(i18n, "relationship-next-profile")}</li>
                        <li>{t!(i18n, "relationship-next-contact")}</li>
                        <li>{t!(i18n, "relationship-next-goals")}</li>
                    </ul>
                })}
            </section>
        </div>
    }
}

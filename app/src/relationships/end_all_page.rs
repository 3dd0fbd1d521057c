use super::admin::{EndAllRun, EndAllStatus, ADMIN_RELATIONSHIPS_PATH};
use super::admin_api::{get_end_all_status, EndAllRelationships};
use super::model::DECLINE_REASON_MAX;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{query_error, AdminBreadcrumb, ErrorMessage, LoadError, PageHeader, QueryNotice};
use leptos::either::Either;
use leptos::form::ActionForm;
use leptos::prelude::*;
use std::time::Duration;

/// How often the page asks for the progress of a run that is going.
const PROGRESS_EVERY: Duration = Duration::from_secs(1);

/// `/admin/relationships/end-all` (seed 002, "Mettre fin à un cycle de programme"): the
/// confirmation naming how many relationships end, then the run's progress.
#[component]
pub fn EndAllPage() -> impl IntoView {
    let i18n = use_i18n();
    let start = ServerAction::<EndAllRelationships>::new();
    let tick = RwSignal::new(0u32);
    let status = Resource::new(
        move || (start.version().get(), tick.get()),
        |_| get_end_all_status(),
    );
    // While a run is going, ask again every second (the page also says how to follow it
    // without JavaScript: reload).
    Effect::new(move |_| {
        if let Some(Ok((Some(run), _))) = status.get() {
            if run.status == EndAllStatus::Running {
                set_timeout(move || tick.update(|t| *t += 1), PROGRESS_EVERY);
            }
        }
    });
    let start_error = Signal::derive(move || start.value().get().and_then(|r| r.err()));
    view! {
        <AdminBreadcrumb trail=vec![(ADMIN_RELATIONSHIPS_PATH, "admin-relationships-title")] />
        <PageHeader title=Signal::derive(move || i18n.t("end-all-title")) />
        <QueryNotice name="started" key="end-all-started" />
        <ErrorMessage error=query_error() />
        <ErrorMessage error=start_error />
        <Transition fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match status.await {
                    Ok((run, current)) => {
                        let running = run.as_ref().is_some_and(|r| r.status == EndAllStatus::Running);
                        Either::Left(view! {
                            {run.map(|run| view! { <RunProgress run /> })}
                            {(!running).then(|| if current == 0 {
                                Either::Left(view! { <p class="card">{t!(i18n, "end-all-nothing")}</p> })
                            } else {
                                Either::Right(view! { <EndAllForm current start /> })
                            })}
                        })
                    }
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Transition>
    }
}

/// The confirmation: how many relationships end and that both members are told.
#[component]
fn EndAllForm(current: i64, start: ServerAction<EndAllRelationships>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card danger-zone">
            <p>{t!(i18n, "end-all-explain", count = current)}</p>
            <ActionForm action=start>
                <div class="field">
                    <label for="end-all-reason">{t!(i18n, "end-all-reason")}</label>
                    <textarea id="end-all-reason" name="reason" rows="3" maxlength=DECLINE_REASON_MAX></textarea>
                </div>
                <button type="submit" class="button button-danger">{t!(i18n, "end-all-confirm", count = current)}</button>
                " "
                <a class="button" href=ADMIN_RELATIONSHIPS_PATH>{t!(i18n, "end-all-cancel")}</a>
            </ActionForm>
        </section>
    }
}

/// A run's progress bar, or what the last run did.
#[component]
fn RunProgress(run: EndAllRun) -> impl IntoView {
    let i18n = use_i18n();
    let (done, total) = (run.processed, run.total);
    let started = run.started;
    match (run.status, run.finished) {
        (EndAllStatus::Running, _) => Either::Left(view! {
            <section class="card" aria-live="polite">
                <label for="end-all-progress">{t!(i18n, "end-all-running", done = done, count = total)}</label>
                <progress id="end-all-progress" max=total value=done>{format!("{}%", run.percent())}</progress>
                <p class="muted no-js-only"><a href=super::admin::END_ALL_PATH>{t!(i18n, "end-all-reload")}</a></p>
            </section>
        }),
        (EndAllStatus::Done, finished) => Either::Right(view! {
            <p class="notice" role="status">
                {move || i18n.t_with("end-all-done", &[
                    ("count", done.into()),
                    ("time", finished.unwrap_or(started).format_date_time(i18n.lang()).into()),
                ])}
            </p>
        }),
    }
}

use super::api::get_import_run;
use super::model::{ImportIssue, ImportKind, ImportRun, ImportStatus};
use crate::i18n::{use_i18n, I18n};
use crate::t;
use crate::ui::{LoadError, PageHeader};
use leptos::either::{Either, EitherOf4};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/admin/members/import/{run}` and `/admin/members/deactivate/{run}`: the problems
/// found (nothing was written), or the progress and outcome.
#[component]
pub fn ImportRunPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let run_id = move || {
        params
            .read()
            .get("run")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let run = Resource::new(run_id, get_import_run);
    view! {
        <p class="breadcrumb"><a href="/admin/members">{t!(i18n, "members-title")}</a></p>
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match run.await {
                    Ok(r) => {
                        // With JavaScript: ask again shortly. Without: the page refreshes itself.
                        #[cfg(feature = "hydrate")]
                        if r.status == ImportStatus::Running {
                            set_timeout(move || run.refetch(), std::time::Duration::from_millis(500));
                        }
                        Either::Left(view! { <RunReport run=r /> })
                    }
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RunReport(run: ImportRun) -> impl IntoView {
    let i18n = use_i18n();
    let (title, again) = match run.kind {
        ImportKind::Members => ("import-title", "/admin/members/import"),
        ImportKind::Deactivate => ("deactivate-title", "/admin/members/deactivate"),
    };
    let file = run.file_name.clone();
    let body = match run.status {
        ImportStatus::Invalid => {
            EitherOf4::A(view! { <IssueList issues=run.issues.clone() again /> })
        }
        ImportStatus::Running => EitherOf4::B(view! {
            <div inner_html="<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>"></div>
            <p role="status">{t!(i18n, "import-running", done = run.processed, total = run.total)}</p>
            <progress max=run.total value=run.processed aria-label=t!(i18n, "import-progress")></progress>
        }),
        ImportStatus::Done => EitherOf4::C(view! {
            <p class="alert alert-success" role="status">{move || match run.kind {
                ImportKind::Members => i18n.t_with("import-done", &[("created", run.created.into()), ("updated", run.updated.into())]),
                ImportKind::Deactivate => i18n.t_with("deactivate-done", &[("count", run.updated.into())]),
            }}</p>
            <p><a href="/admin/members">{t!(i18n, "members-title")}</a></p>
        }),
        ImportStatus::Failed => EitherOf4::D(view! {
            <p class="alert alert-error" role="alert">{t!(i18n, "import-failed")}</p>
            <p><a href=again>{t!(i18n, "import-try-again")}</a></p>
        }),
    };
    let status = match run.status {
        ImportStatus::Invalid => "invalid",
        ImportStatus::Running => "running",
        ImportStatus::Done => "done",
        ImportStatus::Failed => "failed",
    };
    view! {
        <PageHeader title=Signal::derive(move || i18n.t(title)) subtitle=Signal::derive(move || file.clone()) />
        <section class="import-run" data-status=status>{body}</section>
    }
}

#[component]
fn IssueList(issues: Vec<ImportIssue>, again: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let count = issues.len();
    view! {
        <p class="alert alert-error" role="alert">{t!(i18n, "import-invalid", count = count)}</p>
        <div class="table-scroll">
            <table class="data-table">
                <thead><tr>
                    <th scope="col">{t!(i18n, "import-col-row")}</th>
                    <th scope="col">{t!(i18n, "import-col-column")}</th>
                    <th scope="col">{t!(i18n, "import-col-problem")}</th>
                </tr></thead>
                <tbody>
                    {issues.into_iter().map(|issue| {
                        let row = (issue.row > 0).then_some(issue.row);
                        let column = issue.column.clone();
                        view! {
                            <tr>
                                <td>{row.map(|r| r.to_string()).unwrap_or_else(|| "—".into())}</td>
                                <td>{move || column.as_ref().map(|c| i18n.t(&format!("field-{c}")))}</td>
                                <td>{move || issue_text(i18n, &issue)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p><a class="button" href=again>{t!(i18n, "import-try-again")}</a></p>
    }
}

fn issue_text(i18n: I18n, issue: &ImportIssue) -> String {
    let column = issue
        .column
        .as_ref()
        .map(|c| i18n.t(&format!("field-{c}")))
        .unwrap_or_default();
    i18n.t_with(
        issue.code.message_key(),
        &[
            ("column", column.into()),
            ("value", issue.value.clone().unwrap_or_default().into()),
            ("other", issue.other_row.unwrap_or(0).into()),
        ],
    )
}

use super::model::ImportKind;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{query_error, ErrorMessage, PageHeader};
use leptos::prelude::*;

/// `/admin/members/import` (seed 002, "Mettre fin à un cycle de programme": re-import).
#[component]
pub fn ImportMembersPage() -> impl IntoView {
    view! { <UploadPage kind=ImportKind::Members /> }
}

/// `/admin/members/deactivate` (seed 002, "Désactiver plusieurs utilisateurs").
#[component]
pub fn DeactivateMembersPage() -> impl IntoView {
    view! { <UploadPage kind=ImportKind::Deactivate /> }
}

#[component]
fn UploadPage(kind: ImportKind) -> impl IntoView {
    let i18n = use_i18n();
    let (title, rules, sample, action, submit) = match kind {
        ImportKind::Members => (
            "import-title",
            vec![
                "import-rule-columns",
                "import-rule-rows",
                "import-rule-existing",
                "import-rule-errors",
            ],
            "/admin/members/import/sample.csv",
            "/admin/members/import/upload",
            "import-submit",
        ),
        ImportKind::Deactivate => (
            "deactivate-title",
            vec![
                "deactivate-rule-columns",
                "deactivate-rule-rows",
                "import-rule-errors",
                "deactivate-rule-admins",
            ],
            "/admin/members/deactivate/sample.csv",
            "/admin/members/deactivate/upload",
            "deactivate-submit",
        ),
    };
    view! {
        <p class="breadcrumb"><a href="/admin/members">{t!(i18n, "members-title")}</a></p>
        <PageHeader title=Signal::derive(move || i18n.t(title)) />
        <ErrorMessage error=query_error() />
        <section class="card">
            <p>{t!(i18n, "import-intro")}</p>
            <ul>
                {rules.into_iter().map(|key| view! { <li>{move || i18n.t(key)}</li> }).collect_view()}
            </ul>
            <p><a href=sample download>{t!(i18n, "import-sample")}</a></p>
            <form method="post" action=action enctype="multipart/form-data" class="upload-form">
                <div class="field">
                    <label for="file">{t!(i18n, "field-file")}</label>
                    <input id="file" type="file" name="file" accept=".csv,text/csv" required />
                </div>
                <button type="submit" class="button button-primary">{move || i18n.t(submit)}</button>
            </form>
        </section>
    }
}

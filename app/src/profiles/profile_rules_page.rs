use super::api::{get_profile_rules, SaveProfileRules};
use super::fields::{FieldRef, FieldRule};
use super::profile_admin_nav::{ProfileAdminNav, ProfileAdminTab};
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{query_error, ErrorMessage, LoadError, PageHeader, QueryNotice};
use leptos::either::Either;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// `/admin/profile-fields/builtin`: "Manage profile fields" — for every built-in field,
/// whether mentors and mentees see it and whether it is required or a base field (both
/// count towards completeness). A plain form: it works without JavaScript.
#[component]
pub fn ProfileRulesPage() -> impl IntoView {
    let i18n = use_i18n();
    let rules = Resource::new(|| (), |_| get_profile_rules());
    view! {
        <ProfileAdminNav current=ProfileAdminTab::ProfileFields />
        <PageHeader
            title=Signal::derive(move || i18n.t("profile-rules-title"))
            subtitle=Signal::derive(move || i18n.t("profile-rules-subtitle"))
        />
        <QueryNotice name="saved" key="profile-rules-saved" />
        <ErrorMessage error=query_error() />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match rules.await {
                    Ok(rules) => Either::Left(view! {
                        <form method="post" action=SaveProfileRules::url()>
                            <div class="table-scroll">
                                <table class="data-table rules-table">
                                    <caption class="visually-hidden">{t!(i18n, "profile-rules-title")}</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">{t!(i18n, "profile-rules-col-field")}</th>
                                            <th scope="col">{t!(i18n, "profile-rules-col-mentors")}</th>
                                            <th scope="col">{t!(i18n, "profile-rules-col-mentees")}</th>
                                            <th scope="col">{t!(i18n, "profile-rules-col-required")}</th>
                                            <th scope="col">{t!(i18n, "profile-rules-col-base")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {rules.into_iter().map(|rule| view! { <RuleRow rule /> }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <button type="submit" class="button button-primary">{t!(i18n, "profile-rules-save")}</button>
                        </form>
                    }),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RuleRow(rule: FieldRule) -> impl IntoView {
    let i18n = use_i18n();
    let FieldRef::Builtin(field) = rule.field else {
        return Either::Left(());
    };
    // Names and time zone are needed by the product itself.
    let fixed = field.default_rule().required;
    let label_key = field.label_key();
    let cell = move |flag: &'static str, column: &'static str, on: bool| {
        let label_key = label_key.clone();
        let name = format!("rule[{}][{flag}]", field.as_str());
        view! {
            <td class="check">
                <input type="checkbox" name=name checked=on disabled=fixed
                    aria-label=move || i18n.t_with("profile-rules-check", &[
                        ("rule", i18n.t(column).into()),
                        ("field", i18n.t(&label_key).into()),
                    ]) />
            </td>
        }
    };
    let label_key = field.label_key();
    Either::Right(view! {
        <tr>
            <th scope="row">
                {move || i18n.t(&label_key)}
                {fixed.then(|| view! { " " <span class="badge">{t!(i18n, "profile-rules-fixed")}</span> })}
            </th>
            {cell("mentors", "profile-rules-col-mentors", rule.for_mentors)}
            {cell("mentees", "profile-rules-col-mentees", rule.for_mentees)}
            {cell("required", "profile-rules-col-required", rule.required)}
            {cell("base", "profile-rules-col-base", rule.base_field)}
        </tr>
    })
}

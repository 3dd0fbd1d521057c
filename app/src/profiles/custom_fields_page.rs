use super::api::{get_custom_fields, DeleteCustomField, RecalculateCompleteness};
use super::model::CustomField;
use super::profile_admin_nav::{ProfileAdminNav, ProfileAdminTab};
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{query_error, ErrorMessage, LoadError, PageHeader, QueryNotice};
use leptos::either::Either;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

/// `/admin/profile-fields`: "Manage custom fields", as in the administrator guide, with
/// the "Recalculate" action kept for parity (completeness is always current anyway).
#[component]
pub fn CustomFieldsPage() -> impl IntoView {
    let i18n = use_i18n();
    let fields = Resource::new(|| (), |_| get_custom_fields());
    let query = use_query_map();
    let recalculated = move || {
        let q = query.read();
        let members: i64 = q.get("recalculated")?.parse().ok()?;
        let changed: i64 = q.get("changed")?.parse().ok()?;
        Some(i18n.t_with(
            "custom-fields-recalculated",
            &[("members", members.into()), ("changed", changed.into())],
        ))
    };
    view! {
        <ProfileAdminNav current=ProfileAdminTab::CustomFields />
        <PageHeader
            title=Signal::derive(move || i18n.t("custom-fields-title"))
            subtitle=Signal::derive(move || i18n.t("custom-fields-subtitle"))
        />
        <QueryNotice name="saved" key="custom-fields-saved" />
        <QueryNotice name="deleted" key="custom-fields-deleted" />
        {move || recalculated().map(|text| view! { <p class="alert alert-success" role="status">{text}</p> })}
        <ErrorMessage error=query_error() />
        <div class="tile-actions">
            <a class="button button-primary" href="/admin/profile-fields/new">{t!(i18n, "custom-fields-add")}</a>
            <form method="post" action=RecalculateCompleteness::url() class="inline-form">
                <button type="submit" class="button" title=move || i18n.t("custom-fields-recalculate-help")>
                    {t!(i18n, "custom-fields-recalculate")}
                </button>
            </form>
        </div>
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match fields.await {
                    Ok(fields) if fields.is_empty() => Either::Left(view! {
                        <p class="empty">{t!(i18n, "custom-fields-empty")}</p>
                    }.into_any()),
                    Ok(fields) => Either::Left(view! { <CustomFieldsTable fields /> }.into_any()),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CustomFieldsTable(fields: Vec<(CustomField, i64)>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-scroll">
            <table class="data-table custom-fields-table">
                <caption class="visually-hidden">{t!(i18n, "custom-fields-title")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, "custom-fields-col-order")}</th>
                        <th scope="col">{t!(i18n, "custom-fields-col-name")}</th>
                        <th scope="col">{t!(i18n, "custom-fields-col-role")}</th>
                        <th scope="col">{t!(i18n, "custom-fields-col-options")}</th>
                        <th scope="col">{t!(i18n, "custom-fields-col-flags")}</th>
                        <th scope="col">{t!(i18n, "custom-fields-col-answered")}</th>
                        <th scope="col"><span class="visually-hidden">{t!(i18n, "lists-col-actions")}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {fields.into_iter().map(|(field, answered)| view! { <CustomFieldRow field answered /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn CustomFieldRow(field: CustomField, answered: i64) -> impl IntoView {
    let i18n = use_i18n();
    let flags: Vec<&'static str> = [
        (field.required, "custom-flag-required"),
        (field.in_search, "custom-flag-in_search"),
        (field.admin_only, "custom-flag-admin_only"),
        (field.single_select, "custom-flag-single_select"),
        (field.allow_entries, "custom-flag-allow_entries"),
        (field.base_field, "custom-flag-base_field"),
        (field.show_on_profile, "custom-flag-show_on_profile"),
        (field.in_report, "custom-flag-in_report"),
    ]
    .into_iter()
    .filter_map(|(on, key)| on.then_some(key))
    .collect();
    let id = field.id;
    let audience = field.audience;
    let stored = StoredValue::new(field);
    let name = move || stored.with_value(|f| f.name(i18n.lang()).to_string());
    view! {
        <tr>
            <td class="number">{stored.with_value(|f| f.position)}</td>
            <th scope="row">{name}</th>
            <td>{move || i18n.t(audience.label_key())}</td>
            <td>{move || stored.with_value(|f| if f.is_free_text() {
                i18n.t("custom-fields-free-text")
            } else {
                f.options_text(i18n.lang())
            })}</td>
            <td>{move || flags.iter().map(|k| i18n.t(k)).collect::<Vec<_>>().join(", ")}</td>
            <td class="number">{answered}</td>
            <td>
                <div class="row-actions">
                    <a class="button button-small" href=format!("/admin/profile-fields/{id}")
                        aria-label=move || i18n.t_with("custom-fields-edit-label", &[("name", name().into())])>
                        {t!(i18n, "custom-fields-edit")}
                    </a>
                    <details class="confirm-delete">
                        <summary class="button button-small">{t!(i18n, "custom-fields-delete")}</summary>
                        <form method="post" action=DeleteCustomField::url()>
                            <input type="hidden" name="id" value=id.to_string() />
                            <p>{move || i18n.t_with("custom-fields-delete-confirm", &[("name", name().into()), ("count", answered.into())])}</p>
                            <button type="submit" class="button button-danger button-small">{t!(i18n, "custom-fields-delete-yes")}</button>
                        </form>
                    </details>
                </div>
            </td>
        </tr>
    }
}

use super::api::{get_member, DeleteMember, SetMemberActive};
use super::model::MemberDetail;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{query_error, ErrorMessage, LoadError, PageHeader, QueryNotice};
use leptos::either::Either;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

/// `/admin/members/{id}`: one member as the administrator sees them, with "Active" and
/// permanent delete (seed 002, "Désactiver des utilisateurs").
#[component]
pub fn MemberAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let user_id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let member = Resource::new(user_id, get_member);
    view! {
        <p class="breadcrumb"><a href="/admin/members">{t!(i18n, "members-title")}</a></p>
        <QueryNotice name="saved" key="member-saved" />
        <ErrorMessage error=query_error() />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match member.await {
                    Ok(detail) => Either::Left(view! { <MemberAdminCard detail /> }),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MemberAdminCard(detail: MemberDetail) -> impl IntoView {
    let i18n = use_i18n();
    let m = detail.member.clone();
    let name = m.full_name();
    let (id, active, role, joined, last) =
        (m.user_id, m.active, m.role, detail.joined, m.last_sign_in);
    let language = detail.language.clone();
    let delete_label = name.clone();
    view! {
        <PageHeader title=Signal::derive(move || name.clone()) />
        <dl class="facts card">
            <dt>{t!(i18n, "field-email")}</dt><dd>{m.email.clone()}</dd>
            <dt>{t!(i18n, "field-role")}</dt><dd>{move || i18n.t(role.label_key())}</dd>
            <dt>{t!(i18n, "field-language")}</dt><dd>{move || i18n.t(&format!("language-{language}"))}</dd>
            <dt>{t!(i18n, "member-since")}</dt><dd>{move || joined.format_date(i18n.lang())}</dd>
            <dt>{t!(i18n, "members-col-last-sign-in")}</dt>
            <dd>{move || last.map(|t| t.format_date_time(i18n.lang())).unwrap_or_else(|| i18n.t("never"))}</dd>
            <dt>{t!(i18n, "members-col-active")}</dt>
            <dd>{move || i18n.t(if active { "yes" } else { "no" })}</dd>
        </dl>
        {(!detail.is_self).then(|| view! {
            <section class="card">
                <h2>{t!(i18n, "member-access")}</h2>
                <p>{move || i18n.t(if active { "member-active-help" } else { "member-inactive-help" })}</p>
                <form method="post" action=SetMemberActive::url()>
                    <input type="hidden" name="user_id" value=id />
                    <input type="hidden" name="active" value=(!active).to_string() />
                    <button type="submit" class="button">
                        {move || i18n.t(if active { "member-deactivate" } else { "member-reactivate" })}
                    </button>
                </form>
            </section>
            <section class="card danger-zone">
                <h2>{t!(i18n, "member-delete-title")}</h2>
                <p>{t!(i18n, "member-delete-help")}</p>
                <form method="post" action=DeleteMember::url()>
                    <input type="hidden" name="user_id" value=id />
                    <div class="field field-checkbox">
                        <input id="confirm" type="checkbox" name="confirm" value="yes" required />
                        <label for="confirm">{move || i18n.t_with("member-delete-confirm", &[("name", delete_label.clone().into())])}</label>
                    </div>
                    <button type="submit" class="button button-danger">{t!(i18n, "member-delete")}</button>
                </form>
            </section>
        })}
    }
}

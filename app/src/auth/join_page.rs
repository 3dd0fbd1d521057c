use super::api::{get_invitation, JoinProgram, Register};
use super::auth_card::AuthCard;
use super::model::{InvitationInfo, Role};
use super::password_link_page::NewPasswordFields;
use crate::i18n::browser_time_zone;
use crate::i18n::{use_i18n, Lang};
use crate::percent::percent_encode;
use crate::t;
use crate::ui::{query_error, ErrorMessage, LoadError};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

/// `/join/{token}`: the program's invitation link (seed 000, step 1).
#[component]
pub fn JoinPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let invitation = Resource::new(token, get_invitation);
    view! {
        <AuthCard title_key="join-title">
            <ErrorMessage error=query_error() />
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
                {move || Suspend::new(async move {
                    match invitation.await {
                        Ok(info) if info.signed_in_as.is_some() => {
                            EitherOf3::A(view! { <JoinWithAccount token=token() info /> })
                        }
                        Ok(info) => EitherOf3::B(view! { <JoinForm token=token() info /> }),
                        Err(err) => EitherOf3::C(view! {
                            <LoadError error=err />
                        }),
                    }
                })}
            </Suspense>
        </AuthCard>
    }
}

/// The program's name in the page's language.
fn program_name(info: &InvitationInfo) -> impl Fn() -> String + Send + Sync + Clone + 'static {
    let i18n = use_i18n();
    let (en, fr) = (info.name_en.clone(), info.name_fr.clone());
    move || match i18n.lang() {
        Lang::En => en.clone(),
        Lang::Fr => fr.clone(),
    }
}

/// The role radio buttons, or the only role as a hidden field.
#[component]
fn RoleFields(roles: Vec<Role>) -> impl IntoView {
    let i18n = use_i18n();
    match roles.as_slice() {
        [role] => Either::Left(view! { <input type="hidden" name="role" value=role.as_str() /> }),
        _ => Either::Right(view! {
            <fieldset class="field">
                <legend>{t!(i18n, "join-role")}</legend>
                {roles.iter().map(|role| view! { <RoleChoice role=*role /> }).collect_view()}
            </fieldset>
        }),
    }
}

/// Someone already signed in joins with their account (no password asked here); a
/// member of the program is just taken to it.
#[component]
fn JoinWithAccount(token: String, info: InvitationInfo) -> impl IntoView {
    let i18n = use_i18n();
    let program = program_name(&info);
    let email = info.signed_in_as.clone().unwrap_or_default();
    let (intro, submit) = if info.already_member {
        ("join-already-member", "join-open-program")
    } else {
        ("join-intro", "join-with-account-submit")
    };
    let named = program.clone();
    view! {
        <p class="join-program">{move || i18n.t_with(intro, &[("program", program().into())])}</p>
        <p>
            {move || i18n.t_with("join-signed-in-as", &[("email", email.clone().into())])}
            {(!info.already_member).then(|| view! { " " {t!(i18n, "join-account-as-is")} })}
        </p>
        <form method="post" action=JoinProgram::url()>
            <input type="hidden" name="token" value=token />
            {(!info.already_member).then(|| view! { <RoleFields roles=info.roles.clone() /> })}
            <button type="submit" class="button button-primary button-block">
                {move || i18n.t_with(submit, &[("program", named().into())])}
            </button>
        </form>
    }
}

#[component]
fn JoinForm(token: String, info: InvitationInfo) -> impl IntoView {
    let i18n = use_i18n();
    let program = program_name(&info);
    let sign_in_first = format!("/login?next=/join/{}", percent_encode(&token));
    // The account starts in this device's time zone (the profile can change it).
    let zone_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let (Some(input), Some(zone)) = (zone_ref.get(), browser_time_zone()) {
            input.set_value(&zone);
        }
    });
    view! {
        <p class="join-program">{move || i18n.t_with("join-intro", &[("program", program().into())])}</p>
        <form method="post" action=Register::url()>
            <input type="hidden" name="token" value=token />
            <input type="hidden" name="time_zone" value="" node_ref=zone_ref />
            <TextField name="first_name" autocomplete="given-name" />
            <TextField name="last_name" autocomplete="family-name" />
            <div class="field">
                <label for="email">{t!(i18n, "field-email")}</label>
                <input id="email" type="email" name="email" autocomplete="email" required />
            </div>
            <NewPasswordFields />
            <RoleFields roles=info.roles.clone() />
            <fieldset class="field">
                <legend>{t!(i18n, "field-language")}</legend>
                {Lang::ALL.into_iter().map(|lang| view! {
                    <label class="choice">
                        <input type="radio" name="language" value=lang.code()
                            checked=move || i18n.lang() == lang required />
                        {move || i18n.t(&format!("language-{}", lang.code()))}
                    </label>
                }).collect_view()}
            </fieldset>
            <button type="submit" class="button button-primary button-block">
                {t!(i18n, "join-submit")}
            </button>
        </form>
        <ul class="auth-links">
            <li><a href=sign_in_first>{t!(i18n, "join-have-account")}</a></li>
        </ul>
    }
}

#[component]
fn RoleChoice(role: Role) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="choice">
            <input type="radio" name="role" value=role.as_str() required />
            {move || i18n.t(role.label_key())}
        </label>
    }
}

#[component]
fn TextField(name: &'static str, autocomplete: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=name>{move || i18n.t(&format!("field-{name}"))}</label>
            <input id=name type="text" name=name autocomplete=autocomplete maxlength="100" required />
        </div>
    }
}

use super::api::{list_my_programs, SwitchProgram};
use super::viewer_context::use_viewer;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{LoadError, PageHeader};
use leptos::either::Either;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// Lists the programs the person belongs to and makes one current (a plain form post and a
/// full page load: every page's data depends on the current program).
#[component]
pub fn SwitchProgramPage() -> impl IntoView {
    let i18n = use_i18n();
    let current = use_viewer().program_id();
    let programs = Resource::new(|| (), |_| list_my_programs());
    view! {
        <PageHeader title=Signal::derive(move || i18n.t("switch-program-title")) />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match programs.await {
                    Ok(list) => Either::Left(view! {
                        <ul class="card-list">
                            {list.into_iter().map(|m| {
                                let id = m.program_id;
                                let role_key = m.role.label_key();
                                let name = StoredValue::new(m);
                                view! {
                                    <li class="card program-card">
                                        <div>
                                            <h2 class="card-title">{move || name.with_value(|m| m.name(i18n.lang()).to_string())}</h2>
                                            <span class="badge">{move || i18n.t(role_key)}</span>
                                        </div>
                                        {if current == Some(id) {
                                            Either::Left(view! { <span class="current-marker">{t!(i18n, "switch-program-current")}</span> })
                                        } else {
                                            Either::Right(view! {
                                                <form method="post" action=SwitchProgram::url()>
                                                    <input type="hidden" name="program_id" value=id.to_string() />
                                                    <button type="submit" class="button">{t!(i18n, "switch-program-action")}</button>
                                                </form>
                                            })
                                        }}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
    }
}

use super::api::{get_invitation_link, RegenerateInvitationLink, SetInvitationLinkEnabled};
use crate::i18n::use_i18n;
use crate::t;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// Dashboard tile "Invitation link": the URL to share, copy, regenerate, turn off/on.
#[component]
pub fn InvitationLinkTile() -> impl IntoView {
    let i18n = use_i18n();
    let link = Resource::new(|| (), |_| get_invitation_link());
    view! {
        <article class="tile tile-wide" data-tile="invitation-link">
            <h2>{t!(i18n, "invite-link-title")}</h2>
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
                {move || Suspend::new(async move {
                    link.await.ok().map(|link| {
                        let enabled = link.enabled;
                        let url = link.url.clone();
                        view! {
                            <p class="muted">{move || i18n.t(if enabled { "invite-link-help" } else { "invite-link-off" })}</p>
                            <label for="invite-url" class="visually-hidden">{t!(i18n, "invite-link-title")}</label>
                            <input id="invite-url" class="copy-field" type="text" readonly value=link.url />
                            <div class="tile-actions">
                                <CopyButton text=url />
                                <form method="post" action=RegenerateInvitationLink::url()>
                                    <button type="submit" class="button">{t!(i18n, "invite-link-regenerate")}</button>
                                </form>
                                <form method="post" action=SetInvitationLinkEnabled::url()>
                                    <input type="hidden" name="enabled" value=(!enabled).to_string() />
                                    <button type="submit" class="button">
                                        {move || i18n.t(if enabled { "invite-link-disable" } else { "invite-link-enable" })}
                                    </button>
                                </form>
                            </div>
                        }
                    })
                })}
            </Suspense>
        </article>
    }
}

/// Copies `text` to the clipboard. Shown only once the page is interactive.
#[component]
fn CopyButton(text: String) -> impl IntoView {
    let i18n = use_i18n();
    let interactive = RwSignal::new(false);
    let copied = RwSignal::new(false);
    Effect::new(move |_| interactive.set(true));
    let copy = move |_| {
        let clipboard = window().navigator().clipboard();
        let _ = clipboard.write_text(&text);
        copied.set(true);
    };
    move || {
        interactive.get().then(|| {
            view! {
                <button type="button" class="button button-primary" on:click=copy.clone()>
                    {move || i18n.t(if copied.get() { "invite-link-copied" } else { "invite-link-copy" })}
                </button>
            }
        })
    }
}

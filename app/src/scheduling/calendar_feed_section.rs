use super::feed::webcal_url;
use super::feed_api::{get_calendar_feed, NewCalendarFeed, TurnOffCalendarFeed};
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{LoadError, QueryNotice};
use leptos::either::Either;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// "Calendar sync" on the account page: the private address of the member's meetings for
/// their calendar application (https, and webcal:// to subscribe on a click), when a
/// calendar last read it, a new address (the old one stops) and turning it off. Plain
/// forms, with or without JavaScript.
#[component]
pub fn CalendarFeedSection() -> impl IntoView {
    let i18n = use_i18n();
    let feed = Resource::new(|| (), |_| get_calendar_feed());
    view! {
        <section class="card form-card" id="calendar-feed" aria-labelledby="calendar-feed-heading">
            <h2 id="calendar-feed-heading">{t!(i18n, "feed-heading")}</h2>
            <QueryNotice name="feed_new" key="feed-saved" />
            <QueryNotice name="feed_off" key="feed-turned-off" />
            <p>{t!(i18n, "feed-intro")}</p>
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
                {move || Suspend::new(async move {
                    match feed.await {
                        Ok(view) => Either::Left(match view.url {
                            Some(url) => Either::Left(view! {
                                <div class="field">
                                    <label for="feed-url">{t!(i18n, "feed-address")}</label>
                                    <input id="feed-url" class="copy-field" type="text" readonly value=url.clone()
                                        aria-describedby="feed-private" />
                                    <p id="feed-private" class="field-hint">{t!(i18n, "feed-private")}</p>
                                </div>
                                <p><a class="button" href=webcal_url(&url)>{t!(i18n, "feed-subscribe")}</a></p>
                                <p>{move || match view.last_read {
                                    Some(at) => i18n.t_with("feed-last-read", &[("at", at.format_date_time(i18n.lang()).into())]),
                                    None => i18n.t("feed-never-read"),
                                }}</p>
                                <div class="actions">
                                    <form method="post" action=NewCalendarFeed::url()>
                                        <button type="submit" class="button">{t!(i18n, "feed-new-address")}</button>
                                    </form>
                                    <form method="post" action=TurnOffCalendarFeed::url()>
                                        <button type="submit" class="button">{t!(i18n, "feed-turn-off")}</button>
                                    </form>
                                </div>
                            }),
                            None => Either::Right(view! {
                                <p>{t!(i18n, "feed-off")}</p>
                                <form method="post" action=NewCalendarFeed::url()>
                                    <button type="submit" class="button button-primary">{t!(i18n, "feed-turn-on")}</button>
                                </form>
                            }),
                        }),
                        Err(err) => Either::Right(view! { <LoadError error=err /> }),
                    }
                })}
            </Suspense>
        </section>
    }
}

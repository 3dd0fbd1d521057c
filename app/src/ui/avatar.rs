use leptos::prelude::*;

/// A person's photo, or their initials when they have none. Decorative: their name is
/// always written next to it.
#[component]
pub fn Avatar(
    photo_url: Option<String>,
    #[prop(into)] name: String,
    #[prop(optional)] large: bool,
) -> impl IntoView {
    let class = if large {
        "avatar avatar-large"
    } else {
        "avatar"
    };
    let size = if large { "96" } else { "36" };
    match photo_url {
        Some(url) => view! { <img class=class src=url width=size height=size alt="" /> }.into_any(),
        None => {
            let initials: String = name
                .split_whitespace()
                .filter_map(|w| w.chars().next())
                .take(2)
                // Per-char upper case: `str::to_uppercase` drags a Unicode table into the
                // browser bundle.
                .flat_map(char::to_uppercase)
                .collect();
            view! { <span class=class aria-hidden="true">{initials}</span> }.into_any()
        }
    }
}

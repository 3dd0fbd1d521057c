use crate::i18n::use_i18n;
use crate::t;
use leptos::prelude::*;

/// Previous / "Page N of M" / next. `query` is the rest of the query string (already
/// URL-encoded, e.g. `q=ana&`), so filters survive paging.
#[component]
pub fn Pagination(page: i64, page_count: i64, #[prop(optional)] query: String) -> impl IntoView {
    let i18n = use_i18n();
    let link = move |p: i64| format!("?{query}page={p}");
    view! {
        <nav class="pagination" aria-label=t!(i18n, "pagination-label")>
            {(page > 1).then(|| view! { <a href=link(page - 1) rel="prev">{t!(i18n, "pagination-previous")}</a> })}
            <span>{t!(i18n, "pagination-status", page = page, count = page_count)}</span>
            {(page < page_count).then(|| view! { <a href=link(page + 1) rel="next">{t!(i18n, "pagination-next")}</a> })}
        </nav>
    }
}

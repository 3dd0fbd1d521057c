//! Which URLs are this site: paths safe to redirect to, and same-origin checks of the
//! `Referer` and `Origin` headers. One place, so sign-in's `next`, the way back after a
//! failed form post and the cross-site request check can never disagree.
use crate::percent::percent_decode;
use url::Url;

/// A path on this site that is safe in a `Location` header: visible ASCII only (what a
/// well-formed `Location` holds), a single leading `/` (`//` and `/\` name another
/// host to browsers), no backslash — and its path part, percent-decoded, still no `//`
/// start, no control characters, whitespace or backslashes (browsers drop tabs and
/// newlines from URLs and read `\` as `/`). The query may hold encoded spaces.
pub fn is_safe_local_path(path: &str) -> bool {
    let path_part = path.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path_part);
    path.bytes().all(|b| b.is_ascii_graphic())
        && [path, decoded.as_str()].into_iter().all(|p| {
            p.starts_with('/')
                && !p.starts_with("//")
                && !p
                    .chars()
                    .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
        })
}

/// `path` when it is a safe local path, `/` otherwise.
pub fn local_path_or_root(path: Option<&str>) -> String {
    match path {
        Some(path) if is_safe_local_path(path) => path.to_string(),
        _ => "/".to_string(),
    }
}

/// True when the absolute http(s) `url` has this site's origin (scheme, host, port): the
/// configured base URL's, or the `Host` the request was sent to with the base URL's scheme
/// (the same server is often reached by another name, e.g. 127.0.0.1:3000).
pub fn is_same_origin(url: &str, host: Option<&str>, base_url: &str) -> bool {
    let Some(theirs) = http_origin(url) else {
        return false;
    };
    let base = Url::parse(base_url).ok();
    if base.as_ref().is_some_and(|base| base.origin() == theirs) {
        return true;
    }
    let scheme = base.as_ref().map_or("http", |base| base.scheme());
    host.and_then(|host| http_origin(&format!("{scheme}://{host}")))
        .is_some_and(|ours| ours == theirs)
}

/// The path of a same-origin `Referer` (query and fragment dropped), if safe to go back to.
pub fn same_origin_referer_path(
    referer: &str,
    host: Option<&str>,
    base_url: &str,
) -> Option<String> {
    if !is_same_origin(referer, host, base_url) {
        return None;
    }
    let path = Url::parse(referer).ok()?.path().to_string();
    is_safe_local_path(&path).then_some(path)
}

fn http_origin(url: &str) -> Option<url::Origin> {
    let url = Url::parse(url).ok()?;
    matches!(url.scheme(), "http" | "https").then(|| url.origin())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_local_paths_are_safe() {
        for good in [
            "/",
            "/mentors?page=2",
            "/members/3#top",
            "/a%2Fb",
            "/x?q=a+b",
            "/caf%C3%A9",
            "/admin/members?q=John%20Smith",
        ] {
            assert!(is_safe_local_path(good), "{good:?}");
        }
        for bad in [
            "/%09/evil.example",
            "/\t/evil.example",
            "//evil",
            "/\\evil",
            "/%2F%2Fevil",
            "/%2f%2fevil",
            "/%5Cevil",
            "/%0a/x",
            "/\n/x",
            "/x%00",
            "/a b",
            "/café",
            "https://evil",
            "evil",
            "",
        ] {
            assert!(!is_safe_local_path(bad), "{bad:?}");
            assert_eq!(local_path_or_root(Some(bad)), "/");
        }
    }

    #[test]
    fn origins_are_the_base_url_or_the_request_host() {
        let base = "https://mentora.example";
        assert!(is_same_origin("https://mentora.example/login", None, base));
        assert!(is_same_origin("https://mentora.example:443", None, base));
        assert!(!is_same_origin("http://mentora.example/", None, base));
        assert!(!is_same_origin("https://mentora.example:8443/", None, base));
        assert!(!is_same_origin("https://evil.example/", None, base));
        assert!(!is_same_origin("null", None, base));
        assert!(is_same_origin(
            "https://10.0.0.5:3000/x",
            Some("10.0.0.5:3000"),
            base
        ));
        assert!(!is_same_origin(
            "http://10.0.0.5:3000/x",
            Some("10.0.0.5:3000"),
            base
        ));
    }

    #[test]
    fn referer_paths_only_from_this_site() {
        let base = "http://x:3000";
        let path = |referer| same_origin_referer_path(referer, None, base);
        assert_eq!(
            path("http://x:3000/login?error=a").as_deref(),
            Some("/login")
        );
        assert_eq!(path("http://x:3000").as_deref(), Some("/"));
        assert_eq!(
            path("http://x:3000/account#top").as_deref(),
            Some("/account")
        );
        assert_eq!(path("http://evil//evil.example/x"), None);
        assert_eq!(path("http://x:3000//evil.example/x"), None);
        assert_eq!(path("/account"), None);
    }
}

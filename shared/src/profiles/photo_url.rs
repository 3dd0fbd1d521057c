//! Where a member's profile photo is served. Shared by the server (which serves it) and
//! the pages (which show it as an avatar), so it is not tied to the `ssr` feature.

/// The URL of a member's current photo. `key` is `users.photo_key`: it changes with every
/// upload, so the URL never serves stale content and can be cached for good.
pub fn photo_url(user_id: i64, key: &str) -> String {
    format!("/photos/{user_id}/{key}.jpg")
}

#[cfg(test)]
mod tests {
    use super::photo_url;

    #[test]
    fn photo_urls_name_the_user_and_key() {
        assert_eq!(
            photo_url(42, "0123456789abcdef"),
            "/photos/42/0123456789abcdef.jpg"
        );
    }
}

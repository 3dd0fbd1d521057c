//! Percent-encoding and decoding, shared by the browser and the server (URL state, query
//! strings, redirect checks).

/// Percent-encodes a query-string value: everything but unreserved characters.
pub fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// One round of percent-decoding (`+` stays `+`); invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(s: &str) -> String {
    let hex = |b: Option<&u8>| b.and_then(|b| (*b as char).to_digit(16));
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A raw query string's pairs (`a=1&b=2`, with or without the leading `?`), decoded as a
/// form is: `+` is a space, then percent-escapes.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    let decode = |s: &str| percent_decode(&s.replace('+', " "));
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Pairs written as a query string (without the `?`), values percent-encoded.
pub fn query_string<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", k.as_ref(), percent_encode(v.as_ref())))
        .collect::<Vec<_>>()
        .join("&")
}

/// `path` followed by the non-empty query `parts` joined with `&` (a query string, a
/// notice), with no dangling `?` or `&` when they are empty.
pub fn url_with(path: &str, parts: &[&str]) -> String {
    let parts: Vec<&str> = parts.iter().copied().filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_leave_out_empty_parts() {
        assert_eq!(url_with("/a", &["", ""]), "/a");
        assert_eq!(url_with("/a", &["q=x", ""]), "/a?q=x");
        assert_eq!(url_with("/a", &["", "saved=1"]), "/a?saved=1");
        assert_eq!(url_with("/a", &["q=x", "saved=1"]), "/a?q=x&saved=1");
    }

    #[test]
    fn encodes_and_decodes_escapes_and_leaves_the_rest() {
        assert_eq!(super::percent_decode("a%20b%2Fc+d"), "a b/c+d");
        assert_eq!(super::percent_decode("caf%C3%A9"), "café");
        for value in ["a b&c=d", "café/é?#", "+%"] {
            assert_eq!(super::percent_decode(&super::percent_encode(value)), value);
        }
        assert_eq!(super::percent_encode("a b&é"), "a%20b%26%C3%A9");
        assert_eq!(super::percent_decode("100%"), "100%");
        assert_eq!(super::percent_decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn query_strings_round_trip_with_form_spaces() {
        let pairs = query_pairs("?q=Ren%C3%A9e+T&tag=3&tag=4&empty=&flag");
        assert_eq!(
            pairs,
            vec![
                ("q".into(), "Renée T".into()),
                ("tag".into(), "3".into()),
                ("tag".into(), "4".into()),
                ("empty".into(), String::new()),
                ("flag".into(), String::new()),
            ]
        );
        assert_eq!(
            query_string(&[("q", "Renée & co"), ("tag", "3")]),
            "q=Ren%C3%A9e%20%26%20co&tag=3"
        );
        assert_eq!(query_pairs(&query_string(&pairs))[0].1, "Renée T");
    }
}

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

#[cfg(test)]
mod tests {
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
}

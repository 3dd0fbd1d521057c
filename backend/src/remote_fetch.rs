//! Reading an address a member gave (their calendar's secret iCalendar link) without
//! letting it reach what it should not: only `http`/`https`, no loopback, private,
//! link-local (cloud metadata) or other non-public address, checked on every address a
//! name resolves to and on every redirect, connecting only to the addresses checked;
//! bounded in time, size and redirects; conditional (ETag, Last-Modified). An operator
//! setting lets private addresses through (an intranet calendar; the tests' own server).
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;
use url::Url;

/// What a read may do.
#[derive(Clone, Debug)]
pub struct FetchPolicy {
    /// Reach loopback and private addresses too (off by default).
    pub allow_private: bool,
    /// For the whole read, connection to last byte.
    pub timeout: Duration,
    pub max_bytes: usize,
    pub max_redirects: usize,
}

impl Default for FetchPolicy {
    fn default() -> Self {
        FetchPolicy {
            allow_private: false,
            timeout: Duration::from_secs(15),
            max_bytes: 5 * 1024 * 1024,
            max_redirects: 3,
        }
    }
}

/// Why a read gave nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// Not an `http`/`https` address (or none at all).
    NotWebAddress,
    /// The address, or one it resolves or redirects to, is not public.
    PrivateAddress,
    /// No answer: unknown name, connection refused, TLS failure.
    Unreachable,
    TimedOut,
    TooLarge,
    TooManyRedirects,
    /// The server answered with this error status.
    Status(u16),
}

/// A read's outcome: unchanged since the validators given, or the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fetched {
    NotModified,
    Body {
        text: String,
        etag: Option<String>,
        last_modified: Option<String>,
    },
}

/// One client for the instance (it keeps connections), with its policy.
#[derive(Clone, Debug)]
pub struct RemoteFetch {
    client: reqwest::Client,
    policy: FetchPolicy,
}

/// Whether `ip` is an address on the public internet.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_v4(v4);
            }
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00 // unique local
                || (first & 0xffc0) == 0xfe80 // link-local
                || (first == 0x2001 && v6.segments()[1] == 0x0db8) // documentation
                || v6.segments()[..6] == [0, 0, 0, 0, 0, 0]) // IPv4-compatible
        }
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
        || (a == 192 && b == 0 && ip.octets()[2] == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || a >= 240) // reserved
}

/// Resolves names itself and hands the client only the addresses the policy allows, so
/// the address checked is the address connected to (no rebinding in between).
struct CheckedResolver {
    allow_private: bool,
}

impl Resolve for CheckedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.allow_private;
        Box::pin(async move {
            let found: Vec<SocketAddr> =
                tokio::net::lookup_host((name.as_str(), 0)).await?.collect();
            let allowed: Vec<SocketAddr> = found
                .into_iter()
                .filter(|a| allow_private || is_public(a.ip()))
                .collect();
            if allowed.is_empty() {
                return Err(Box::new(NotPublic) as Box<dyn std::error::Error + Send + Sync>);
            }
            let addrs: Addrs = Box::new(allowed.into_iter());
            Ok(addrs)
        })
    }
}

/// The resolver's refusal, found again in the client's error chain.
#[derive(Debug)]
struct NotPublic;

impl std::fmt::Display for NotPublic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the name resolves to no public address")
    }
}

impl std::error::Error for NotPublic {}

impl RemoteFetch {
    pub fn new(policy: FetchPolicy) -> RemoteFetch {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .dns_resolver(Arc::new(CheckedResolver {
                allow_private: policy.allow_private,
            }))
            .no_proxy()
            .timeout(policy.timeout)
            .connect_timeout(policy.timeout.min(Duration::from_secs(10)))
            .user_agent(concat!(
                "Mentora/",
                env!("CARGO_PKG_VERSION"),
                " (calendar reader)"
            ))
            .build()
            .expect("the HTTP client's settings are valid");
        RemoteFetch { client, policy }
    }

    pub fn policy(&self) -> &FetchPolicy {
        &self.policy
    }

    /// Whether `url` may be read at all: `http`/`https`, and a literal address only if
    /// the policy allows it (names are checked when resolved).
    pub fn check(&self, url: &Url) -> Result<(), FetchError> {
        if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
            return Err(FetchError::NotWebAddress);
        }
        let literal = match url.host() {
            Some(url::Host::Ipv4(ip)) => Some(IpAddr::V4(ip)),
            Some(url::Host::Ipv6(ip)) => Some(IpAddr::V6(ip)),
            _ => None,
        };
        match literal {
            Some(ip) if !self.policy.allow_private && !is_public(ip) => {
                Err(FetchError::PrivateAddress)
            }
            _ => Ok(()),
        }
    }

    /// Reads `url`, following at most the policy's redirects, sending the validators of
    /// the last read so an unchanged calendar costs nothing.
    pub async fn get(
        &self,
        url: &Url,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<Fetched, FetchError> {
        let mut url = url.clone();
        for _ in 0..=self.policy.max_redirects {
            self.check(&url)?;
            let mut request = self.client.get(url.clone());
            if let Some(etag) = etag {
                request = request.header(reqwest::header::IF_NONE_MATCH, etag);
            }
            if let Some(date) = last_modified {
                request = request.header(reqwest::header::IF_MODIFIED_SINCE, date);
            }
            let response = request.send().await.map_err(error_of)?;
            let status = response.status();
            if status.is_redirection() && status != reqwest::StatusCode::NOT_MODIFIED {
                let next = response
                    .headers()
                    .get(reqwest::header::LOCATION)
                    .and_then(|l| l.to_str().ok())
                    .and_then(|l| url.join(l).ok())
                    .ok_or(FetchError::Status(status.as_u16()))?;
                url = next;
                continue;
            }
            if status == reqwest::StatusCode::NOT_MODIFIED {
                return Ok(Fetched::NotModified);
            }
            if !status.is_success() {
                return Err(FetchError::Status(status.as_u16()));
            }
            return self.body(response).await;
        }
        Err(FetchError::TooManyRedirects)
    }

    async fn body(&self, mut response: reqwest::Response) -> Result<Fetched, FetchError> {
        let header = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
                .map(str::to_string)
        };
        let etag = header(reqwest::header::ETAG);
        let last_modified = header(reqwest::header::LAST_MODIFIED);
        if response
            .content_length()
            .is_some_and(|n| n > self.policy.max_bytes as u64)
        {
            return Err(FetchError::TooLarge);
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(error_of)? {
            if bytes.len() + chunk.len() > self.policy.max_bytes {
                return Err(FetchError::TooLarge);
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(Fetched::Body {
            text: String::from_utf8_lossy(&bytes).into_owned(),
            etag,
            last_modified,
        })
    }
}

fn error_of(err: reqwest::Error) -> FetchError {
    if err.is_timeout() {
        return FetchError::TimedOut;
    }
    let mut source: Option<&dyn std::error::Error> = Some(&err);
    while let Some(e) = source {
        if e.is::<NotPublic>() {
            return FetchError::PrivateAddress;
        }
        source = e.source();
    }
    FetchError::Unreachable
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_addresses_are_public() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
        for public in [
            "8.8.8.8",
            "151.101.1.1",
            "2606:4700::1111",
            "::ffff:8.8.8.8",
        ] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
    }

    #[test]
    fn only_web_addresses_on_public_hosts_are_read() {
        let fetch = RemoteFetch::new(FetchPolicy::default());
        let url = |s: &str| Url::parse(s).unwrap();
        assert_eq!(
            fetch.check(&url("file:///etc/passwd")),
            Err(FetchError::NotWebAddress)
        );
        assert_eq!(
            fetch.check(&url("ftp://example.com/a.ics")),
            Err(FetchError::NotWebAddress)
        );
        assert_eq!(
            fetch.check(&url("http://127.0.0.1:8080/a.ics")),
            Err(FetchError::PrivateAddress)
        );
        assert_eq!(
            fetch.check(&url("http://[::1]/a.ics")),
            Err(FetchError::PrivateAddress)
        );
        assert_eq!(
            fetch.check(&url("https://calendar.example.com/a.ics")),
            Ok(())
        );
        let open = RemoteFetch::new(FetchPolicy {
            allow_private: true,
            ..FetchPolicy::default()
        });
        assert_eq!(open.check(&url("http://127.0.0.1:8080/a.ics")), Ok(()));
    }

    #[tokio::test]
    async fn a_name_resolving_to_loopback_is_refused_before_any_connection() {
        let fetch = RemoteFetch::new(FetchPolicy::default());
        let got = fetch
            .get(&Url::parse("http://localhost:9/a.ics").unwrap(), None, None)
            .await;
        assert_eq!(got, Err(FetchError::PrivateAddress));
    }
}

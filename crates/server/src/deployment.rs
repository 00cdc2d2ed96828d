//! How the server is reached when it is not reached directly: behind a TLS
//! reverse proxy on the same machine. The public address people type
//! ([`PublicOrigin`]) decides the `Host` answered, whether cookies are
//! `Secure`, and the invitation links handed out; trusting the proxy
//! decides which address a sign-in is counted against.

use std::net::{IpAddr, SocketAddr};

use axum::http::HeaderMap;

/// The scheme and host (and port) people reach the server at, parsed once
/// from `--public-url`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicOrigin {
    https: bool,
    /// `host` or `host:port`, lower-case.
    authority: String,
}

impl PublicOrigin {
    /// Parses `https://plans.example.org` (or `http://…`, a port, a
    /// trailing `/`); anything with a path, a query, credentials or
    /// another scheme is refused, saying why.
    pub fn parse(text: &str) -> Result<PublicOrigin, String> {
        let (https, rest) = if let Some(r) = text.strip_prefix("https://") {
            (true, r)
        } else if let Some(r) = text.strip_prefix("http://") {
            (false, r)
        } else {
            return Err(format!(
                "{} does not start with https:// (or http://)",
                switchback_app::text::quoted(text)
            ));
        };
        let authority = rest.strip_suffix('/').unwrap_or(rest);
        let bad = |why: &str| {
            Err(format!(
                "{}: {why}; give only the scheme and the host, as https://plans.example.org",
                switchback_app::text::quoted(text)
            ))
        };
        if authority.is_empty() {
            return bad("names no host");
        }
        if authority.contains(['/', '?', '#', '@']) || authority.chars().any(char::is_whitespace) {
            return bad("holds a path, a query, credentials or spaces");
        }
        // The scheme's own port is not written in `Host` by browsers.
        let default_port = if https { ":443" } else { ":80" };
        let authority = authority.strip_suffix(default_port).unwrap_or(authority);
        // What follows the host: nothing, or `:PORT` (after `]` for IPv6).
        let after_host = if authority.starts_with('[') {
            authority.split_once(']').map_or("", |(_, after)| after)
        } else {
            authority.find(':').map_or("", |i| &authority[i..])
        };
        let port_ok = after_host.is_empty()
            || after_host
                .strip_prefix(':')
                .and_then(|p| p.parse::<u16>().ok())
                .is_some_and(|p| p > 0);
        if !port_ok || authority.chars().any(char::is_control) {
            return bad("has a port that is not a number from 1 to 65535, or control characters");
        }
        Ok(PublicOrigin {
            https,
            authority: authority.to_ascii_lowercase(),
        })
    }

    /// Whether people reach it over TLS (then cookies are `Secure`).
    pub fn is_https(&self) -> bool {
        self.https
    }

    /// The `Host` requests through the proxy carry.
    pub fn authority(&self) -> &str {
        &self.authority
    }

    /// The address of `path` as people open it.
    pub fn url(&self, path: &str) -> String {
        let scheme = if self.https { "https" } else { "http" };
        format!("{scheme}://{}{path}", self.authority)
    }
}

/// How the server is deployed; the default is reached directly.
#[derive(Clone, Debug, Default)]
pub struct Deployment {
    /// Where people reach it, when that is not the address it listens on.
    pub public: Option<PublicOrigin>,
    /// A reverse proxy on this machine forwards every request, naming the
    /// client in `X-Forwarded-For`: sign-ins are then counted against the
    /// client's address, not the proxy's (one address for everyone).
    pub behind_proxy: bool,
}

impl Deployment {
    /// The address people open for `path` (an invitation link): the
    /// public address behind a proxy, else the `Host` the request named,
    /// over https when cookies are `Secure` (beyond loopback the server
    /// sits behind TLS).
    pub fn link(&self, secure: bool, host: Option<&str>, path: &str) -> String {
        match &self.public {
            Some(origin) => origin.url(path),
            None => {
                let scheme = if secure { "https" } else { "http" };
                format!("{scheme}://{}{path}", host.unwrap_or("localhost"))
            }
        }
    }

    /// The address a request comes from: the peer, or — from a proxy on
    /// this machine that is trusted — the last address it appended to
    /// `X-Forwarded-For` (earlier entries are the client's to forge).
    ///
    /// The proxy must append the address it sees (nginx:
    /// `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`), or
    /// the last entry is the client's own claim (docs/SECURITY.md).
    pub fn client_address(&self, peer: SocketAddr, headers: &HeaderMap) -> IpAddr {
        // A dual-stack listener sees 127.0.0.1 as ::ffff:127.0.0.1.
        let peer_ip = peer.ip().to_canonical();
        if !(self.behind_proxy && peer_ip.is_loopback()) {
            return peer_ip;
        }
        headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .next_back()
            .and_then(|last| forwarded_address(last.trim()))
            .unwrap_or(peer_ip)
    }
}

/// An `X-Forwarded-For` entry's address: bare, or with a port as some
/// proxies write it (`203.0.113.9:51234`, `[2001:db8::1]:51234`).
fn forwarded_address(entry: &str) -> Option<IpAddr> {
    let ip = entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<SocketAddr>().ok().map(|s| s.ip()))?;
    Some(ip.to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_public_origin_is_a_scheme_and_a_host_only() {
        let o = PublicOrigin::parse("https://Plans.Example.org/").unwrap();
        assert!(o.is_https());
        assert_eq!(o.authority(), "plans.example.org");
        assert_eq!(
            o.url("/invitations/x"),
            "https://plans.example.org/invitations/x"
        );
        let o = PublicOrigin::parse("http://intranet:8443").unwrap();
        assert_eq!(o.url("/"), "http://intranet:8443/");
        // The default port is what browsers leave out of `Host`.
        let o = PublicOrigin::parse("https://plans.example.org:443").unwrap();
        assert_eq!(o.authority(), "plans.example.org");
        let o = PublicOrigin::parse("https://[2001:db8::1]:8443").unwrap();
        assert_eq!(o.authority(), "[2001:db8::1]:8443");
        for bad in [
            "plans.example.org",
            "ftp://plans.example.org",
            "https://",
            "https://plans.example.org/switchback",
            "https://ann:pw@plans.example.org",
            "https://plans.example.org?x=1",
            "https://plans.example.org:http",
            "https://plans.example.org:70000",
        ] {
            assert!(PublicOrigin::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn links_name_the_public_address_behind_a_proxy() {
        let direct = Deployment::default();
        assert_eq!(
            direct.link(false, Some("127.0.0.1:8080"), "/invitations/t"),
            "http://127.0.0.1:8080/invitations/t"
        );
        assert_eq!(
            direct.link(true, Some("plans.example.org"), "/x"),
            "https://plans.example.org/x"
        );
        let proxied = Deployment {
            public: Some(PublicOrigin::parse("https://plans.example.org").unwrap()),
            behind_proxy: true,
        };
        // Whatever `Host` the proxy passes on, and over http on loopback.
        assert_eq!(
            proxied.link(false, Some("127.0.0.1:8080"), "/invitations/t"),
            "https://plans.example.org/invitations/t"
        );
    }

    #[test]
    fn only_a_trusted_proxy_on_this_machine_names_the_client() {
        let mut headers = HeaderMap::new();
        headers.append(
            "x-forwarded-for",
            "198.51.100.7, 203.0.113.9".parse().unwrap(),
        );
        let local: SocketAddr = "127.0.0.1:50000".parse().unwrap();
        let remote: SocketAddr = "192.0.2.1:50000".parse().unwrap();
        let direct = Deployment::default();
        assert_eq!(direct.client_address(local, &headers), local.ip());
        let proxied = Deployment {
            public: None,
            behind_proxy: true,
        };
        // The proxy's own entry is the last; the first is the client's claim.
        assert_eq!(
            proxied.client_address(local, &headers).to_string(),
            "203.0.113.9"
        );
        // Not from the proxy: the header is anyone's to write.
        assert_eq!(proxied.client_address(remote, &headers), remote.ip());
        assert_eq!(proxied.client_address(local, &HeaderMap::new()), local.ip());
        // A dual-stack listener's view of the proxy, and entries with ports.
        let mapped: SocketAddr = "[::ffff:127.0.0.1]:50000".parse().unwrap();
        let mut ported = HeaderMap::new();
        ported.append("x-forwarded-for", "203.0.113.9:51234".parse().unwrap());
        assert_eq!(
            proxied.client_address(mapped, &ported).to_string(),
            "203.0.113.9"
        );
        let mut v6 = HeaderMap::new();
        v6.append("x-forwarded-for", "[2001:db8::1]:51234".parse().unwrap());
        assert_eq!(
            proxied.client_address(local, &v6).to_string(),
            "2001:db8::1"
        );
    }
}

//! Who is asking: the client's address, believing `X-Forwarded-For` only
//! from configured proxies, and a log line per request.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

use app::state::ClientAddr;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use ipnet::IpNet;
use tracing::Instrument;

#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(pub Arc<Vec<IpNet>>);

impl TrustedProxies {
    fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|network| network.contains(&address))
    }

    /// The client behind `peer`: if the peer is a trusted proxy, the last
    /// address in `X-Forwarded-For` that is not itself a trusted proxy.
    pub fn client(&self, peer: IpAddr, forwarded_for: Option<&str>) -> IpAddr {
        if !self.trusts(peer) {
            return peer;
        }
        let Some(forwarded_for) = forwarded_for else {
            return peer;
        };
        let mut client = peer;
        for hop in forwarded_for.rsplit(',') {
            match hop.trim().parse::<IpAddr>() {
                Ok(address) => {
                    client = address;
                    if !self.trusts(address) {
                        break;
                    }
                }
                Err(_) => break,
            }
        }
        client
    }
}

/// A request's id: this process's random start, then a count. It is in
/// the response (`X-Request-Id`) and in every log line of the request, so
/// that a learner's "it failed at 14:05" can be found.
fn next_request_id() -> String {
    use std::sync::LazyLock;
    use std::sync::atomic::{AtomicU64, Ordering};
    static START: LazyLock<u64> = LazyLock::new(|| {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        (now.as_nanos() as u64 ^ u64::from(std::process::id()).rotate_left(32)) & 0xffff_ffff
    });
    static COUNT: AtomicU64 = AtomicU64::new(0);
    format!("{:08x}-{:x}", *START, COUNT.fetch_add(1, Ordering::Relaxed))
}

/// Records the client's address in the request and logs the request.
pub async fn identify_client(State(proxies): State<TrustedProxies>, mut request: Request, next: Next) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip())
        .unwrap_or(IpAddr::from([127, 0, 0, 1]));
    // Every X-Forwarded-For line, in order: a proxy may add its own line
    // after one the client sent.
    let forwarded_for = request
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    let forwarded_for = (!forwarded_for.is_empty()).then_some(forwarded_for.as_str());
    let client = ClientAddr(proxies.client(peer, forwarded_for));
    request.extensions_mut().insert(client);
    let id = next_request_id();
    let span = tracing::info_span!(
        "request",
        method = %request.method(),
        path = %request.uri().path(),
        client = %client.0,
        request_id = %id
    );
    // The route's pattern, not the path: one series per route, not per learner.
    let route = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map(|path| path.as_str().to_string())
        .unwrap_or_else(|| "page".to_string());
    async move {
        let started = Instant::now();
        let mut response = next.run(request).await;
        let elapsed = started.elapsed();
        tracing::info!(status = response.status().as_u16(), ms = elapsed.as_millis() as u64, "served");
        crate::metrics::record_request(&route, response.status().as_u16(), elapsed.as_secs_f64());
        if let Ok(value) = axum::http::HeaderValue::from_str(&id) {
            response.headers_mut().insert("x-request-id", value);
        }
        response
    }
    .instrument(span)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proxies(list: &[&str]) -> TrustedProxies {
        TrustedProxies(Arc::new(list.iter().map(|n| n.parse().unwrap()).collect()))
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_claims() {
        let client = proxies(&["10.0.0.0/8"]).client(ip("203.0.113.9"), Some("1.2.3.4"));
        assert_eq!(client, ip("203.0.113.9"));
    }

    #[test]
    fn a_trusted_proxy_passes_on_the_address_it_saw() {
        let client = proxies(&["10.0.0.0/8"]).client(ip("10.0.0.2"), Some("1.2.3.4, 198.51.100.7"));
        assert_eq!(client, ip("198.51.100.7"));
    }

    #[test]
    fn chains_of_trusted_proxies_are_walked_back() {
        let client = proxies(&["10.0.0.0/8"]).client(ip("10.0.0.2"), Some("198.51.100.7, 10.1.1.1"));
        assert_eq!(client, ip("198.51.100.7"));
    }

    #[test]
    fn garbage_in_the_header_stops_the_walk() {
        let client = proxies(&["10.0.0.0/8"]).client(ip("10.0.0.2"), Some("198.51.100.7, nonsense"));
        assert_eq!(client, ip("10.0.0.2"));
    }
}

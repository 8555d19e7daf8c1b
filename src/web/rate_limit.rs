//! Rate limits, kept in memory by actix-governor: per client address on guessable
//! secrets (resume codes, invitation links) and on starting responses, and per link
//! on starting responses (so one open link shared somewhere hostile cannot flood a
//! survey). Addresses are only ever held in memory for the limit's window; nothing
//! is stored.

use std::net::IpAddr;
use std::sync::Arc;

use actix_governor::governor::clock::DefaultClock;
use actix_governor::governor::middleware::NoOpMiddleware;
use actix_governor::governor::state::keyed::DefaultKeyedStateStore;
use actix_governor::governor::RateLimiter;
use actix_governor::{
    GovernorConfig, GovernorConfigBuilder, KeyExtractor, SimpleKeyExtractionError,
};
use actix_web::dev::ServiceRequest;
use actix_web::http::Method;

/// Keys a request on the address it came from: the connecting peer, or, when that peer
/// is one of our own reverse proxies, the last address in X-Forwarded-For that is not.
/// Nobody else's X-Forwarded-For is believed, so a client cannot pick its own key.
#[derive(Debug, Clone)]
pub struct ClientAddress {
    trusted_proxies: Arc<Vec<IpAddr>>,
}

impl ClientAddress {
    pub fn new(trusted_proxies: Vec<IpAddr>) -> Self {
        Self {
            trusted_proxies: Arc::new(trusted_proxies),
        }
    }

    /// The client for a request from `peer` carrying `forwarded_for` headers: an IPv4
    /// address, or an IPv6 /56 (one household or office is usually given a whole
    /// prefix, and could otherwise take a fresh address for every guess).
    pub fn client_of(&self, peer: IpAddr, forwarded_for: &[&str]) -> IpAddr {
        match self.address_of(peer, forwarded_for) {
            IpAddr::V6(v6) => {
                let mut octets = v6.octets();
                for o in octets.iter_mut().skip(7) {
                    *o = 0;
                }
                IpAddr::V6(octets.into())
            }
            v4 => v4,
        }
    }

    fn address_of(&self, peer: IpAddr, forwarded_for: &[&str]) -> IpAddr {
        if !self.trusted_proxies.contains(&peer) {
            return peer;
        }
        let hops: Vec<IpAddr> = forwarded_for
            .iter()
            .flat_map(|h| h.split(','))
            .filter_map(|a| a.trim().parse().ok())
            .collect();
        hops.into_iter()
            .rev()
            .find(|a| !self.trusted_proxies.contains(a))
            .unwrap_or(peer)
    }
}

impl KeyExtractor for ClientAddress {
    type Key = IpAddr;
    type KeyExtractionError = SimpleKeyExtractionError<&'static str>;

    fn extract(&self, req: &ServiceRequest) -> Result<Self::Key, Self::KeyExtractionError> {
        let peer = req
            .peer_addr()
            .map(|s| s.ip())
            .ok_or_else(|| SimpleKeyExtractionError::new("The request has no peer address."))?;
        let forwarded: Vec<&str> = req
            .headers()
            .get_all("x-forwarded-for")
            .filter_map(|v| v.to_str().ok())
            .collect();
        Ok(self.client_of(peer, &forwarded))
    }
}

/// Keys a request on the survey link in its path (`/s/{token}/...`).
#[derive(Debug, Clone, Copy)]
pub struct LinkToken;

impl KeyExtractor for LinkToken {
    type Key = String;
    type KeyExtractionError = SimpleKeyExtractionError<&'static str>;

    fn extract(&self, req: &ServiceRequest) -> Result<Self::Key, Self::KeyExtractionError> {
        req.match_info()
            .get("token")
            .map(String::from)
            .ok_or_else(|| SimpleKeyExtractionError::new("The request names no survey link."))
    }
}

pub type Limit = GovernorConfig<ClientAddress, NoOpMiddleware>;
pub type LinkLimit = GovernorConfig<LinkToken, NoOpMiddleware>;

/// The shared state behind a [`Limit`], for forgetting addresses that have refilled.
pub type Limiter =
    Arc<RateLimiter<IpAddr, DefaultKeyedStateStore<IpAddr>, DefaultClock, NoOpMiddleware>>;

/// `per_minute` POSTs a minute from one client address, all of them at once if need be.
pub fn posts_per_minute(per_minute: u32, trusted_proxies: Vec<IpAddr>) -> Option<Limit> {
    requests_per_minute(per_minute, trusted_proxies, vec![Method::POST])
}

/// `per_minute` requests by `methods` a minute from one client address.
pub fn requests_per_minute(
    per_minute: u32,
    trusted_proxies: Vec<IpAddr>,
    methods: Vec<Method>,
) -> Option<Limit> {
    let per_minute = per_minute.max(1);
    GovernorConfigBuilder::default()
        .key_extractor(ClientAddress::new(trusted_proxies))
        .period(std::time::Duration::from_secs(60) / per_minute)
        .burst_size(per_minute)
        .methods(methods)
        .finish()
}

/// `per_minute` POSTs a minute through one survey link, whoever sends them.
pub fn posts_per_link_per_minute(per_minute: u32) -> Option<LinkLimit> {
    let per_minute = per_minute.max(1);
    GovernorConfigBuilder::default()
        .key_extractor(LinkToken)
        .period(std::time::Duration::from_secs(60) / per_minute)
        .burst_size(per_minute)
        .methods(vec![Method::POST])
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_forwards() {
        let k = ClientAddress::new(vec![ip("10.0.0.1")]);
        assert_eq!(
            k.client_of(ip("203.0.113.9"), &["1.2.3.4"]),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_last_untrusted_hop_is_the_client() {
        let k = ClientAddress::new(vec![ip("10.0.0.1"), ip("10.0.0.2")]);
        // A client can prepend anything; only what our proxies appended is believed.
        assert_eq!(
            k.client_of(ip("10.0.0.1"), &["6.6.6.6, 198.51.100.7, 10.0.0.2"]),
            ip("198.51.100.7")
        );
        assert_eq!(k.client_of(ip("10.0.0.1"), &[]), ip("10.0.0.1"));
        assert_eq!(k.client_of(ip("10.0.0.1"), &["garbage"]), ip("10.0.0.1"));
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_prefix() {
        let k = ClientAddress::new(vec![]);
        assert_eq!(
            k.client_of(ip("2001:db8:aa:bb01::1"), &[]),
            k.client_of(ip("2001:db8:aa:bbff:ffff::9"), &[]),
            "one /56"
        );
        assert_ne!(
            k.client_of(ip("2001:db8:aa:bb01::1"), &[]),
            k.client_of(ip("2001:db8:aa:cc01::1"), &[])
        );
    }

    #[test]
    fn limits_are_built_for_any_figure() {
        assert!(posts_per_minute(0, vec![]).is_some());
        assert!(posts_per_minute(20, vec![]).is_some());
        assert!(posts_per_minute(100_000, vec![]).is_some());
    }
}

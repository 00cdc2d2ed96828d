//! Switchback's HTTP edge: the JSON API under `/api/v1/` and the web pages,
//! both on the application layer (`switchback_app`), so the browser and
//! the terminal give the same answers in the same words.
//!
//! # Layout
//!
//! - [`serve`]: runs the server on a listener the caller bound (tests bind
//!   port 0), until the shutdown future completes.
//! - [`router`]: every route, with the limits and security headers.
//! - `api`: the JSON endpoints; `pages`: the HTML pages and forms;
//!   `chart`: the route chart as SVG; `csrf`: tokens for forms;
//!   `error`: one JSON error shape with stable codes; `openapi`: the
//!   OpenAPI 3.1 document.
//! - [`Deployment`]: behind a TLS reverse proxy — the public address, and
//!   whose address a sign-in is counted against.
//!
//! # Security
//!
//! Binds loopback unless told otherwise (the CLI's default). Every page
//! escapes user text (askama escapes by default), is served with a
//! Content-Security-Policy that allows no inline script or style, and
//! every state-changing form carries a CSRF token checked in one place
//! (`csrf`). JSON endpoints that change state take only
//! `application/json`, which a cross-site form cannot send. Bodies are
//! limited to [`BODY_LIMIT`] bytes and requests to [`REQUEST_TIMEOUT`].

mod account_pages;
mod accounts;
mod api;
mod chart;
mod csrf;
mod deployment;
mod error;
mod forms;
mod openapi;
mod pages;
mod session;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use switchback_app::{AppError, Engine};
use switchback_store::{Database, Store};
use tokio::net::TcpListener;

pub use deployment::{Deployment, PublicOrigin};
pub use error::ApiError;

/// The largest request body accepted (a profile is a few kilobytes; a
/// learning catalogue is imported from the command line).
pub const BODY_LIMIT: usize = 256 * 1024;

/// The longest a request may take before it is answered 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// What every request shares: the engine, built once, and where the plan
/// database is. Each request that needs the store opens its own
/// connection (SQLite in WAL mode: readers never block the writer).
#[derive(Clone, Debug)]
pub struct AppState {
    engine: Arc<Engine>,
    db: Database,
    /// Session cookies carry `Secure`: the server is reachable beyond
    /// this machine (set by [`router`] from the address it listens on, or
    /// the public address's scheme).
    secure: bool,
    deployment: Arc<Deployment>,
}

impl AppState {
    /// State over an engine and a plan database (an SQLite file, or a
    /// PostgreSQL database for a shared deployment).
    pub fn new(engine: Arc<Engine>, db: Database) -> AppState {
        AppState {
            engine,
            db,
            secure: false,
            deployment: Arc::new(Deployment::default()),
        }
    }

    /// The same state, for a server deployed as `deployment` says.
    pub fn deployed(mut self, deployment: Deployment) -> AppState {
        self.deployment = Arc::new(deployment);
        self
    }

    fn deployment(&self) -> &Deployment {
        &self.deployment
    }

    fn secure_cookies(&self) -> bool {
        self.secure
    }

    fn open_store(&self) -> Result<Store, AppError> {
        Ok(self.db.open()?)
    }

    fn read_store(&self) -> Result<Option<Store>, AppError> {
        Ok(self.db.open_read_only()?)
    }
}

/// Every route of the server. `local` is the address it listens on: on
/// loopback, only requests naming this machine in `Host` are answered
/// (another site re-pointing its name at 127.0.0.1 — DNS rebinding — is
/// refused), and the public address when a proxy forwards to it.
pub fn router(mut state: AppState, local: std::net::SocketAddr) -> Router {
    let public = state.deployment().public.clone();
    state.secure = match &public {
        Some(origin) => origin.is_https(),
        None => !local.ip().is_loopback(),
    };
    let hosts = allowed_hosts(local, public.as_ref());
    Router::new()
        .merge(api::routes())
        .merge(accounts::routes())
        .merge(account_pages::routes())
        .merge(pages::routes())
        .fallback(pages::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(middleware::from_fn(move |req, next| {
            check_host(hosts.clone(), req, next)
        }))
        // Outermost, so that every response carries the headers, the
        // limits' and the host check's included.
        .layer(middleware::from_fn(security_headers))
        .with_state(state)
}

/// The `Host` values the server answers: this machine's names on
/// loopback, and the public address behind a proxy; `None` (any) for a
/// server listening beyond loopback without one.
fn allowed_hosts(
    local: std::net::SocketAddr,
    public: Option<&PublicOrigin>,
) -> Option<Arc<Vec<String>>> {
    let mut hosts: Vec<String> = public
        .map(|p| p.authority().to_owned())
        .into_iter()
        .collect();
    if local.ip().is_loopback() {
        let port = local.port();
        hosts.extend([
            format!("127.0.0.1:{port}"),
            format!("localhost:{port}"),
            format!("[::1]:{port}"),
        ]);
    }
    (!hosts.is_empty()).then(|| Arc::new(hosts))
}

async fn check_host(
    hosts: Option<Arc<Vec<String>>>,
    req: axum::extract::Request,
    next: Next,
) -> Response {
    if let Some(hosts) = hosts {
        let host = req
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("");
        if !hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
            return axum::response::IntoResponse::into_response(ApiError::new(
                axum::http::StatusCode::MISDIRECTED_REQUEST,
                "host_not_allowed",
                format!("this server answers only as {}", hosts.join(", ")),
            ));
        }
    }
    next.run(req).await
}

/// Serves until `shutdown` completes, then finishes the requests under way.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let local = listener.local_addr()?;
    // The peer's address counts failed sign-ins per address.
    let app = router(state, local).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}

/// No inline script or style, nothing from another host, no framing.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

async fn security_headers(req: axum::extract::Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, name: HeaderName, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set(h, header::CONTENT_SECURITY_POLICY, CSP);
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(
        h,
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    res
}

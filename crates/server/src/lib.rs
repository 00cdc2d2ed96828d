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

mod api;
mod chart;
mod csrf;
mod error;
mod forms;
mod openapi;
mod pages;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use switchback_app::{AppError, Engine};
use switchback_store::Store;
use tokio::net::TcpListener;

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
    db: PathBuf,
}

impl AppState {
    /// State over an engine and a plan database file.
    pub fn new(engine: Arc<Engine>, db: PathBuf) -> AppState {
        AppState { engine, db }
    }

    fn open_store(&self) -> Result<Store, AppError> {
        Ok(Store::open(&self.db)?)
    }

    fn read_store(&self) -> Result<Option<Store>, AppError> {
        Ok(Store::open_read_only(&self.db)?)
    }
}

/// Every route of the server.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(api::routes())
        .merge(pages::routes())
        .layer(middleware::from_fn(security_headers))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .with_state(state)
}

/// Serves until `shutdown` completes, then finishes the requests under way.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(state))
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

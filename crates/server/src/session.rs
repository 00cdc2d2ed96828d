//! Who is asking, and the one place a request about a plan is let
//! through ([`gate`]).
//!
//! A server whose database holds no account is one person's, on their own
//! machine (loopback only — the CLI refuses another address without
//! accounts): every plan in it is theirs. Once an administrator exists
//! (`switchback user add NAME --admin`) the server is shared: a request
//! about a plan needs a session, and `switchback_app::accounts::authorize`
//! decides on the role its account holds.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use switchback_app::accounts::{self, Session};
use switchback_app::{AppError, PlanAction, User};
use switchback_store::{PlanId, Store};

use crate::api::{blocking, now};
use crate::{ApiError, AppState};

/// The session cookie's name.
pub(crate) const COOKIE: &str = "switchback_session";

/// The cookie's name where it is `Secure`: a browser takes a `__Host-`
/// cookie only from a secure origin, for the whole host (no `Domain`,
/// `Path=/`), so a sibling subdomain cannot plant or shadow it.
pub(crate) const SECURE_COOKIE: &str = "__Host-switchback_session";

fn cookie_name(secure: bool) -> &'static str {
    if secure { SECURE_COOKIE } else { COOKIE }
}

/// The account behind a request, and whether the server is shared.
#[derive(Clone, Debug, Default)]
pub(crate) struct Viewer {
    /// The signed-in account, if any.
    pub user: Option<User>,
    /// The database holds accounts: plans need a session and a role.
    pub shared: bool,
    /// The session cookie the request carried (to end on sign-out).
    pub cookie: Option<String>,
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Viewer, ApiError> {
        let cookie = session_cookie(&parts.headers, state.secure_cookies());
        let s = state.clone();
        blocking(move || {
            let Some(store) = s.read_store()? else {
                return Ok(Viewer::default());
            };
            let shared = store.user_count().map_err(AppError::from)? > 0;
            let user = match (&cookie, shared) {
                (Some(c), true) => accounts::current_user(&store, c, now())?,
                _ => None,
            };
            Ok(Viewer {
                user,
                shared,
                cookie,
            })
        })
        .await
    }
}

impl Viewer {
    /// The signed-in account, or 401 on a shared server.
    pub fn signed_in(&self) -> Result<&User, ApiError> {
        self.user.as_ref().ok_or_else(sign_in_required)
    }
}

/// Lets a request to do `action` with `plan` through, or says why not:
/// on a shared server, 401 without a session (for every plan id alike),
/// else whatever `accounts::authorize` decides (404 for no role, 403 for a
/// role without the right). On a one-person server, everything.
pub(crate) fn gate(
    store: &Store,
    v: &Viewer,
    plan: PlanId,
    action: PlanAction,
) -> Result<(), ApiError> {
    if !v.shared {
        return Ok(());
    }
    let user = v.signed_in()?;
    accounts::authorize(store, Some(user), plan, action)?;
    Ok(())
}

/// 401: sign in first.
pub(crate) fn sign_in_required() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        "sign_in_required",
        "sign in first: plans on this server are kept by accounts",
    )
}

/// The `Set-Cookie` value that starts a session in the browser.
/// `Secure` when the server is reachable beyond this machine (it must then
/// sit behind TLS); on loopback a browser takes the cookie over plain HTTP.
pub(crate) fn start_cookie(session: &Session, secure: bool) -> HeaderValue {
    let max_age = (session.expires.as_second() - now().as_second()).max(0);
    let value = format!(
        "{}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{}",
        cookie_name(secure),
        session.token.expose(),
        if secure { "; Secure" } else { "" }
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The `Set-Cookie` value that ends the session in the browser.
pub(crate) fn end_cookie(secure: bool) -> HeaderValue {
    HeaderValue::from_static(if secure {
        "__Host-switchback_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure"
    } else {
        "switchback_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
    })
}

/// The session cookie a request carries, by the one name this server
/// sets (a plain-named cookie is not read where the `__Host-` one is due).
fn session_cookie(headers: &HeaderMap, secure: bool) -> Option<String> {
    crate::csrf::cookie_value(headers, cookie_name(secure), |_| true)
}

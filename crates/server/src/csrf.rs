//! CSRF protection for the forms, checked in one place: a random token in
//! a `SameSite=Strict`, `HttpOnly` cookie and the same token in a hidden
//! field of every form that changes something. A request from another
//! site can make the browser send the cookie (not with `Strict`, but
//! older browsers) yet cannot read it to put it in the form.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};

use crate::ApiError;

const COOKIE: &str = "switchback_csrf";

/// The token of this browser, and whether it is new (then the response
/// sets the cookie).
#[derive(Clone, Debug)]
pub struct Token {
    value: String,
    new: bool,
}

impl Token {
    /// The token to put in forms.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The `Set-Cookie` header a response must carry, if the token is new.
    pub fn set_cookie(&self) -> Option<(header::HeaderName, String)> {
        self.new.then(|| {
            (
                header::SET_COOKIE,
                format!("{COOKIE}={}; Path=/; HttpOnly; SameSite=Strict", self.value),
            )
        })
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Token {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Token, ApiError> {
        Ok(match cookie(&parts.headers) {
            Some(value) => Token { value, new: false },
            None => Token {
                value: fresh()?,
                new: true,
            },
        })
    }
}

fn cookie(headers: &HeaderMap) -> Option<String> {
    cookie_value(headers, COOKIE, |v| {
        v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// The first value of the cookie `name` that `accept` takes.
pub(crate) fn cookie_value(
    headers: &HeaderMap,
    name: &str,
    accept: impl Fn(&str) -> bool,
) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, v)| *k == name && accept(v))
        .map(|(_, v)| v.to_owned())
}

fn fresh() -> Result<String, ApiError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            format!("no randomness: {e}"),
        )
    })?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Checks a state-changing form: its `csrf` field must equal the cookie's
/// token, and a browser that says where the request comes from must say
/// this site. Cookies ignore ports, so a page on another localhost port
/// could plant a cookie of its own choosing; it cannot make the browser
/// send this server's origin. 403 otherwise; nothing is done.
pub fn verify(headers: &HeaderMap, form_token: &str) -> Result<(), ApiError> {
    let same_site = same_origin(headers);
    let ok = same_site
        && cookie(headers).is_some_and(|c| constant_time_eq(c.as_bytes(), form_token.as_bytes()));
    if ok {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "csrf_token",
            "the form's security token is missing or does not match: reload the page and try again",
        ))
    }
}

/// Whether the browser's own account of the request's origin (when it
/// gives one: `Sec-Fetch-Site`, else `Origin`) is this server.
fn same_origin(headers: &HeaderMap) -> bool {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = get("sec-fetch-site") {
        return site == "same-origin" || site == "none";
    }
    match (get("origin"), get("host")) {
        (Some(origin), Some(host)) => {
            origin
                .strip_prefix("http://")
                .or_else(|| origin.strip_prefix("https://"))
                == Some(host)
        }
        (Some(_), None) => false,
        // Neither header: not a browser acting for another site.
        (None, _) => true,
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

//! The pages of shared plans: signing in and out, invitations, and the
//! forms on a plan page that invite, remove, agree and delete. Each form
//! is checked for its CSRF token first; every decision is
//! `switchback_app::accounts`'.

use askama::Template;
use axum::Router;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use switchback_app::accounts::{self, AccountRequest, InvitationFor, Session, Token};
use switchback_app::{AppError, Part, PlanAction, PlanRole, User};
use switchback_store::{PlanId, Store};

use crate::api::{blocking, now, plan_id};
use crate::pages::{PageForm, error_page, page};
use crate::session::{self, Viewer};
use crate::{ApiError, AppState, csrf};

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/sign-in", get(sign_in_page).post(sign_in))
        .route("/sign-out", post(sign_out))
        .route("/sign-out-everywhere", post(sign_out_everywhere))
        .route("/invitations/{token}", get(invitation_page).post(accept))
        .route("/admin", get(admin_page))
        .route("/admin/invitations", post(invite_account))
        .route("/admin/accounts/{username}/{change}", post(change_account))
        .route("/plans/{id}/invitations", post(invite_to_plan))
        .route("/plans/{id}/members/{username}/remove", post(remove_member))
        .route("/plans/{id}/agreements", post(agree))
        .route("/plans/{id}/learning", post(add_learning))
        .route("/plans/{id}/delete", post(delete_plan))
}

/// What a plan page shows of its sharing, on a shared server.
pub(crate) struct Sharing {
    pub username: String,
    pub role_words: &'static str,
    pub members: Vec<(String, &'static str)>,
    pub agreements: Vec<crate::accounts::AgreementView>,
    /// Every agreement, newest first.
    pub history: Vec<crate::accounts::AgreementView>,
    pub can_manage: bool,
    pub can_agree: bool,
    pub can_add_learning: bool,
    pub can_read_profile: bool,
}

/// The sharing section of a plan page for `viewer` (`None` on a
/// one-person server).
pub(crate) fn sharing(
    store: &Store,
    viewer: &Viewer,
    plan: PlanId,
) -> Result<Option<Sharing>, ApiError> {
    let (true, Some(user)) = (viewer.shared, &viewer.user) else {
        return Ok(None);
    };
    let role = accounts::authorize(store, Some(user), plan, PlanAction::Read)?;
    let members = store
        .members(plan)
        .map_err(AppError::from)?
        .into_iter()
        .map(|(u, r)| (u.username, role_words(r)))
        .collect();
    Ok(Some(Sharing {
        username: user.username.clone(),
        role_words: role_words(role),
        members,
        agreements: crate::accounts::agreement_views(store, user, plan)?,
        history: crate::accounts::agreement_history_views(store, user, plan)?,
        can_manage: switchback_app::role_allows(Some(role), PlanAction::ManageMembers),
        can_agree: switchback_app::role_allows(Some(role), PlanAction::Agree),
        can_add_learning: switchback_app::role_allows(Some(role), PlanAction::AddLearning),
        can_read_profile: switchback_app::role_allows(Some(role), PlanAction::ReadProfile),
    }))
}

fn role_words(r: PlanRole) -> &'static str {
    match r {
        PlanRole::Owner => "the person",
        PlanRole::Manager => "the manager",
        PlanRole::Hr => "the HR business partner",
    }
}

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInPage {
    csrf: String,
    error: Option<String>,
}

async fn sign_in_page(token: csrf::Token) -> Response {
    page(
        &SignInPage {
            csrf: token.value().to_owned(),
            error: None,
        },
        &token,
    )
    .unwrap_or_else(error_page)
}

#[derive(Deserialize)]
struct SignInForm {
    csrf: String,
    login: String,
    password: String,
}

/// A redirect that starts a session in the browser.
fn signed_in_to(s: &AppState, to: &str, session: &Session) -> Response {
    let mut res = Redirect::to(to).into_response();
    res.headers_mut().insert(
        header::SET_COOKIE,
        session::start_cookie(session, s.secure_cookies()),
    );
    res
}

async fn sign_in(
    State(s): State<AppState>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    viewer: Viewer,
    token: csrf::Token,
    headers: HeaderMap,
    PageForm(f): PageForm<SignInForm>,
) -> Response {
    if let Err(e) = csrf::verify(&headers, &f.csrf) {
        return error_page(e);
    }
    let address = s.deployment().client_address(peer, &headers);
    let state = s.clone();
    let result = blocking(move || {
        let mut st = state.open_store()?;
        Ok(accounts::sign_in_replacing(
            &mut st,
            viewer.cookie.as_deref(),
            &f.login,
            &f.password,
            &address.to_string(),
            now(),
        )?)
    })
    .await;
    match result {
        Ok(session) => signed_in_to(&s, "/plans", &session),
        Err(e) => {
            let status = e.status();
            let mut res = page(
                &SignInPage {
                    csrf: token.value().to_owned(),
                    error: Some(e.message().to_owned()),
                },
                &token,
            )
            .unwrap_or_else(error_page);
            *res.status_mut() = status;
            res
        }
    }
}

#[derive(Deserialize)]
struct CsrfForm {
    csrf: String,
}

async fn sign_out(
    State(s): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    PageForm(f): PageForm<CsrfForm>,
) -> Response {
    end_sessions(s, viewer, &headers, &f.csrf, false).await
}

/// Ends every session of the account: a browser left signed in elsewhere
/// is signed out too.
async fn sign_out_everywhere(
    State(s): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    PageForm(f): PageForm<CsrfForm>,
) -> Response {
    end_sessions(s, viewer, &headers, &f.csrf, true).await
}

/// Signs out this browser's session, or every session of its account,
/// and clears the cookie.
async fn end_sessions(
    s: AppState,
    viewer: Viewer,
    headers: &HeaderMap,
    csrf_field: &str,
    everywhere: bool,
) -> Response {
    if let Err(e) = csrf::verify(headers, csrf_field) {
        return error_page(e);
    }
    let secure = s.secure_cookies();
    let done = blocking(move || {
        let mut st = s.open_store()?;
        match (&viewer.user, &viewer.cookie) {
            (Some(user), _) if everywhere => {
                accounts::sign_out_everywhere(&mut st, user)?;
            }
            (_, Some(c)) => accounts::sign_out(&mut st, c)?,
            _ => {}
        }
        Ok(())
    })
    .await;
    match done {
        Ok(()) => {
            let mut res = Redirect::to("/sign-in").into_response();
            res.headers_mut()
                .insert(header::SET_COOKIE, session::end_cookie(secure));
            res
        }
        Err(e) => error_page(e),
    }
}

#[derive(Template)]
#[template(path = "invitation.html")]
struct InvitationPage {
    csrf: String,
    token: String,
    signed_in: Option<String>,
    /// A role on a plan (else: a new account).
    for_plan: bool,
}

async fn invitation_page(
    State(s): State<AppState>,
    viewer: Viewer,
    token: csrf::Token,
    Path(invitation): Path<String>,
) -> Response {
    let asked = invitation.clone();
    let purpose = blocking(move || {
        let purpose = match s.read_store()? {
            Some(st) => accounts::invitation_for(&st, &asked, now())?,
            None => None,
        };
        purpose
            .ok_or_else(|| AppError::Store(switchback_store::StoreError::InvitationInvalid).into())
    })
    .await;
    let purpose = match purpose {
        Ok(p) => p,
        Err(e) => return error_page(e),
    };
    page(
        &InvitationPage {
            csrf: token.value().to_owned(),
            token: invitation,
            signed_in: viewer.user.map(|u| u.username),
            for_plan: matches!(purpose, InvitationFor::Plan(..)),
        },
        &token,
    )
    .unwrap_or_else(error_page)
}

#[derive(Deserialize)]
struct AcceptForm {
    csrf: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

async fn accept(
    State(s): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(invitation): Path<String>,
    PageForm(f): PageForm<AcceptForm>,
) -> Response {
    if let Err(e) = csrf::verify(&headers, &f.csrf) {
        return error_page(e);
    }
    let state = s.clone();
    let done = blocking(move || {
        let mut st = state.open_store()?;
        match &viewer.user {
            Some(user) => {
                let plan = accounts::accept_plan_invitation(&mut st, &invitation, user, now())?;
                Ok((format!("/plans/{plan}"), None))
            }
            None => {
                let req = AccountRequest {
                    username: f.username.trim(),
                    email: Some(f.email.trim()).filter(|e| !e.is_empty()),
                    password: &f.password,
                };
                let session = accounts::accept_account(&mut st, &invitation, &req, now())?;
                Ok(("/plans".to_owned(), Some(session)))
            }
        }
    })
    .await;
    match done {
        Ok((to, Some(session))) => signed_in_to(&s, &to, &session),
        Ok((to, None)) => Redirect::to(&to).into_response(),
        Err(e) => error_page(e),
    }
}

#[derive(Template)]
#[template(path = "admin.html")]
struct AdminPage {
    csrf: String,
    username: String,
    accounts: Vec<crate::accounts::AccountView>,
}

async fn admin_page(State(s): State<AppState>, viewer: Viewer, token: csrf::Token) -> Response {
    let listed = blocking(move || {
        let user = viewer.signed_in()?.clone();
        let store = s.open_store()?;
        let accounts = accounts::accounts(&store, &user)?;
        Ok((user, accounts))
    })
    .await;
    match listed {
        Ok((user, accounts)) => page(
            &AdminPage {
                csrf: token.value().to_owned(),
                username: user.username,
                accounts: accounts.into_iter().map(Into::into).collect(),
            },
            &token,
        )
        .unwrap_or_else(error_page),
        Err(e) => error_page(e),
    }
}

/// An administrator's account form (`disable` or `enable`): the CSRF
/// token, the change, back to the list.
async fn change_account(
    State(s): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path((username, change)): Path<(String, String)>,
    PageForm(f): PageForm<CsrfForm>,
) -> Response {
    if let Err(e) = csrf::verify(&headers, &f.csrf) {
        return error_page(e);
    }
    let disabled = match change.as_str() {
        "disable" => true,
        "enable" => false,
        _ => {
            return error_page(ApiError::new(
                axum::http::StatusCode::NOT_FOUND,
                "not_found",
                "no such endpoint or page",
            ));
        }
    };
    let done = blocking(move || {
        let user = viewer.signed_in()?;
        let mut store = s.open_store()?;
        accounts::set_account_disabled(&mut store, user, &username, disabled, now())?;
        Ok(())
    })
    .await;
    match done {
        Ok(()) => Redirect::to("/admin").into_response(),
        Err(e) => error_page(e),
    }
}

#[derive(Template)]
#[template(path = "invited.html")]
struct InvitedPage {
    what: String,
    link: String,
    expires: String,
    back: String,
}

/// The page showing a new invitation link, absolute on this server.
fn invited(
    s: &AppState,
    headers: &HeaderMap,
    token: &Token,
    what: String,
    back: String,
) -> Response {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let path = format!("/invitations/{}", token.expose());
    let link = s.deployment().link(s.secure_cookies(), host, &path);
    let expires = now() + jiff::SignedDuration::from_hours(24 * accounts::INVITATION_DAYS);
    let t = InvitedPage {
        what,
        link,
        expires: expires.to_string(),
        back,
    };
    match t.render() {
        Ok(html) => {
            let mut res = axum::response::Html(html).into_response();
            // The link is a secret: not cached, not kept by the browser's history cache.
            res.headers_mut().insert(
                header::CACHE_CONTROL,
                axum::http::HeaderValue::from_static("no-store"),
            );
            *res.status_mut() = StatusCode::CREATED;
            res
        }
        Err(e) => error_page(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            e.to_string(),
        )),
    }
}

async fn invite_account(
    State(s): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    PageForm(f): PageForm<CsrfForm>,
) -> Response {
    if let Err(e) = csrf::verify(&headers, &f.csrf) {
        return error_page(e);
    }
    let state = s.clone();
    let made = blocking(move || {
        let user = viewer.signed_in()?;
        Ok(accounts::invite_account(
            &mut state.open_store()?,
            user,
            now(),
        )?)
    })
    .await;
    match made {
        Ok(t) => invited(
            &s,
            &headers,
            &t,
            "A link to make an account.".into(),
            "/admin".into(),
        ),
        Err(e) => error_page(e),
    }
}

#[derive(Deserialize)]
struct RoleForm {
    csrf: String,
    role: String,
}

async fn invite_to_plan(
    State(s): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(id): Path<String>,
    PageForm(f): PageForm<RoleForm>,
) -> Response {
    if let Err(e) = csrf::verify(&headers, &f.csrf) {
        return error_page(e);
    }
    let state = s.clone();
    let id = match plan_id(&id) {
        Ok(id) => id,
        Err(e) => return error_page(e),
    };
    let made = blocking(move || {
        let user = viewer.signed_in()?;
        let role = match PlanRole::parse(&f.role) {
            Some(r @ (PlanRole::Manager | PlanRole::Hr)) => r,
            _ => return Err(AppError::invalid("role", "manager or hr").into()),
        };
        let t = accounts::invite_to_plan(&mut state.open_store()?, user, id, role, now())?;
        Ok((t, role))
    })
    .await;
    match made {
        Ok((t, role)) => invited(
            &s,
            &headers,
            &t,
            format!(
                "A link that makes its holder {} on plan {id}.",
                role_words(role)
            ),
            format!("/plans/{id}"),
        ),
        Err(e) => error_page(e),
    }
}

async fn remove_member(
    State(s): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path((id, username)): Path<(String, String)>,
    PageForm(f): PageForm<CsrfForm>,
) -> Response {
    plan_form(s, viewer, &headers, &id, &f.csrf, move |st, user, id| {
        accounts::remove_member(st, user, id, &username)?;
        Ok(format!("/plans/{id}"))
    })
    .await
}

#[derive(Deserialize)]
struct PartForm {
    csrf: String,
    part: String,
}

async fn agree(
    State(s): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(id): Path<String>,
    PageForm(f): PageForm<PartForm>,
) -> Response {
    let part = f.part.clone();
    plan_form(s, viewer, &headers, &id, &f.csrf, move |st, user, id| {
        let part = Part::parse(&part)
            .ok_or_else(|| AppError::invalid("part", "development, objectives or tenure"))?;
        accounts::agree(st, user, id, part, now())?;
        Ok(format!("/plans/{id}#sharing"))
    })
    .await
}

#[derive(Deserialize)]
struct LearningForm {
    csrf: String,
    element: String,
    kind: String,
    title: String,
    #[serde(default)]
    provider: String,
    #[serde(default)]
    url: String,
}

async fn add_learning(
    State(s): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(id): Path<String>,
    PageForm(f): PageForm<LearningForm>,
) -> Response {
    let csrf_field = f.csrf.clone();
    plan_form(
        s,
        viewer,
        &headers,
        &id,
        &csrf_field,
        move |st, user, id| {
            let element = f
                .element
                .trim()
                .parse()
                .map_err(|_| AppError::invalid("element", "a development element's number"))?;
            let req = accounts::LearningRequest {
                element,
                kind: &f.kind,
                title: &f.title,
                provider: Some(f.provider.as_str()),
                url: Some(f.url.as_str()),
            };
            accounts::add_learning(st, user, id, &req)?;
            Ok(format!("/plans/{id}#sharing"))
        },
    )
    .await
}

async fn delete_plan(
    State(s): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(id): Path<String>,
    PageForm(f): PageForm<CsrfForm>,
) -> Response {
    plan_form(s, viewer, &headers, &id, &f.csrf, |st, user, id| {
        accounts::delete_plan(st, user, id)?;
        Ok("/plans".to_owned())
    })
    .await
}

/// A plan form's common path: the CSRF token, the plan id, a signed-in
/// account, the change, then a redirect to where it says.
async fn plan_form(
    s: AppState,
    viewer: Viewer,
    headers: &HeaderMap,
    id: &str,
    csrf_field: &str,
    change: impl FnOnce(&mut Store, &User, PlanId) -> Result<String, AppError> + Send + 'static,
) -> Response {
    if let Err(e) = csrf::verify(headers, csrf_field) {
        return error_page(e);
    }
    let id = match plan_id(id) {
        Ok(id) => id,
        Err(e) => return error_page(e),
    };
    let done = blocking(move || {
        let user = viewer.signed_in()?;
        Ok(change(&mut s.open_store()?, user, id)?)
    })
    .await;
    match done {
        Ok(to) => Redirect::to(&to).into_response(),
        Err(e) => error_page(e),
    }
}

//! The JSON API of shared plans: signing in and out, invitations,
//! members, agreements and deleting a plan. Every decision is
//! `switchback_app::accounts`'; these handlers read the request, call it,
//! and set or clear the session cookie.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};

use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use switchback_app::accounts::{self, AccountRequest, Session};
use switchback_app::{AppError, Part, PlanRole};
use switchback_store::Store;

use crate::api::{JsonBody, PathArgs, blocking, now, plan_id};
use crate::error::ErrorBody;
use crate::session::{self, Viewer};
use crate::{ApiError, AppState};

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/session", post(sign_in).delete(sign_out))
        .route("/api/v1/sessions", delete(sign_out_everywhere))
        .route("/api/v1/invitations", post(invite_account))
        .route("/api/v1/invitations/{token}", post(accept_invitation))
        .route("/api/v1/accounts", get(list_accounts).post(create_account))
        .route("/api/v1/accounts/{username}/disable", post(disable_account))
        .route("/api/v1/accounts/{username}/enable", post(enable_account))
        .route("/api/v1/plans/{id}/invitations", post(invite_to_plan))
        .route(
            "/api/v1/plans/{id}/members/{username}",
            delete(remove_member),
        )
        .route(
            "/api/v1/plans/{id}/agreements",
            get(list_agreements).post(agree),
        )
        .route(
            "/api/v1/plans/{id}/agreements/history",
            get(list_agreement_history),
        )
        .route("/api/v1/plans/{id}/learning", post(add_learning))
}

/// Signing in.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SignIn {
    /// Username or e-mail address.
    login: String,
    /// Password.
    password: String,
}

/// A session started.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct SessionView {
    /// The account's name.
    username: String,
    /// Whether it administers the server.
    admin: bool,
    /// When the session ends (RFC 3339).
    expires_at: String,
}

/// A one-time link to give someone.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct InvitationView {
    /// The path to open (on this server), with its one-time token.
    link: String,
    /// The role it gives on the plan, for a plan invitation.
    role: Option<&'static str>,
    /// The last day it works (RFC 3339).
    expires_at: String,
}

/// A new account from an invitation.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewAccount {
    /// The invitation's token (from its link).
    invitation: String,
    /// The name to sign in with.
    username: String,
    /// An e-mail address, if any.
    #[serde(default)]
    email: Option<String>,
    /// The password (at least 12 characters).
    password: String,
}

/// A role to invite someone to.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RoleRequest {
    /// `manager` or `hr`.
    role: String,
}

/// A part to agree.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PartRequest {
    /// `development`, `objectives` or `tenure`.
    part: String,
}

/// Learning the HR business partner adds to a development element.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct LearningBody {
    /// The development element's number in the plan.
    element: u32,
    /// `course`, `stretch_assignment`, `shadowing` or `mentoring`.
    kind: String,
    /// What to do, in a line.
    title: String,
    /// Who offers it.
    #[serde(default)]
    provider: Option<String>,
    /// Where to find it.
    #[serde(default)]
    url: Option<String>,
}

/// An account, as an administrator sees it.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct AccountView {
    /// The name it signs in with.
    pub username: String,
    /// Its e-mail address, if given.
    pub email: Option<String>,
    /// An administrator.
    pub admin: bool,
    /// When it was made (RFC 3339).
    pub created_at: String,
    /// When it was disabled, while it is (RFC 3339): it cannot sign in.
    pub disabled_at: Option<String>,
}

impl From<switchback_store::accounts::Account> for AccountView {
    fn from(a: switchback_store::accounts::Account) -> AccountView {
        AccountView {
            username: a.user.username,
            email: a.user.email,
            admin: a.user.admin,
            created_at: a.created_at,
            disabled_at: a.disabled_at,
        }
    }
}

/// One part's agreement.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct AgreementView {
    /// The part.
    pub part: &'static str,
    /// Who agreed it.
    pub by: String,
    /// When (RFC 3339).
    pub at: String,
    /// The part is still as agreed (a change asks for agreement again).
    pub current: bool,
}

impl AgreementView {
    /// The day of the agreement, as a page shows it.
    pub fn day(&self) -> &str {
        self.at.get(..10).unwrap_or(&self.at)
    }
}

/// An empty JSON body, `{}`: a state change the API takes only as
/// `application/json`, which no other site's form can send.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Empty {}

/// The plan an invitation gave a role on.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct JoinedView {
    /// The plan.
    plan: i64,
}

fn store(s: &AppState) -> Result<Store, ApiError> {
    Ok(s.open_store()?)
}

/// A response that starts a session: the body and the cookie.
fn with_session(s: &AppState, status: StatusCode, session: &Session) -> Response {
    let view = SessionView {
        username: session.user.username.clone(),
        admin: session.user.admin,
        expires_at: session.expires.to_string(),
    };
    let mut res = (status, Json(view)).into_response();
    res.headers_mut().insert(
        header::SET_COOKIE,
        session::start_cookie(session, s.secure_cookies()),
    );
    res
}

fn cleared(s: &AppState, status: StatusCode) -> Response {
    let mut res = status.into_response();
    res.headers_mut()
        .insert(header::SET_COOKIE, session::end_cookie(s.secure_cookies()));
    res
}

/// Signs in: the old session of this browser, if any, ends; a new one
/// starts (the token is never one the browser brought).
#[utoipa::path(post, path = "/api/v1/session", tag = "accounts", request_body = SignIn,
    responses((status = 201, body = SessionView), (status = 401, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub(crate) async fn sign_in(
    State(s): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    viewer: Viewer,
    headers: HeaderMap,
    JsonBody(body): JsonBody<SignIn>,
) -> Result<Response, ApiError> {
    let address = s.deployment().client_address(peer, &headers);
    let state = s.clone();
    let session = blocking(move || {
        let mut st = store(&state)?;
        Ok(accounts::sign_in_replacing(
            &mut st,
            viewer.cookie.as_deref(),
            &body.login,
            &body.password,
            &address.to_string(),
            now(),
        )?)
    })
    .await?;
    Ok(with_session(&s, StatusCode::CREATED, &session))
}

#[utoipa::path(delete, path = "/api/v1/session", tag = "accounts",
    responses((status = 204)))]
pub(crate) async fn sign_out(
    State(s): State<AppState>,
    viewer: Viewer,
) -> Result<Response, ApiError> {
    let state = s.clone();
    blocking(move || {
        if let Some(c) = &viewer.cookie {
            accounts::sign_out(&mut store(&state)?, c)?;
        }
        Ok(())
    })
    .await?;
    Ok(cleared(&s, StatusCode::NO_CONTENT))
}

#[utoipa::path(delete, path = "/api/v1/sessions", tag = "accounts",
    responses((status = 204), (status = 401, body = ErrorBody)))]
pub(crate) async fn sign_out_everywhere(
    State(s): State<AppState>,
    viewer: Viewer,
) -> Result<Response, ApiError> {
    let state = s.clone();
    blocking(move || {
        let user = viewer.signed_in()?;
        accounts::sign_out_everywhere(&mut store(&state)?, user)?;
        Ok(())
    })
    .await?;
    Ok(cleared(&s, StatusCode::NO_CONTENT))
}

#[utoipa::path(post, path = "/api/v1/invitations", tag = "accounts", request_body = Empty,
    responses((status = 201, body = InvitationView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn invite_account(
    State(s): State<AppState>,
    viewer: Viewer,
    JsonBody(Empty {}): JsonBody<Empty>,
) -> Result<Response, ApiError> {
    let view = blocking(move || {
        let user = viewer.signed_in()?;
        let token = accounts::invite_account(&mut store(&s)?, user, now())?;
        Ok(invitation_view(&token, None))
    })
    .await?;
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

#[utoipa::path(get, path = "/api/v1/accounts", tag = "accounts",
    responses((status = 200, body = [AccountView]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn list_accounts(
    State(s): State<AppState>,
    viewer: Viewer,
) -> Result<Response, ApiError> {
    let views: Vec<AccountView> = blocking(move || {
        let user = viewer.signed_in()?;
        let store = store(&s)?;
        Ok(accounts::accounts(&store, user)?
            .into_iter()
            .map(AccountView::from)
            .collect())
    })
    .await?;
    Ok(Json(views).into_response())
}

#[utoipa::path(post, path = "/api/v1/accounts/{username}/disable", tag = "accounts", request_body = Empty,
    params(("username" = String, Path, description = "The account's name")),
    responses((status = 200, body = AccountView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn disable_account(
    State(s): State<AppState>,
    viewer: Viewer,
    PathArgs(username): PathArgs<String>,
    JsonBody(Empty {}): JsonBody<Empty>,
) -> Result<Response, ApiError> {
    set_disabled(s, viewer, username, true).await
}

#[utoipa::path(post, path = "/api/v1/accounts/{username}/enable", tag = "accounts", request_body = Empty,
    params(("username" = String, Path, description = "The account's name")),
    responses((status = 200, body = AccountView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn enable_account(
    State(s): State<AppState>,
    viewer: Viewer,
    PathArgs(username): PathArgs<String>,
    JsonBody(Empty {}): JsonBody<Empty>,
) -> Result<Response, ApiError> {
    set_disabled(s, viewer, username, false).await
}

async fn set_disabled(
    s: AppState,
    viewer: Viewer,
    username: String,
    disabled: bool,
) -> Result<Response, ApiError> {
    let view = blocking(move || {
        let user = viewer.signed_in()?;
        let account =
            accounts::set_account_disabled(&mut store(&s)?, user, &username, disabled, now())?;
        Ok(AccountView::from(account))
    })
    .await?;
    Ok(Json(view).into_response())
}

fn invitation_view(token: &accounts::Token, role: Option<PlanRole>) -> InvitationView {
    let expires = now() + jiff::SignedDuration::from_hours(24 * accounts::INVITATION_DAYS);
    InvitationView {
        link: format!("/invitations/{}", token.expose()),
        role: role.map(PlanRole::name),
        expires_at: expires.to_string(),
    }
}

#[utoipa::path(post, path = "/api/v1/accounts", tag = "accounts", request_body = NewAccount,
    responses((status = 201, body = SessionView), (status = 409, body = ErrorBody), (status = 410, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn create_account(
    State(s): State<AppState>,
    JsonBody(body): JsonBody<NewAccount>,
) -> Result<Response, ApiError> {
    let state = s.clone();
    let session = blocking(move || {
        let req = AccountRequest {
            username: &body.username,
            email: body.email.as_deref().filter(|e| !e.trim().is_empty()),
            password: &body.password,
        };
        Ok(accounts::accept_account(
            &mut store(&state)?,
            &body.invitation,
            &req,
            now(),
        )?)
    })
    .await?;
    Ok(with_session(&s, StatusCode::CREATED, &session))
}

#[utoipa::path(post, path = "/api/v1/invitations/{token}", tag = "accounts", request_body = Empty,
    params(("token" = String, Path, description = "The invitation's token")),
    responses((status = 200, body = JoinedView), (status = 401, body = ErrorBody), (status = 410, body = ErrorBody)))]
pub(crate) async fn accept_invitation(
    State(s): State<AppState>,
    viewer: Viewer,
    PathArgs(token): PathArgs<String>,
    JsonBody(Empty {}): JsonBody<Empty>,
) -> Result<Response, ApiError> {
    let view = blocking(move || {
        let user = viewer.signed_in()?;
        let plan = accounts::accept_plan_invitation(&mut store(&s)?, &token, user, now())?;
        Ok(JoinedView { plan: plan.get() })
    })
    .await?;
    Ok(Json(view).into_response())
}

fn role(text: &str) -> Result<PlanRole, ApiError> {
    match PlanRole::parse(text) {
        Some(r @ (PlanRole::Manager | PlanRole::Hr)) => Ok(r),
        _ => Err(AppError::invalid(
            "role",
            format!(
                "{} is not a role to invite: manager or hr",
                switchback_app::text::quoted(text)
            ),
        )
        .into()),
    }
}

#[utoipa::path(post, path = "/api/v1/plans/{id}/invitations", tag = "plans", request_body = RoleRequest,
    params(("id" = i64, Path, description = "The plan's id")),
    responses((status = 201, body = InvitationView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn invite_to_plan(
    State(s): State<AppState>,
    viewer: Viewer,
    PathArgs(id): PathArgs<String>,
    JsonBody(body): JsonBody<RoleRequest>,
) -> Result<Response, ApiError> {
    let id = plan_id(&id)?;
    let view = blocking(move || {
        let user = viewer.signed_in()?;
        let role = role(&body.role)?;
        let token = accounts::invite_to_plan(&mut store(&s)?, user, id, role, now())?;
        Ok(invitation_view(&token, Some(role)))
    })
    .await?;
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

#[utoipa::path(delete, path = "/api/v1/plans/{id}/members/{username}", tag = "plans",
    params(("id" = i64, Path, description = "The plan's id"), ("username" = String, Path, description = "The member's username")),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn remove_member(
    State(s): State<AppState>,
    viewer: Viewer,
    PathArgs((id, username)): PathArgs<(String, String)>,
) -> Result<Response, ApiError> {
    let id = plan_id(&id)?;
    blocking(move || {
        let user = viewer.signed_in()?;
        Ok(accounts::remove_member(
            &mut store(&s)?,
            user,
            id,
            &username,
        )?)
    })
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

fn part(text: &str) -> Result<Part, ApiError> {
    Part::parse(text).ok_or_else(|| {
        AppError::invalid(
            "part",
            format!(
                "{} is not a part to agree: development, objectives or tenure",
                switchback_app::text::quoted(text)
            ),
        )
        .into()
    })
}

#[utoipa::path(post, path = "/api/v1/plans/{id}/agreements", tag = "plans", request_body = PartRequest,
    params(("id" = i64, Path, description = "The plan's id")),
    responses((status = 201, body = Vec<AgreementView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn agree(
    State(s): State<AppState>,
    viewer: Viewer,
    PathArgs(id): PathArgs<String>,
    JsonBody(body): JsonBody<PartRequest>,
) -> Result<Response, ApiError> {
    let id = plan_id(&id)?;
    let view = blocking(move || {
        let user = viewer.signed_in()?;
        let part = part(&body.part)?;
        let mut st = store(&s)?;
        accounts::agree(&mut st, user, id, part, now())?;
        agreement_views(&st, user, id)
    })
    .await?;
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

#[utoipa::path(get, path = "/api/v1/plans/{id}/agreements", tag = "plans",
    params(("id" = i64, Path, description = "The plan's id")),
    responses((status = 200, body = Vec<AgreementView>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn list_agreements(
    State(s): State<AppState>,
    viewer: Viewer,
    PathArgs(id): PathArgs<String>,
) -> Result<Response, ApiError> {
    read_agreements(s, viewer, &id, agreement_views).await
}

#[utoipa::path(get, path = "/api/v1/plans/{id}/agreements/history", tag = "plans",
    params(("id" = i64, Path, description = "The plan's id")),
    responses((status = 200, description = "Every agreement, newest first", body = Vec<AgreementView>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn list_agreement_history(
    State(s): State<AppState>,
    viewer: Viewer,
    PathArgs(id): PathArgs<String>,
) -> Result<Response, ApiError> {
    read_agreements(s, viewer, &id, agreement_history_views).await
}

type AgreementsOf = fn(
    &Store,
    &switchback_app::User,
    switchback_store::PlanId,
) -> Result<Vec<AgreementView>, ApiError>;

/// A signed-in read of a plan's agreements, as `views` gives them.
async fn read_agreements(
    s: AppState,
    viewer: Viewer,
    id: &str,
    views: AgreementsOf,
) -> Result<Response, ApiError> {
    let id = plan_id(id)?;
    let view = blocking(move || {
        let user = viewer.signed_in()?;
        views(&store(&s)?, user, id)
    })
    .await?;
    Ok(Json(view).into_response())
}

/// The latest agreement of each part, as the API and the page show them.
pub(crate) fn agreement_views(
    st: &Store,
    user: &switchback_app::User,
    id: switchback_store::PlanId,
) -> Result<Vec<AgreementView>, ApiError> {
    Ok(views(accounts::agreements(st, user, id)?))
}

/// Every agreement, newest first, as the API and the page show them.
pub(crate) fn agreement_history_views(
    st: &Store,
    user: &switchback_app::User,
    id: switchback_store::PlanId,
) -> Result<Vec<AgreementView>, ApiError> {
    Ok(views(accounts::agreement_history(st, user, id)?))
}

fn views(states: Vec<accounts::AgreementState>) -> Vec<AgreementView> {
    states
        .into_iter()
        .map(|a| AgreementView {
            part: a.part.name(),
            by: a.by,
            at: a.at,
            current: a.current,
        })
        .collect()
}

#[utoipa::path(post, path = "/api/v1/plans/{id}/learning", tag = "plans", request_body = LearningBody,
    params(("id" = i64, Path, description = "The plan's id")),
    responses((status = 201, body = Vec<AgreementView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn add_learning(
    State(s): State<AppState>,
    viewer: Viewer,
    PathArgs(id): PathArgs<String>,
    JsonBody(body): JsonBody<LearningBody>,
) -> Result<Response, ApiError> {
    let id = plan_id(&id)?;
    let view = blocking(move || {
        let user = viewer.signed_in()?;
        let mut st = store(&s)?;
        let req = accounts::LearningRequest {
            element: body.element,
            kind: &body.kind,
            title: &body.title,
            provider: body.provider.as_deref(),
            url: body.url.as_deref(),
        };
        accounts::add_learning(&mut st, user, id, &req)?;
        // What the change did to the manager's agreements.
        agreement_views(&st, user, id)
    })
    .await?;
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

#[utoipa::path(delete, path = "/api/v1/plans/{id}", tag = "plans",
    params(("id" = i64, Path, description = "The plan's id")),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn delete_plan(
    State(s): State<AppState>,
    viewer: Viewer,
    PathArgs(id): PathArgs<String>,
) -> Result<Response, ApiError> {
    let id = plan_id(&id)?;
    blocking(move || {
        let user = viewer.signed_in()?;
        Ok(accounts::delete_plan(&mut store(&s)?, user, id)?)
    })
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

//! The JSON API under `/api/v1/`: the same requests and responses as the
//! CLI's `--format json` (one contract, from `switchback_app`).

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use jiff::civil::Date;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use switchback_app::ProfileFormat as Format;
use switchback_app::moves::MoveRequest;
use switchback_app::plans::{self, CheckInRequest, CreateRequest, Export};
use switchback_app::{
    AppError, Engine, PlanAction, Profile, ProfileDocument, advice, moves, occupation, routes,
};
use switchback_store::PlanId;

use crate::error::ErrorBody;
use crate::session::{self, Viewer};
use crate::{ApiError, AppState};

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/occupations", get(search))
        .route("/api/v1/occupations/{role}", get(show))
        .route("/api/v1/move", post(classify))
        .route("/api/v1/transitions", get(transitions))
        .route("/api/v1/advise", post(advise))
        .route("/api/v1/routes", post(route))
        .route("/api/v1/plans", get(list_plans).post(create_plan))
        .route(
            "/api/v1/plans/{id}",
            get(show_plan).delete(crate::accounts::delete_plan),
        )
        .route("/api/v1/plans/{id}/checkins", post(check_in))
        .route("/api/v1/plans/{id}/status", get(plan_status))
        .route("/api/v1/plans/{id}/export", get(export_plan))
        .route("/api/v1/openapi.json", get(crate::openapi::document))
}

/// Runs blocking work (the engine's computations, SQLite) off the
/// request threads.
pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f).await.unwrap_or_else(|_| {
        Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the request failed inside the server",
        ))
    })
}

/// A JSON body: `application/json` only (a cross-site form cannot send
/// it), parsed with errors in the API's shape — 415 for another type, 400
/// for malformed JSON, 422 for a field that is wrong or unknown.
pub(crate) struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let text = json_text(req, state).await?;
        serde_json::from_str(&text).map(JsonBody).map_err(|e| {
            let (status, code) = match e.classify() {
                serde_json::error::Category::Data => {
                    (StatusCode::UNPROCESSABLE_ENTITY, "invalid_body")
                }
                _ => (StatusCode::BAD_REQUEST, "malformed_json"),
            };
            ApiError::new(status, code, format!("request body: {e}"))
        })
    }
}

/// The body's text, after checking its type.
async fn json_text<S: Send + Sync>(req: Request, state: &S) -> Result<String, ApiError> {
    let is_json = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
        });
    if !is_json {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the body as application/json",
        ));
    }
    let bytes = Bytes::from_request(req, state)
        .await
        .map_err(|_| ApiError::body_too_large("the body"))?;
    String::from_utf8(bytes.to_vec()).map_err(|_| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "malformed_json",
            "the body is not UTF-8 text",
        )
    })
}

/// Query parameters, with errors in the API's shape (422, the parameter
/// named) rather than the framework's plain text.
pub(crate) struct QueryArgs<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for QueryArgs<T> {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, ApiError> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(q)| QueryArgs(q))
            .map_err(|e| {
                ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid_query",
                    format!("query: {}", e.body_text()),
                )
            })
    }
}

/// Path parameters, with errors in the API's shape (a path segment that is
/// not UTF-8, say) rather than the framework's plain text.
pub(crate) struct PathArgs<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for PathArgs<T> {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, ApiError> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(p)| PathArgs(p))
            .map_err(|e| {
                ApiError::new(
                    StatusCode::NOT_FOUND,
                    "not_found",
                    format!("path: {}", e.body_text()),
                )
            })
    }
}

/// A profile sent as JSON, validated exactly as a profile file is.
pub(crate) struct ProfileBody(pub Profile);

impl FromRequest<AppState> for ProfileBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, ApiError> {
        let text = json_text(req, state).await?;
        Ok(ProfileBody(parse_profile(&state.engine, &text)?))
    }
}

pub(crate) fn parse_profile(engine: &Engine, text: &str) -> Result<Profile, ApiError> {
    Ok(engine.profile("profile", text, Format::Json)?)
}

/// A known path asked with a method it does not take.
pub(crate) async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this path does not take that method (see /api/v1/openapi.json)",
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SearchQuery {
    q: String,
    #[serde(default = "ten")]
    limit: usize,
}

fn ten() -> usize {
    10
}

#[utoipa::path(get, path = "/api/v1/occupations", tag = "occupations",
    params(("q" = String, Query, description = "A job title as people write it, or an O*NET-SOC code"),
           ("limit" = Option<usize>, Query, description = "How many results (default 10)")),
    responses((status = 200, body = occupation::SearchView), (status = 422, body = ErrorBody)))]
pub(crate) async fn search(
    State(s): State<AppState>,
    QueryArgs(q): QueryArgs<SearchQuery>,
) -> Result<Response, ApiError> {
    let view = blocking(move || Ok(occupation::search(&s.engine, &q.q, q.limit)?)).await?;
    Ok(Json(view).into_response())
}

#[utoipa::path(get, path = "/api/v1/occupations/{role}", tag = "occupations",
    params(("role" = String, Path, description = "An O*NET-SOC code or a job title")),
    responses((status = 200, body = occupation::ShowView), (status = 422, body = ErrorBody)))]
pub(crate) async fn show(
    State(s): State<AppState>,
    PathArgs(role): PathArgs<String>,
) -> Result<Response, ApiError> {
    let view = blocking(move || Ok(occupation::show(&s.engine, &role)?)).await?;
    Ok(Json(view).into_response())
}

#[utoipa::path(post, path = "/api/v1/move", tag = "moves", request_body = MoveRequest,
    responses((status = 200, body = moves::ClassifyView), (status = 400, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn classify(
    State(s): State<AppState>,
    JsonBody(req): JsonBody<MoveRequest>,
) -> Result<Response, ApiError> {
    let view = blocking(move || Ok(moves::classify(&s.engine, &req)?)).await?;
    Ok(Json(view).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TransitionsQuery {
    role: String,
    #[serde(default = "ten")]
    limit: usize,
}

#[utoipa::path(get, path = "/api/v1/transitions", tag = "moves",
    params(("role" = String, Query, description = "The origin: a title or a code"),
           ("limit" = Option<usize>, Query, description = "How many destinations (default 10)")),
    responses((status = 200, body = moves::TransitionsView), (status = 422, body = ErrorBody)))]
pub(crate) async fn transitions(
    State(s): State<AppState>,
    QueryArgs(q): QueryArgs<TransitionsQuery>,
) -> Result<Response, ApiError> {
    let view = blocking(move || Ok(moves::transitions(&s.engine, &q.role, q.limit)?)).await?;
    Ok(Json(view).into_response())
}

#[utoipa::path(post, path = "/api/v1/advise", tag = "advice",
    request_body(content = Object, description = "A profile, as the JSON form of a profile file (docs/PROFILES.md)"),
    responses((status = 200, body = advice::AdviceView), (status = 400, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn advise(
    State(s): State<AppState>,
    ProfileBody(profile): ProfileBody,
) -> Result<Response, ApiError> {
    let view = blocking(move || Ok(advice::advise(&s.engine, &profile)?)).await?;
    Ok(Json(view).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RoutesQuery {
    #[serde(default = "four")]
    max_moves: usize,
}

fn four() -> usize {
    switchback_app::MAX_MOVES
}

#[utoipa::path(post, path = "/api/v1/routes", tag = "advice",
    params(("max_moves" = Option<usize>, Query, description = "At most this many moves (1–4, default 4)")),
    request_body(content = Object, description = "A profile with a goal (docs/PROFILES.md)"),
    responses((status = 200, body = routes::RoutesView), (status = 400, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn route(
    State(s): State<AppState>,
    QueryArgs(q): QueryArgs<RoutesQuery>,
    ProfileBody(profile): ProfileBody,
) -> Result<Response, ApiError> {
    let view = blocking(move || Ok(routes::routes(&s.engine, &profile, q.max_moves)?)).await?;
    Ok(Json(view).into_response())
}

/// `POST /api/v1/plans`: a profile, the option taken and the first day.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CreatePlan {
    profile: serde_json::Value,
    option: String,
    #[serde(default)]
    start: Option<Date>,
}

pub(crate) fn today() -> Date {
    jiff::Zoned::now().date()
}

pub(crate) fn now() -> jiff::Timestamp {
    let t = jiff::Timestamp::now();
    t.round(jiff::Unit::Second).unwrap_or(t)
}

/// Creates a plan from a profile's JSON text, which the plan keeps; on a
/// shared server, the signed-in account is its person. Shared by the API
/// and the pages.
pub(crate) fn create(
    s: &AppState,
    viewer: &Viewer,
    profile_json: String,
    option: &str,
    start: Option<Date>,
) -> Result<switchback_app::plans::Created, ApiError> {
    let owner = if viewer.shared {
        Some(viewer.signed_in()?.id)
    } else {
        None
    };
    let profile = parse_profile(&s.engine, &profile_json)?;
    let document = ProfileDocument {
        source: "web".to_owned(),
        format: Format::Json,
        text: profile_json,
    };
    let start = start.unwrap_or_else(today);
    let req = CreateRequest {
        profile: &profile,
        document: &document,
        option,
        start,
        owner,
    };
    let state = s.clone();
    Ok(plans::create(
        &s.engine,
        move || state.open_store(),
        &req,
        now(),
        today(),
    )?)
}

#[utoipa::path(post, path = "/api/v1/plans", tag = "plans",
    request_body(content = Object, description = "`{\"profile\": {…}, \"option\": \"id\", \"start\": \"YYYY-MM-DD\"}`"),
    responses((status = 201, body = plans::PlanView), (status = 400, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn create_plan(
    State(s): State<AppState>,
    viewer: Viewer,
    JsonBody(body): JsonBody<CreatePlan>,
) -> Result<Response, ApiError> {
    let view = blocking(move || {
        let text = serde_json::to_string_pretty(&body.profile)
            .map_err(|e| ApiError::from(AppError::invalid("profile", e.to_string())))?;
        let created = create(&s, &viewer, text, &body.option, body.start)?;
        Ok(plans::plan_view(
            &created.stored,
            created.stored.plan.tenure.start,
        ))
    })
    .await?;
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

#[utoipa::path(get, path = "/api/v1/plans", tag = "plans",
    responses((status = 200, body = Vec<plans::SummaryView>)))]
pub(crate) async fn list_plans(
    State(s): State<AppState>,
    viewer: Viewer,
) -> Result<Response, ApiError> {
    let view = blocking(move || visible_plans(&s, &viewer)).await?;
    Ok(Json(view).into_response())
}

/// The plans a viewer may see: every plan on a one-person server; on a
/// shared one, those their account holds a role on.
pub(crate) fn visible_plans(
    s: &AppState,
    viewer: &Viewer,
) -> Result<Vec<plans::SummaryView>, ApiError> {
    let store = s.read_store()?;
    let all = plans::list(store.as_ref())?;
    if !viewer.shared {
        return Ok(all);
    }
    let user = viewer.signed_in()?;
    let mine = match &store {
        Some(st) => st.plan_ids_of(user.id).map_err(AppError::from)?,
        None => Vec::new(),
    };
    Ok(all
        .into_iter()
        .filter(|p| mine.iter().any(|m| m.get() == p.id))
        .collect())
}

pub(crate) fn plan_id(text: &str) -> Result<PlanId, ApiError> {
    PlanId::parse(text).map_err(|e| {
        ApiError::new(StatusCode::NOT_FOUND, "plan_not_found", e.to_string()).field("id")
    })
}

/// A stored plan, read without writing, if the viewer may read it.
pub(crate) fn read_plan(
    s: &AppState,
    viewer: &Viewer,
    id: PlanId,
) -> Result<switchback_store::StoredPlan, ApiError> {
    read_plan_to(s, viewer, id, PlanAction::Read)
}

/// The stored plan, if the viewer may do `action` with it (reading it, or
/// downloading its profile).
fn read_plan_to(
    s: &AppState,
    viewer: &Viewer,
    id: PlanId,
    action: PlanAction,
) -> Result<switchback_store::StoredPlan, ApiError> {
    match s.read_store()? {
        Some(store) => {
            session::gate(&store, viewer, id, action)?;
            Ok(store.plan(id).map_err(AppError::from)?)
        }
        None => Err(AppError::from(switchback_store::StoreError::UnknownPlan {
            id,
            known: Vec::new(),
        })
        .into()),
    }
}

#[utoipa::path(get, path = "/api/v1/plans/{id}", tag = "plans",
    params(("id" = i64, Path, description = "The plan's id")),
    responses((status = 200, body = plans::PlanView), (status = 404, body = ErrorBody)))]
pub(crate) async fn show_plan(
    State(s): State<AppState>,
    viewer: Viewer,
    PathArgs(id): PathArgs<String>,
) -> Result<Response, ApiError> {
    let id = plan_id(&id)?;
    let view =
        blocking(move || Ok(plans::plan_view(&read_plan(&s, &viewer, id)?, today()))).await?;
    Ok(Json(view).into_response())
}

/// Records a check-in; shared by the API and the pages.
pub(crate) fn record(
    s: &AppState,
    viewer: &Viewer,
    id: PlanId,
    req: &CheckInRequest,
) -> Result<plans::CheckedInView, ApiError> {
    let Some(store) = s.read_store()? else {
        return Err(AppError::from(switchback_store::StoreError::UnknownPlan {
            id,
            known: Vec::new(),
        })
        .into());
    };
    // The author's role decides the right (`accounts::check_in`); reading
    // is checked here so that no role answers as no plan before anything else.
    session::gate(&store, viewer, id, PlanAction::Read)?;
    // One connection at a time: a pooled database lends a bounded number.
    drop(store);
    let mut store = s.open_store()?;
    let author = if viewer.shared {
        viewer.user.as_ref()
    } else {
        None
    };
    Ok(plans::check_in(&mut store, id, req, author, now())?)
}

#[utoipa::path(post, path = "/api/v1/plans/{id}/checkins", tag = "plans",
    params(("id" = i64, Path, description = "The plan's id")), request_body = CheckInRequest,
    responses((status = 201, body = plans::CheckedInView), (status = 404, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn check_in(
    State(s): State<AppState>,
    viewer: Viewer,
    PathArgs(id): PathArgs<String>,
    JsonBody(req): JsonBody<CheckInRequest>,
) -> Result<Response, ApiError> {
    let id = plan_id(&id)?;
    let view = blocking(move || record(&s, &viewer, id, &req)).await?;
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AsOf {
    #[serde(default)]
    as_of: Option<Date>,
}

#[utoipa::path(get, path = "/api/v1/plans/{id}/status", tag = "plans",
    params(("id" = i64, Path, description = "The plan's id"), ("as_of" = Option<String>, Query, description = "The day judged, YYYY-MM-DD (default today)")),
    responses((status = 200, body = plans::StatusView), (status = 404, body = ErrorBody)))]
pub(crate) async fn plan_status(
    State(s): State<AppState>,
    viewer: Viewer,
    PathArgs(id): PathArgs<String>,
    QueryArgs(q): QueryArgs<AsOf>,
) -> Result<Response, ApiError> {
    let id = plan_id(&id)?;
    let view = blocking(move || {
        Ok(plans::status_of(
            &read_plan(&s, &viewer, id)?,
            q.as_of.unwrap_or_else(today),
        ))
    })
    .await?;
    Ok(Json(view).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExportQuery {
    to: Export,
    #[serde(default)]
    as_of: Option<Date>,
}

#[utoipa::path(get, path = "/api/v1/plans/{id}/export", tag = "plans",
    params(("id" = i64, Path, description = "The plan's id"), ("to" = String, Query, description = "markdown, json, ics or profile (the profile the plan was made from)"),
           ("as_of" = Option<String>, Query, description = "The day the status is judged")),
    responses((status = 200, description = "The plan as a file (Markdown, JSON or iCalendar)", content_type = "text/plain"), (status = 404, body = ErrorBody)))]
pub(crate) async fn export_plan(
    State(s): State<AppState>,
    viewer: Viewer,
    PathArgs(id): PathArgs<String>,
    QueryArgs(q): QueryArgs<ExportQuery>,
) -> Result<Response, ApiError> {
    let id = plan_id(&id)?;
    export_response(s, viewer, id, q.to, q.as_of).await
}

/// A plan's export as a download; shared by the API and the pages.
pub(crate) async fn export_response(
    s: AppState,
    viewer: Viewer,
    id: PlanId,
    to: Export,
    as_of: Option<Date>,
) -> Result<Response, ApiError> {
    // The profile holds the person's pay floor and savings: theirs alone.
    let action = match to {
        Export::Profile => PlanAction::ReadProfile,
        _ => PlanAction::Read,
    };
    let exported = blocking(move || {
        Ok(plans::export(
            &read_plan_to(&s, &viewer, id, action)?,
            to,
            as_of.unwrap_or_else(today),
        )?)
    })
    .await?;
    let name = match to {
        Export::Profile => "profile",
        _ => "plan",
    };
    let disposition = format!(
        "attachment; filename=\"switchback-{name}-{id}.{}\"",
        exported.extension
    );
    Ok((
        [
            (header::CONTENT_TYPE, exported.media_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        exported.text,
    )
        .into_response())
}

//! The web pages: the profile form, the advice with its route chart, a
//! move compared, and the plans kept with the person. Server-rendered
//! (askama escapes every value), every form works without JavaScript, and
//! every state-changing form is checked by `csrf::verify`.

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use jiff::civil::Date;
use serde::Deserialize;
use switchback_app::Author;
use switchback_app::ProfileFormat as Format;
use switchback_app::advice::AdviceView;
use switchback_app::moves::{ClassifyView, MoveRequest};
use switchback_app::plans::{self, CheckInRequest, Export, PlanView, SummaryView};
use switchback_app::routes::RoutesView;
use switchback_app::{advice, moves, routes};

use crate::api::{blocking, parse_profile, plan_id, read_plan, today};
use crate::forms::{self, Fields, OPTION_ROWS};
use crate::session::Viewer;
use crate::{ApiError, AppState, chart, csrf};

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(index))
        .route("/advice", post(advice_from_form))
        .route("/advice/upload", post(advice_from_upload))
        .route("/profile.json", post(download_profile))
        .route("/move", get(compare_move))
        .route("/plans", get(list_plans).post(create_plan))
        .route("/plans/{id}", get(show_plan))
        .route("/plans/{id}/checkins", post(check_in))
        .route("/plans/{id}/export/{file}", get(export_plan))
        .route("/static/app.css", get(css))
        .route("/static/app.js", get(js))
}

/// Level names for the selects: every level a profile takes, in the
/// ladder's order (the same list the command line names in its errors).
const LEVELS: [&str; 12] = switchback_app::Level::NAMES;

/// A rendered page, with the CSRF cookie when the token is new.
pub(crate) fn page(t: &impl Template, token: &csrf::Token) -> Result<Response, ApiError> {
    let html = t.render().map_err(|e| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            format!("page: {e}"),
        )
    })?;
    let mut res = Html(html).into_response();
    if let Some((name, value)) = token.set_cookie()
        && let Ok(v) = value.parse()
    {
        res.headers_mut().insert(name, v);
    }
    Ok(res)
}

/// A form or query a page reads; one that cannot be read (a field
/// missing, a number that is not one) is answered with the error page.
pub(crate) struct PageForm<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> axum::extract::FromRequest<S> for PageForm<T> {
    type Rejection = Response;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Response> {
        Form::<T>::from_request(req, state)
            .await
            .map(|Form(f)| PageForm(f))
            .map_err(|e| {
                // Too large is the API's 413 `body_too_large`, not a form
                // the person filled in wrong.
                error_page(if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::body_too_large("the form")
                } else {
                    ApiError::new(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "invalid_form",
                        format!("the form: {}", plain_rejection(&e.body_text())),
                    )
                })
            })
    }
}

/// A form or query the framework could not read, in the page's words:
/// "missing field `date`", not "Failed to deserialize form body: missing
/// field `date`".
fn plain_rejection(text: &str) -> String {
    const PREFIXES: [&str; 3] = [
        "Failed to deserialize form body: ",
        "Failed to deserialize query string: ",
        "Failed to deserialize form: ",
    ];
    let text = PREFIXES
        .iter()
        .find_map(|p| text.strip_prefix(p))
        .unwrap_or(text);
    text.replace("missing field", "the field is missing:")
}

/// The query string of a page, read as [`PageForm`] reads a form.
pub(crate) struct PageQuery<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> axum::extract::FromRequestParts<S>
    for PageQuery<T>
{
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Response> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(q)| PageQuery(q))
            .map_err(|e| {
                error_page(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid_query",
                    format!("the address: {}", plain_rejection(&e.body_text())),
                ))
            })
    }
}

/// No such page (an HTML page) or endpoint (the API's JSON error).
pub(crate) async fn not_found(uri: axum::http::Uri) -> Response {
    let e = ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "no such endpoint or page",
    );
    if uri.path().starts_with("/api/") {
        e.into_response()
    } else {
        error_page(e)
    }
}

/// An error as a page a person can read, with its status.
pub(crate) fn error_page(e: ApiError) -> Response {
    if e.code() == "sign_in_required" {
        return Redirect::to("/sign-in").into_response();
    }
    let t = ErrorPage {
        status: e.status().as_u16(),
        code: e.code().to_owned(),
        message: e.message().to_owned(),
    };
    let html = t.render().unwrap_or_else(|_| e.message().to_owned());
    (e.status(), Html(html)).into_response()
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    status: u16,
    code: String,
    message: String,
}

#[derive(Template)]
#[template(path = "index.html")]
struct Index {
    csrf: String,
    fields: Fields,
    error: Option<(String, String)>,
    levels: [&'static str; 12],
    /// Education levels: the profile's name, then the words shown.
    educations: Vec<(&'static str, &'static str)>,
    rows: Vec<usize>,
}

impl Index {
    fn v(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }

    fn checked(&self, name: &str) -> bool {
        self.fields.contains_key(name)
    }

    fn selected(&self, name: &str, value: &str) -> bool {
        self.fields.get(name).is_some_and(|v| v == value)
    }

    fn err(&self, name: &str) -> Option<String> {
        self.error
            .as_ref()
            .filter(|(f, _)| f == name)
            .map(|(_, m)| m.clone())
    }

    fn row(&self, field: &str, i: &usize) -> String {
        format!("option_{field}_{i}")
    }

    /// A level in prose: `senior manager`, `VP`.
    fn level(&self, s: &str) -> String {
        switchback_app::text::level_words(s)
    }
}

fn index_page(
    token: &csrf::Token,
    fields: Fields,
    error: Option<(String, String)>,
) -> Result<Response, ApiError> {
    page(
        &Index {
            csrf: token.value().to_owned(),
            fields,
            error,
            levels: LEVELS,
            educations: switchback_app::EDUCATION_NAMES
                .into_iter()
                .zip(switchback_app::EDUCATION_LEVELS)
                .collect(),
            rows: (0..OPTION_ROWS).collect(),
        },
        token,
    )
}

async fn index(token: csrf::Token) -> Response {
    index_page(&token, Fields::new(), None).unwrap_or_else(error_page)
}

#[derive(Template)]
#[template(path = "advice.html")]
struct AdvicePage {
    csrf: String,
    advice: AdviceView,
    routes: Option<RoutesView>,
    chart: Option<String>,
    profile_json: String,
    today: Date,
}

impl AdvicePage {
    fn words(&self, s: &str) -> String {
        s.replace('_', " ")
    }

    /// What a move's kind is read from, when the pay decided it.
    fn kind_basis(&self, by_pay: &bool) -> &'static str {
        switchback_app::text::kind_basis(*by_pay)
    }

    /// A level in prose: `senior manager`, `VP`.
    fn level(&self, s: &str) -> String {
        switchback_app::text::level_words(s)
    }

    /// A chance as the command line prints it: `0.40`.
    fn chance(&self, v: &f32) -> String {
        switchback_app::text::probability(*v)
    }

    /// Years as the command line prints them: `2.5`.
    fn years(&self, v: &f32) -> String {
        format!("{v:.1}")
    }

    fn money(&self, v: &u32) -> String {
        switchback_app::text::dollars(*v)
    }

    /// What a route's salary is: ` (OEWS 90th percentile)`, ` (OEWS
    /// median of all Natural Sciences Managers)`, or nothing.
    fn wage_note(&self, percentile: &Option<u8>, group: &Option<String>) -> String {
        switchback_app::text::wage_note(*percentile, group.as_deref())
    }

    /// A pay cut beside a route's salary: ` (12% less pay)`, or nothing.
    fn pay_fall(&self, v: &Option<f32>) -> String {
        switchback_app::text::pay_fall(*v)
    }

    /// A route's time to its goal: `3.5 years`, or `0 years (the goal is
    /// the first move, now)`.
    fn to_goal(&self, v: &f32) -> String {
        switchback_app::text::years_to_goal(*v)
    }
}

/// The advice (and, with a goal, the routes) for a profile document.
async fn advice_page(s: AppState, token: &csrf::Token, doc: String) -> Result<Response, ApiError> {
    let (advice, routes, profile_json) = blocking(move || {
        let profile = parse_profile(&s.engine, &doc)?;
        let advice = advice::advise(&s.engine, &profile)?;
        let routes = match profile.goal {
            Some(_) => Some(routes::routes(
                &s.engine,
                &profile,
                switchback_app::MAX_MOVES,
            )?),
            None => None,
        };
        Ok((advice, routes, doc))
    })
    .await?;
    page(
        &AdvicePage {
            csrf: token.value().to_owned(),
            chart: routes.as_ref().map(chart::routes_svg),
            advice,
            routes,
            profile_json,
            today: today(),
        },
        token,
    )
}

async fn advice_from_form(
    State(s): State<AppState>,
    token: csrf::Token,
    headers: HeaderMap,
    PageForm(fields): PageForm<Fields>,
) -> Response {
    if let Err(e) = csrf::verify(&headers, fields.get("csrf").map_or("", String::as_str)) {
        return error_page(e);
    }
    let doc = match forms::profile_document(&fields) {
        Ok(doc) => doc.to_string(),
        Err(e) => {
            let mut r =
                index_page(&token, fields, Some((e.field, e.message))).unwrap_or_else(error_page);
            *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            return r;
        }
    };
    match advice_page(s, &token, doc).await {
        Ok(r) => r,
        Err(e) => {
            // Back to the form, the message beside the field it concerns.
            let field = e.field_name().map(forms::form_field).unwrap_or_default();
            let error = Some((field, e.message().to_owned()));
            let mut r = index_page(&token, fields, error).unwrap_or_else(error_page);
            *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            r
        }
    }
}

/// A profile file uploaded (TOML or JSON, as the CLI reads).
async fn advice_from_upload(
    State(s): State<AppState>,
    token: csrf::Token,
    headers: HeaderMap,
    mut form: Multipart,
) -> Response {
    let (mut csrf_value, mut file) = (String::new(), None);
    // A body over the limit, or a file that is not text, is said as such.
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        error_page(ApiError::new(
            e.status(),
            "upload_unreadable",
            format!("the upload: {}", e.body_text()),
        ))
    };
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => return unreadable(e),
        };
        match field.name() {
            Some("csrf") => csrf_value = field.text().await.unwrap_or_default(),
            Some("profile") => {
                let name = field.file_name().unwrap_or("profile").to_owned();
                match field.text().await {
                    Ok(t) if !t.is_empty() => file = Some((name, t)),
                    Ok(_) => {}
                    Err(e) => return unreadable(e),
                }
            }
            _ => {}
        }
    }
    if let Err(e) = csrf::verify(&headers, &csrf_value) {
        return error_page(e);
    }
    let Some((name, text)) = file else {
        return error_page(
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "profile_missing",
                "choose a profile file (.toml or .json) to upload",
            )
            .field("profile"),
        );
    };
    let format = if name.to_ascii_lowercase().ends_with(".json") {
        Format::Json
    } else {
        Format::Toml
    };
    // One parser: the file is read as the CLI reads it, then passed on as
    // the JSON document the pages carry.
    let engine = s.engine.clone();
    let doc = blocking(move || {
        engine.profile(&name, &text, format)?;
        to_json(&text, format)
    })
    .await;
    match doc {
        Ok(doc) => advice_page(s, &token, doc).await.unwrap_or_else(error_page),
        Err(e) => error_page(e),
    }
}

/// A profile's text as JSON (TOML converted), to carry in the page.
fn to_json(text: &str, format: Format) -> Result<String, ApiError> {
    match format {
        Format::Json => Ok(text.to_owned()),
        Format::Toml => {
            let value: serde_json::Value = toml_to_json(text)?;
            Ok(value.to_string())
        }
    }
}

fn toml_to_json(text: &str) -> Result<serde_json::Value, ApiError> {
    let bad = |e: String| ApiError::new(StatusCode::BAD_REQUEST, "profile_syntax", e);
    let v: toml::Value = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
    serde_json::to_value(v).map_err(|e| bad(e.to_string()))
}

#[derive(Deserialize)]
struct ProfileDownload {
    csrf: String,
    profile: String,
}

async fn download_profile(
    State(s): State<AppState>,
    headers: HeaderMap,
    PageForm(f): PageForm<ProfileDownload>,
) -> Response {
    if let Err(e) = csrf::verify(&headers, &f.csrf) {
        return error_page(e);
    }
    if let Err(e) = parse_profile(&s.engine, &f.profile) {
        return error_page(e);
    }
    let pretty = serde_json::from_str::<serde_json::Value>(&f.profile)
        .and_then(|v| serde_json::to_string_pretty(&v))
        .unwrap_or(f.profile);
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"profile.json\"",
            ),
        ],
        pretty + "\n",
    )
        .into_response()
}

#[derive(Deserialize, Default)]
struct MoveQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    from_level: String,
    #[serde(default)]
    to_level: String,
}

#[derive(Template)]
#[template(path = "move.html")]
struct MovePage {
    q: MoveQuery,
    result: Option<ClassifyView>,
    error: Option<String>,
    levels: [&'static str; 12],
}

impl MovePage {
    fn words(&self, s: &str) -> String {
        s.replace('_', " ")
    }

    /// What a move's kind is read from, when the pay decided it.
    fn kind_basis(&self, by_pay: &bool) -> &'static str {
        switchback_app::text::kind_basis(*by_pay)
    }

    /// A level in prose: `senior manager`, `VP`.
    fn level(&self, s: &str) -> String {
        switchback_app::text::level_words(s)
    }

    /// A chance as the command line prints it: `0.45`, `0.004`.
    fn chance(&self, v: &f32) -> String {
        switchback_app::text::probability(*v)
    }

    /// A score (feasibility, a facet) to two decimals: `0.45`.
    fn score(&self, v: &f32) -> String {
        format!("{v:.2}")
    }
}

async fn compare_move(
    State(s): State<AppState>,
    token: csrf::Token,
    PageQuery(q): PageQuery<MoveQuery>,
) -> Response {
    let (mut result, mut error) = (None, None);
    if !q.from.trim().is_empty() && !q.to.trim().is_empty() {
        let req = MoveRequest {
            from: q.from.clone(),
            to: q.to.clone(),
            from_level: Some(q.from_level.clone()).filter(|l| !l.is_empty()),
            to_level: Some(q.to_level.clone()).filter(|l| !l.is_empty()),
            limit: 8,
            ..MoveRequest::default()
        };
        match blocking(move || Ok(moves::classify(&s.engine, &req)?)).await {
            Ok(v) => result = Some(v),
            Err(e) => error = Some(e.message().to_owned()),
        }
    }
    // A query the page cannot answer is the asker's to fix, as a form's is.
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let mut response = page(
        &MovePage {
            q,
            result,
            error,
            levels: LEVELS,
        },
        &token,
    )
    .unwrap_or_else(error_page);
    if response.status() == StatusCode::OK {
        *response.status_mut() = status;
    }
    response
}

#[derive(Template)]
#[template(path = "plans.html")]
struct PlansPage {
    csrf: String,
    plans: Vec<SummaryView>,
    /// On a shared server: who is signed in, and whether they administer it.
    account: Option<(String, bool)>,
}

impl PlansPage {
    /// A level in prose: `senior manager`, `VP`.
    fn level(&self, s: &str) -> String {
        switchback_app::text::level_words(s)
    }
}

async fn list_plans(State(s): State<AppState>, viewer: Viewer, token: csrf::Token) -> Response {
    let account = viewer
        .user
        .as_ref()
        .filter(|_| viewer.shared)
        .map(|u| (u.username.clone(), u.admin));
    let plans = blocking(move || crate::api::visible_plans(&s, &viewer)).await;
    match plans {
        Ok(plans) => page(
            &PlansPage {
                csrf: token.value().to_owned(),
                plans,
                account,
            },
            &token,
        )
        .unwrap_or_else(error_page),
        Err(e) => error_page(e),
    }
}

#[derive(Deserialize)]
struct CreateForm {
    csrf: String,
    profile: String,
    option: String,
    #[serde(default)]
    start: String,
}

async fn create_plan(
    State(s): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    PageForm(f): PageForm<CreateForm>,
) -> Response {
    if let Err(e) = csrf::verify(&headers, &f.csrf) {
        return error_page(e);
    }
    let start = match f.start.trim() {
        "" => None,
        t => match t.parse::<Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                return error_page(
                    ApiError::new(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "invalid_argument",
                        format!(
                            "start: {} is not a date (YYYY-MM-DD)",
                            switchback_app::text::quoted(t)
                        ),
                    )
                    .field("start"),
                );
            }
        },
    };
    let created =
        blocking(move || crate::api::create(&s, &viewer, f.profile, &f.option, start)).await;
    match created {
        Ok(c) => Redirect::to(&format!("/plans/{}", c.stored.id)).into_response(),
        Err(e) => error_page(e),
    }
}

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanPage {
    csrf: String,
    plan: PlanView,
    /// Who shares the plan, on a shared server.
    shared: Option<crate::account_pages::Sharing>,
    /// The plan keeps the profile it was made from (plans made before
    /// schema 3 keep only its name).
    profile_kept: bool,
    today: Date,
    notice: Option<String>,
}

impl PlanPage {
    fn words(&self, s: &str) -> String {
        s.replace('_', " ")
    }

    /// Whether the viewer may download the profile (on a shared server,
    /// the person alone: it holds their pay floor and savings).
    fn may_read_profile(&self) -> bool {
        self.shared.as_ref().is_none_or(|sh| sh.can_read_profile)
    }

    fn objective_progress(&self, number: &u32) -> u8 {
        self.plan
            .status
            .objectives
            .iter()
            .find(|o| o.objective == *number)
            .map_or(0, |o| o.progress)
    }
}

#[derive(Deserialize, Default)]
struct Notice {
    #[serde(default)]
    saved: Option<u32>,
}

async fn show_plan(
    State(s): State<AppState>,
    viewer: Viewer,
    token: csrf::Token,
    Path(id): Path<String>,
    PageQuery(n): PageQuery<Notice>,
) -> Response {
    let id = match plan_id(&id) {
        Ok(id) => id,
        Err(e) => return error_page(e),
    };
    let plan = blocking(move || {
        let stored = read_plan(&s, &viewer, id)?;
        let shared = match s.read_store()? {
            Some(store) => crate::account_pages::sharing(&store, &viewer, id)?,
            None => None,
        };
        Ok((
            plans::plan_view(&stored, today()),
            stored.profile_document.is_some(),
            shared,
        ))
    })
    .await;
    match plan {
        Ok((plan, profile_kept, shared)) => page(
            &PlanPage {
                csrf: token.value().to_owned(),
                plan,
                shared,
                profile_kept,
                today: today(),
                notice: n
                    .saved
                    .map(|o| format!("Check-in on objective {o} recorded.")),
            },
            &token,
        )
        .unwrap_or_else(error_page),
        Err(e) => error_page(e),
    }
}

#[derive(Deserialize)]
struct CheckInForm {
    csrf: String,
    objective: String,
    progress: String,
    #[serde(default)]
    note: String,
    /// On a shared server the author is the session's: the field is absent.
    #[serde(default)]
    by: String,
    date: String,
}

async fn check_in(
    State(s): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(id): Path<String>,
    PageForm(f): PageForm<CheckInForm>,
) -> Response {
    if let Err(e) = csrf::verify(&headers, &f.csrf) {
        return error_page(e);
    }
    let id = match plan_id(&id) {
        Ok(id) => id,
        Err(e) => return error_page(e),
    };
    let req = match check_in_request(&f) {
        Ok(r) => r,
        Err(e) => return error_page(e),
    };
    let objective = req.objective;
    match blocking(move || crate::api::record(&s, &viewer, id, &req)).await {
        Ok(_) => Redirect::to(&format!("/plans/{id}?saved={objective}")).into_response(),
        Err(e) => error_page(e),
    }
}

fn check_in_request(f: &CheckInForm) -> Result<CheckInRequest, ApiError> {
    let bad = |field: &str, what: &str, v: &str| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_argument",
            format!("{field}: {} is not {what}", switchback_app::text::quoted(v)),
        )
        .field(field)
    };
    Ok(CheckInRequest {
        objective: f
            .objective
            .trim()
            .parse()
            .map_err(|_| bad("objective", "an objective number", &f.objective))?,
        progress: f
            .progress
            .trim()
            .parse()
            .map_err(|_| bad("progress", "a percentage from 0 to 100", &f.progress))?,
        note: Some(f.note.clone()),
        by: match f.by.as_str() {
            "person" | "" => Author::Person,
            "manager" => Author::Manager,
            "hr" => Author::Hr,
            other => return Err(bad("by", "person, manager or hr", other)),
        },
        date: match f.date.trim() {
            "" => today(),
            t => t
                .parse()
                .map_err(|_| bad("date", "a date (YYYY-MM-DD)", t))?,
        },
    })
}

async fn export_plan(
    State(s): State<AppState>,
    viewer: Viewer,
    Path((id, file)): Path<(String, String)>,
) -> Response {
    let to = match file.as_str() {
        "plan.md" => Export::Markdown,
        "plan.json" => Export::Json,
        "plan.ics" => Export::Ics,
        "profile" => Export::Profile,
        _ => {
            return error_page(ApiError::new(
                StatusCode::NOT_FOUND,
                "not_found",
                "exports are plan.md, plan.json, plan.ics and profile",
            ));
        }
    };
    match plan_id(&id) {
        Ok(id) => crate::api::export_response(s, viewer, id, to, None)
            .await
            .unwrap_or_else(error_page),
        Err(e) => error_page(e),
    }
}

async fn css() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../static/app.css"),
    )
        .into_response()
}

async fn js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../static/app.js"),
    )
        .into_response()
}

#[cfg(test)]
mod rejection_tests {
    #[test]
    fn the_framework_s_words_are_not_shown() {
        assert_eq!(
            super::plain_rejection("Failed to deserialize form body: missing field `date`"),
            "the field is missing: `date`"
        );
        assert_eq!(super::plain_rejection("something else"), "something else");
    }
}

//! One JSON error shape for the API — `{"error": {"code", "field",
//! "message"}}` — with the stable codes of `switchback_app::AppError` and
//! a few of the server's own; and the status each maps to.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use switchback_app::AppError;

/// A failed request.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    field: Option<String>,
    message: String,
}

/// The body of every error response.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ErrorBody<'a> {
    error: Detail<'a>,
}

/// What went wrong.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct Detail<'a> {
    /// A stable code (docs/ARCHITECTURE.md lists them).
    code: &'a str,
    /// The request field concerned, if one.
    field: Option<&'a str>,
    /// What went wrong, for a person.
    message: &'a str,
}

impl ApiError {
    /// A body over [`crate::BODY_LIMIT`] (413 `body_too_large`), for the
    /// JSON API and a page's form alike; `what` names it ("the body", "the
    /// form").
    pub fn body_too_large(what: &str) -> ApiError {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            format!("{what} is larger than {} KiB", crate::BODY_LIMIT / 1024),
        )
    }

    /// An error of the server's own (not a use case's).
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            field: None,
            message: message.into(),
        }
    }

    /// The same, about one field.
    pub fn field(mut self, field: &str) -> ApiError {
        self.field = Some(field.to_owned());
        self
    }

    /// The status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The message for a person.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The field, if one.
    pub fn field_name(&self) -> Option<&str> {
        self.field.as_deref()
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> ApiError {
        // Over HTTP an unknown plan never lists the plans there are: on a
        // shared server they are other people's.
        let e = match e {
            AppError::Store(switchback_store::StoreError::UnknownPlan { id, .. }) => {
                AppError::PlanNotFound { id: id.get() }
            }
            other => other,
        };
        let status = if e.is_not_found() {
            StatusCode::NOT_FOUND
        } else {
            match e.code() {
                "profile_syntax" => StatusCode::BAD_REQUEST,
                "invalid_argument"
                | "profile_invalid"
                | "role_unknown"
                | "nothing_to_advise"
                | "checkin_date_outside_tenure"
                | "org_file_invalid"
                | "profile_type" => StatusCode::UNPROCESSABLE_ENTITY,
                "database_foreign" | "database_version" => StatusCode::SERVICE_UNAVAILABLE,
                "sign_in_failed" => StatusCode::UNAUTHORIZED,
                "too_many_attempts" => StatusCode::TOO_MANY_REQUESTS,
                "forbidden" => StatusCode::FORBIDDEN,
                "account_taken" => StatusCode::CONFLICT,
                "invitation_invalid" => StatusCode::GONE,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            }
        };
        ApiError {
            status,
            code: e.code(),
            field: e.field().map(str::to_owned),
            message: e.to_string(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: Detail {
                code: self.code,
                field: self.field.as_deref(),
                message: &self.message,
            },
        };
        (self.status, Json(body)).into_response()
    }
}

//! The OpenAPI 3.1 document at `/api/v1/openapi.json`.

use axum::Json;
use axum::response::IntoResponse;

pub(crate) async fn document() -> impl IntoResponse {
    Json(serde_json::json!({"openapi": "3.1.0"}))
}

//! The OpenAPI 3.1 document at `/api/v1/openapi.json`, generated from the
//! handlers' annotations and the response types of `switchback_app`.

use axum::Json;
use axum::response::IntoResponse;
use utoipa::OpenApi;

use crate::{accounts, api};

/// The API's description.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Switchback",
        description = "When a step down or a sideways move is the smart route to a goal: occupations, moves, advice, routes and development plans. The same requests and responses as the command line's `--format json`.",
        license(name = "MIT OR Apache-2.0")
    ),
    paths(
        api::search, api::show, api::classify, api::transitions, api::advise, api::route,
        api::create_plan, api::list_plans, api::show_plan, api::check_in, api::plan_status, api::export_plan,
        accounts::sign_in, accounts::sign_out, accounts::sign_out_everywhere, accounts::invite_account,
        accounts::create_account, accounts::accept_invitation, accounts::invite_to_plan,
        accounts::remove_member, accounts::agree, accounts::list_agreements, accounts::list_agreement_history, accounts::delete_plan,
        accounts::add_learning, accounts::list_accounts, accounts::disable_account,
        accounts::enable_account
    ),
    tags(
        (name = "occupations", description = "The O*NET 29.3 catalog with BLS OEWS wages"),
        (name = "moves", description = "A move compared; the most feasible destinations"),
        (name = "advice", description = "The step-down advisor and the route planner"),
        (name = "plans", description = "Development plans: create, check in, status, export; on a shared server, invitations, members, agreements and deletion by role"),
        (name = "accounts", description = "Signing in and out, invitations, and an administrator's list of accounts to disable or enable (a server with accounts: docs/SECURITY.md)")
    )
)]
pub(crate) struct ApiDoc;

/// The document as JSON.
pub fn json() -> serde_json::Value {
    serde_json::to_value(ApiDoc::openapi()).unwrap_or_default()
}

pub(crate) async fn document() -> impl IntoResponse {
    Json(json())
}

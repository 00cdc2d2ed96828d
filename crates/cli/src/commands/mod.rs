//! One module per subcommand. Each builds a serialisable view from the core's
//! answer and renders it as text or JSON; none holds domain logic.

mod advise;
mod eval;
mod learning;
mod moves;
mod occupation;
mod org;
mod plan;
mod route;
mod serve;
mod user;

use std::path::Path;

use anyhow::Context;
use switchback_app::{AppError, Engine};

use crate::cli::{
    Cli, Command, EvalCommand, Format, LearningCommand, OccupationCommand, OrgCommand, PlanCommand,
    UserCommand,
};

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let format = cli.format.unwrap_or(Format::Text);
    let catalog = cli
        .catalog
        .or_else(|| crate::cli::env_path(switchback_app::CATALOG_ENV));
    let dir = catalog.as_deref();
    match cli.command {
        // Keeping a plan needs only the plan database, not the catalog.
        Command::Plan(PlanCommand::List(a)) => plan::list(&a, format),
        Command::Plan(PlanCommand::Show(a)) => plan::show(&a, format),
        Command::Plan(PlanCommand::Checkin(a)) => plan::checkin(&a, format),
        Command::Plan(PlanCommand::Status(a)) => plan::status(&a, format),
        Command::Plan(PlanCommand::Export(a)) => plan::export(&a, cli.format),
        Command::Plan(PlanCommand::Create(a)) => with_engine(dir, |c| plan::create(c, &a, format)),
        Command::Learning(LearningCommand::Import(a)) => {
            with_engine(dir, |c| learning::import(c, &a, format))
        }
        Command::Occupation(OccupationCommand::Search(a)) => {
            with_engine(dir, |c| occupation::search(c, &a, format))
        }
        Command::Occupation(OccupationCommand::Show(a)) => {
            with_engine(dir, |c| occupation::show(c, &a, format))
        }
        Command::Move(a) => with_engine(dir, |c| moves::classify(c, &a, format)),
        Command::Transitions(a) => with_engine(dir, |c| moves::transitions(c, &a, format)),
        Command::Advise(a) => with_engine(dir, |c| advise::advise(c, &a, format)),
        Command::Route(a) => with_engine(dir, |c| route::route(c, &a, format)),
        Command::Serve(a) => serve::serve(load_engine(dir)?, &a),
        Command::User(UserCommand::Add(a)) => user::add(&a, format),
        Command::User(UserCommand::Disable(a)) => user::set_disabled(&a, true, format),
        Command::User(UserCommand::Enable(a)) => user::set_disabled(&a, false, format),
        Command::Eval(EvalCommand::Transitions(a)) => {
            with_engine(dir, |c| eval::transitions(c, &a, format))
        }
        Command::Org(OrgCommand::Map(a)) => with_engine(dir, |c| org::map(c, &a, format)),
        Command::Org(OrgCommand::Advise(a)) => with_engine(dir, |c| org::advise(c, &a, format)),
    }
}

/// Loads the engine from `dir`, else the embedded snapshot.
fn load_engine(dir: Option<&Path>) -> anyhow::Result<Engine> {
    Ok(match dir {
        Some(dir) => Engine::from_dir(dir).map_err(|e| match e {
            // Already names the directory: no context to repeat it.
            e @ AppError::Catalog(switchback_app::LoadError::NoDirectory { .. }) => {
                anyhow::Error::new(e)
            }
            e => {
                anyhow::Error::new(e).context(format!("loading the catalog from {}", dir.display()))
            }
        })?,
        None => Engine::embedded().context("loading the embedded catalog")?,
    })
}

/// Loads the engine and runs `f` on it.
fn with_engine(
    dir: Option<&Path>,
    f: impl FnOnce(&Engine) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let engine = load_engine(dir)?;
    let result = f(&engine);
    // The process ends next: freeing the catalog's ~30,000 allocations would
    // cost milliseconds of the start-up budget for memory the OS reclaims.
    std::mem::forget(engine);
    result
}

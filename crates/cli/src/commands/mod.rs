//! One module per subcommand. Each builds a serialisable view from the core's
//! answer and renders it as text or JSON; none holds domain logic.

mod advise;
mod eval;
mod moves;
mod occupation;
mod route;

use anyhow::Context;
use switchback_core::Catalog;

use crate::cli::{Cli, Command, EvalCommand, OccupationCommand};

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let catalog = load_catalog(&cli)?;
    let result = dispatch(&catalog, cli);
    // The process ends next: freeing the catalog's ~30,000 allocations would
    // cost milliseconds of the start-up budget for memory the OS reclaims.
    std::mem::forget(catalog);
    result
}

fn dispatch(catalog: &Catalog, cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Occupation(OccupationCommand::Search(a)) => {
            occupation::search(catalog, &a, cli.format)
        }
        Command::Occupation(OccupationCommand::Show(a)) => {
            occupation::show(catalog, &a, cli.format)
        }
        Command::Move(a) => moves::classify(catalog, &a, cli.format),
        Command::Transitions(a) => moves::transitions(catalog, &a, cli.format),
        Command::Advise(a) => advise::advise(catalog, &a, cli.format),
        Command::Route(a) => route::route(catalog, &a, cli.format),
        Command::Eval(EvalCommand::Transitions(a)) => eval::transitions(catalog, &a, cli.format),
    }
}

fn load_catalog(cli: &Cli) -> anyhow::Result<Catalog> {
    match &cli.catalog {
        Some(dir) => switchback_data::load_dir(dir)
            .with_context(|| format!("loading the catalog from {}", dir.display())),
        None => switchback_data::embedded().context("loading the embedded catalog"),
    }
}

//! The `switchback` binary: parse the command line, run the command, map
//! the outcome to an exit code (0 success, 1 runtime error, 2 usage error).

use std::process::ExitCode;

use clap::Parser;

mod cli;
mod commands;
mod output;

fn main() -> ExitCode {
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        Err(e) => {
            // Help and version are successes printed by clap; the rest are
            // usage errors, which clap reports with exit code 2.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    match commands::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if output::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let e = as_flags(e);
            eprintln!("error: {}", output::error_message(&e));
            let usage = e.downcast_ref::<cli::UsageError>().is_some()
                || e.downcast_ref::<switchback_app::AppError>()
                    .is_some_and(switchback_app::AppError::is_usage);
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

/// A request field the application layer names (`max_moves`) as the flag
/// a person typed (`--max-moves`).
fn as_flags(e: anyhow::Error) -> anyhow::Error {
    const FLAGS: [&str; 7] = [
        "option",
        "start",
        "limit",
        "k",
        "max_moves",
        "from_salary",
        "to_salary",
    ];
    match e.downcast::<switchback_app::AppError>() {
        Ok(switchback_app::AppError::Invalid { field, message })
            if FLAGS.contains(&field.as_str()) =>
        {
            let field = format!("--{}", field.replace('_', "-"));
            switchback_app::AppError::Invalid { field, message }.into()
        }
        Ok(other) => other.into(),
        Err(e) => e,
    }
}

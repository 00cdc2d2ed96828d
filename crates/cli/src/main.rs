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
            eprintln!("error: {}", output::error_message(&e));
            ExitCode::from(match e.downcast_ref::<cli::UsageError>() {
                Some(_) => 2,
                None => 1,
            })
        }
    }
}

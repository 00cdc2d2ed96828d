//! Expands a workforce given as cells into one row per employee
//! (`switchback_data::org::expand_cells`), for `org advise`:
//!
//! ```sh
//! cargo run --release -p switchback-data --example expand_cells -- \
//!     examples/org/federal/cells.csv [EVERY] > federal-employees.csv
//! ```
//!
//! With EVERY above 1, every EVERY-th person is kept (a sample).

use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: expand_cells CELLS.csv [EVERY]")?;
    let every = match args.next() {
        Some(n) => n
            .parse::<usize>()
            .map_err(|_| format!("`{n}` is not a whole number"))?,
        None => 1,
    };
    let text = std::fs::read_to_string(&path)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let people = switchback_data::org::expand_cells(&path, &text, every, &mut out)?;
    out.flush()?;
    eprintln!("{people} employees written");
    Ok(())
}

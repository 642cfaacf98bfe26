//! `folio-map`: a mapping document (or a preset) applied to saved API responses, natively, with the widget's own
//! engine. Prints the model Folio would draw — title, byline, dates in UTC, hero, the body as sanitised HTML, the
//! comment tree with depth and placeholders — and every warning; `--json` for machines. Exit status: 0 when the
//! document maps (1 with `--deny-warnings` and a warning), 1 on a mapping or reading error, 2 on wrong usage.
//! docs/mapping.md ("Testing a mapping offline") is the guide.

mod model;
mod options;
mod print;

use std::process::ExitCode;

use options::Options;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opts = match Options::parse(&args) {
        Ok(Some(o)) => o,
        Ok(None) => {
            println!("{}", options::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("folio-map: {e}\n\n{}", options::USAGE);
            return ExitCode::from(2);
        }
    };
    let out = match model::run(&opts) {
        Ok(out) => out,
        Err(e) => {
            eprintln!("folio-map: error: {e}");
            return ExitCode::from(1);
        }
    };
    if opts.json {
        println!("{:#}", print::json(&out));
    } else {
        print!("{}", print::text(&out));
    }
    if let Some(e) = &out.comments_error {
        eprintln!("folio-map: error: comments: {e}");
        return ExitCode::from(1);
    }
    if opts.deny_warnings && !out.warnings.is_empty() {
        eprintln!("folio-map: {} warning(s), denied", out.warnings.len());
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

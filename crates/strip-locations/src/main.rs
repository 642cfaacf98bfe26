//! `strip-locations <in.wasm> <out.wasm>`: blanks the panic locations of a finished wasm module (see the library's
//! documentation for why). The output may be the input. Exit status: 0 when written (also when no location was
//! found, with a warning), 1 when the module cannot be read, stripped or written, 2 on a usage error.

use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

use strip_locations::strip_locations;

const NAME: &str = "strip-locations";

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: {NAME} <in.wasm> <out.wasm>");
        return ExitCode::from(2);
    };
    match run(Path::new(input), Path::new(output)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{NAME}: {message}");
            ExitCode::from(1)
        }
    }
}

/// Reads `input`, strips it and writes `output`, saying what was done on stderr.
fn run(input: &Path, output: &Path) -> Result<(), String> {
    let mut wasm =
        std::fs::read(input).map_err(|err| format!("cannot read {}: {err}", input.display()))?;
    let stripped =
        strip_locations(&mut wasm).map_err(|err| format!("{}: {err}", input.display()))?;
    std::fs::write(output, &wasm)
        .map_err(|err| format!("cannot write {}: {err}", output.display()))?;
    if stripped.locations == 0 {
        eprintln!(
            "{NAME}: warning: no panic locations found in {}",
            input.display()
        );
    } else {
        eprintln!(
            "{NAME}: {} panic locations and {} file names ({} bytes) blanked in {}",
            grouped(stripped.locations),
            grouped(stripped.files),
            grouped(stripped.file_bytes),
            output.display()
        );
    }
    Ok(())
}

/// `n` with a comma between groups of three digits: 8079 → "8,079".
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(498), "498");
        assert_eq!(grouped(8079), "8,079");
        assert_eq!(grouped(123_456), "123,456");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }
}

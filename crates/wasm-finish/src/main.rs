//! `wasm-finish <command> …`: the finishing passes of a release wasm module (see the library's documentation for
//! why), one command each:
//!
//! - `wasm-finish strip-locations <in.wasm> <out.wasm>` blanks the panic locations of a finished module. The output
//!   may be the input. Exit status: 0 when written (also when no location was found, with a warning), 1 when the
//!   module cannot be read, stripped or written, 2 on a usage error.
//! - `wasm-finish minify-imports <module.wasm> <glue.js> [--module ./m_bg.js]` renames the imports of a
//!   wasm-bindgen module to short names in the module and in its JS glue, both rewritten in place. Each file is
//!   written beside itself first, then renamed over. Exit status: 0 when both are written, 1 when they cannot be
//!   read, rewritten or written, 2 on a usage error.
//!
//! No command, or an unknown one, is a usage error (status 2).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use wasm_finish::imports::minify_imports;
use wasm_finish::locations::strip_locations;

const NAME: &str = "wasm-finish";
const STRIP: &str = "strip-locations";
const MINIFY: &str = "minify-imports";
const STRIP_USAGE: &str = "<in.wasm> <out.wasm>";
/// The module name wasm-bindgen gives the imports of a `--target web` build.
const DEFAULT_MODULE: &str = "./m_bg.js";

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    match args.split_first() {
        Some((command, rest)) if command == STRIP => strip_command(rest),
        Some((command, rest)) if command == MINIFY => minify_command(rest),
        _ => {
            eprintln!("usage: {NAME} {STRIP} {STRIP_USAGE}");
            eprintln!("       {NAME} {MINIFY} {}", minify_usage());
            ExitCode::from(2)
        }
    }
}

/// The arguments of `minify-imports`, as its usage line shows them.
fn minify_usage() -> String {
    format!("<module.wasm> <glue.js> [--module {DEFAULT_MODULE}]")
}

/// Runs a command's work: a message, prefixed with the command's name, and status 1 when it fails.
fn finish(command: &str, result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{NAME} {command}: {message}");
            ExitCode::from(1)
        }
    }
}

/// Prints a command's usage line; status 2.
fn usage(command: &str, args: &str) -> ExitCode {
    eprintln!("usage: {NAME} {command} {args}");
    ExitCode::from(2)
}

/// `strip-locations <in.wasm> <out.wasm>`.
fn strip_command(args: &[OsString]) -> ExitCode {
    let [input, output] = args else {
        return usage(STRIP, STRIP_USAGE);
    };
    finish(STRIP, strip(Path::new(input), Path::new(output)))
}

/// `minify-imports <module.wasm> <glue.js> [--module ./m_bg.js]`.
fn minify_command(args: &[OsString]) -> ExitCode {
    let Some((wasm, glue, module)) = parse_minify(args) else {
        return usage(MINIFY, &minify_usage());
    };
    finish(MINIFY, minify(Path::new(wasm), Path::new(glue), &module))
}

/// Reads `input`, strips it and writes `output`, saying what was done on stderr.
fn strip(input: &Path, output: &Path) -> Result<(), String> {
    let mut wasm =
        std::fs::read(input).map_err(|err| format!("cannot read {}: {err}", input.display()))?;
    let stripped =
        strip_locations(&mut wasm).map_err(|err| format!("{}: {err}", input.display()))?;
    std::fs::write(output, &wasm)
        .map_err(|err| format!("cannot write {}: {err}", output.display()))?;
    if stripped.locations == 0 {
        eprintln!(
            "{NAME} {STRIP}: warning: no panic locations found in {}",
            input.display()
        );
    } else {
        eprintln!(
            "{NAME} {STRIP}: {} panic locations and {} file names ({} bytes) blanked in {}",
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

/// The wasm path, the glue path and the module name of `minify-imports`, or `None` on a usage error.
fn parse_minify(args: &[OsString]) -> Option<(&OsString, &OsString, String)> {
    let mut paths = Vec::new();
    let mut module = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let text = arg.to_str();
        if text == Some("--module") {
            module = Some(args.next()?.to_str()?.to_owned());
        } else if let Some(value) = text.and_then(|text| text.strip_prefix("--module=")) {
            module = Some(value.to_owned());
        } else if text.is_some_and(|text| text.starts_with("--")) {
            return None;
        } else {
            paths.push(arg);
        }
    }
    match paths.as_slice() {
        [wasm, glue] => Some((
            wasm,
            glue,
            module.unwrap_or_else(|| DEFAULT_MODULE.to_owned()),
        )),
        _ => None,
    }
}

/// Reads both files, renames the imports and writes both back, saying what was done on stderr.
fn minify(wasm_path: &Path, glue_path: &Path, module: &str) -> Result<(), String> {
    let wasm = std::fs::read(wasm_path)
        .map_err(|err| format!("cannot read {}: {err}", wasm_path.display()))?;
    let glue = std::fs::read_to_string(glue_path)
        .map_err(|err| format!("cannot read {}: {err}", glue_path.display()))?;
    let (new_wasm, new_glue, minified) = minify_imports(&wasm, &glue, module)
        .map_err(|err| format!("{} and {}: {err}", wasm_path.display(), glue_path.display()))?;
    let wasm_tmp = write_beside(wasm_path, &new_wasm)?;
    let glue_tmp = match write_beside(glue_path, new_glue.as_bytes()) {
        Ok(tmp) => tmp,
        Err(message) => {
            let _ = std::fs::remove_file(&wasm_tmp);
            return Err(message);
        }
    };
    for (tmp, path) in [(wasm_tmp, wasm_path), (glue_tmp, glue_path)] {
        std::fs::rename(&tmp, path).map_err(|err| {
            let _ = std::fs::remove_file(&tmp);
            format!("cannot replace {}: {err}", path.display())
        })?;
    }
    eprintln!(
        "{NAME} {MINIFY}: {} imports of {} renamed in {} and {}",
        minified.imports,
        minified.module,
        wasm_path.display(),
        glue_path.display()
    );
    Ok(())
}

/// Writes `bytes` to a temporary file beside `path` (`<name>.minify-imports.tmp`) and returns its path.
fn write_beside(path: &Path, bytes: &[u8]) -> Result<PathBuf, String> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{MINIFY}.tmp"));
    let tmp = path.with_file_name(name);
    std::fs::write(&tmp, bytes).map_err(|err| {
        let _ = std::fs::remove_file(&tmp);
        format!("cannot write {}: {err}", tmp.display())
    })?;
    Ok(tmp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(498), "498");
        assert_eq!(grouped(8079), "8,079");
        assert_eq!(grouped(123_456), "123,456");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn parses_minify_arguments() {
        let a = args(&["m.wasm", "m.js"]);
        let (wasm, glue, module) = parse_minify(&a).expect("two paths");
        assert_eq!(
            (wasm.to_str(), glue.to_str()),
            (Some("m.wasm"), Some("m.js"))
        );
        assert_eq!(module, DEFAULT_MODULE);
        for list in [
            &["--module", "./x_bg.js", "m.wasm", "m.js"][..],
            &["m.wasm", "--module=./x_bg.js", "m.js"],
        ] {
            let a = args(list);
            assert_eq!(
                parse_minify(&a).map(|(_, _, module)| module).as_deref(),
                Some("./x_bg.js")
            );
        }
        for list in [
            &[][..],
            &["m.wasm"],
            &["m.wasm", "m.js", "x"],
            &["m.wasm", "m.js", "--module"],
            &["m.wasm", "m.js", "--verbose"],
        ] {
            assert!(parse_minify(&args(list)).is_none(), "{list:?}");
        }
    }
}

//! `minify-imports <module.wasm> <glue.js> [--module ./m_bg.js]`: renames the imports of a wasm-bindgen module to
//! short names in the module and in its JS glue, both rewritten in place (see the library's documentation for why).
//! Each file is written beside itself first, then renamed over. Exit status: 0 when both are written, 1 when they
//! cannot be read, rewritten or written, 2 on a usage error.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use minify_imports::minify_imports;

const NAME: &str = "minify-imports";
/// The module name wasm-bindgen gives the imports of a `--target web` build.
const DEFAULT_MODULE: &str = "./m_bg.js";

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let Some((wasm, glue, module)) = parse(&args) else {
        eprintln!("usage: {NAME} <module.wasm> <glue.js> [--module {DEFAULT_MODULE}]");
        return ExitCode::from(2);
    };
    match run(Path::new(wasm), Path::new(glue), &module) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{NAME}: {message}");
            ExitCode::from(1)
        }
    }
}

/// The wasm path, the glue path and the module name, or `None` on a usage error.
fn parse(args: &[OsString]) -> Option<(&OsString, &OsString, String)> {
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
fn run(wasm_path: &Path, glue_path: &Path, module: &str) -> Result<(), String> {
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
        "{NAME}: {} imports of {} renamed in {} and {}",
        minified.imports,
        minified.module,
        wasm_path.display(),
        glue_path.display()
    );
    Ok(())
}

/// Writes `bytes` to a temporary file beside `path` and returns its path.
fn write_beside(path: &Path, bytes: &[u8]) -> Result<PathBuf, String> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{NAME}.tmp"));
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
    fn parses_arguments() {
        let a = args(&["m.wasm", "m.js"]);
        let (wasm, glue, module) = parse(&a).expect("two paths");
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
                parse(&a).map(|(_, _, module)| module).as_deref(),
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
            assert!(parse(&args(list)).is_none(), "{list:?}");
        }
    }
}

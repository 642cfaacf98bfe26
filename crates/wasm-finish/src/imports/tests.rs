//! Modules built by hand, byte by byte, and glue written to look like esbuild's, so each test says exactly what the
//! tool must rename and what it must leave alone.

use super::*;
use crate::test_support::{
    custom, module, mutated_modules, name, not_wasm_inputs, random_modules, section, uleb, HEADER,
};

const M: &str = "./m_bg.js";

/// A type section with two function types: `[] -> []` and `[i32] -> [i32]`.
fn type_section() -> (u8, Vec<u8>) {
    (1, vec![2, 0x60, 0, 0, 0x60, 1, 0x7F, 1, 0x7F])
}

/// One import: module, field, and its kind byte with descriptor.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Import {
    module: Vec<u8>,
    field: Vec<u8>,
    desc: Vec<u8>,
}

fn import(module: &str, field: &str, desc: &[u8]) -> Import {
    Import {
        module: module.as_bytes().to_vec(),
        field: field.as_bytes().to_vec(),
        desc: desc.to_vec(),
    }
}

fn func(type_index: u32) -> Vec<u8> {
    let mut desc = vec![0];
    uleb(&mut desc, u64::from(type_index));
    desc
}

fn import_section(imports: &[Import]) -> (u8, Vec<u8>) {
    let mut body = Vec::new();
    uleb(&mut body, imports.len() as u64);
    for import in imports {
        name(&mut body, &import.module);
        name(&mut body, &import.field);
        body.extend_from_slice(&import.desc);
    }
    (IMPORT_SECTION, body)
}

/// A section as read back: id, content, and all its bytes (id and size included).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Read {
    id: u8,
    body: Vec<u8>,
    raw: Vec<u8>,
}

/// The test's own reader, separate from the library's: panics on anything malformed.
fn read_uleb(bytes: &[u8], pos: &mut usize) -> u64 {
    let mut value = 0;
    let mut shift = 0;
    loop {
        let byte = bytes[*pos];
        *pos += 1;
        value |= u64::from(byte & 0x7F) << shift;
        if byte & 0x80 == 0 {
            return value;
        }
        shift += 7;
    }
}

fn read_sections(wasm: &[u8]) -> Vec<Read> {
    assert_eq!(wasm[..8], HEADER);
    let mut pos = 8;
    let mut sections = Vec::new();
    while pos < wasm.len() {
        let start = pos;
        let id = wasm[pos];
        pos += 1;
        let size = read_uleb(wasm, &mut pos) as usize;
        let body = wasm[pos..pos + size].to_vec();
        pos += size;
        sections.push(Read {
            id,
            body,
            raw: wasm[start..pos].to_vec(),
        });
    }
    assert_eq!(pos, wasm.len());
    sections
}

fn read_imports(body: &[u8]) -> Vec<Import> {
    let mut pos = 0;
    let count = read_uleb(body, &mut pos);
    let mut imports = Vec::new();
    let read_name = |pos: &mut usize| {
        let len = read_uleb(body, pos) as usize;
        let name = body[*pos..*pos + len].to_vec();
        *pos += len;
        name
    };
    for _ in 0..count {
        let module = read_name(&mut pos);
        let field = read_name(&mut pos);
        let start = pos;
        let kind = body[pos];
        pos += 1;
        match kind {
            0 => {
                read_uleb(body, &mut pos);
            }
            1 | 2 => {
                if kind == 1 {
                    pos += 1; // reftype
                }
                let flag = body[pos];
                pos += 1;
                read_uleb(body, &mut pos);
                if flag & 1 != 0 {
                    read_uleb(body, &mut pos);
                }
            }
            3 => pos += 2,
            4 => {
                pos += 1;
                read_uleb(body, &mut pos);
            }
            _ => panic!("kind {kind}"),
        }
        imports.push(Import {
            module,
            field,
            desc: body[start..pos].to_vec(),
        });
    }
    assert_eq!(pos, body.len(), "bytes after the last import");
    imports
}

const LOG: &str = "__wbg_log_0123456789abcdef";
const NOW: &str = "__wbg_now_fedcba9876543210";
const MEMORY: &str = "__wbindgen_memory";
const GLOBAL: &str = "__wbindgen_global_0123";
const TABLE: &str = "__wbindgen_externrefs";
const TAG: &str = "__wbindgen_tag";
const ENV: &str = "__wbg_env_print_1111";

/// The imports of the sample module, and what they must become.
fn sample_imports() -> (Vec<Import>, Vec<Import>) {
    let memory = [2, 0x01, 0x91, 0x01, 0x80, 0x80, 0x01]; // min 145, max 16384: multi-byte
    let global = [3, 0x7F, 0x01]; // mutable i32
    let table = [1, 0x6F, 0x00, 0x80, 0x01]; // externref, min 128
    let tag = [4, 0x00, 0x01];
    let before = vec![
        import(M, LOG, &func(1)),
        import("env", ENV, &func(0)),
        import(M, MEMORY, &memory),
        import(M, GLOBAL, &global),
        import(M, NOW, &func(0)),
        import(M, TABLE, &table),
        import(M, TAG, &tag),
        import(M, LOG, &func(1)),
    ];
    let after = vec![
        import("a", "a", &func(1)),
        import("env", ENV, &func(0)),
        import("a", "b", &memory),
        import("a", "c", &global),
        import("a", "d", &func(0)),
        import("a", "e", &table),
        import("a", "f", &tag),
        import("a", "a", &func(1)),
    ];
    (before, after)
}

fn sample_module() -> Vec<u8> {
    module(&[
        custom("before", 150),
        type_section(),
        import_section(&sample_imports().0),
        custom("after", 200),
        (3, vec![1, 0]), // a function section, never looked at
    ])
}

/// Glue shaped like esbuild's output of wasm-bindgen's: bare and quoted keys, and the names used elsewhere too.
fn sample_glue() -> String {
    format!(
        concat!(
            "function x(){{return{{__proto__:null,\"{m}\":{{__proto__:null,{log}:function(e){{console.log(e)}},",
            "\"{now}\":function(){{return Date.now()}},{memory}:mem,'{global}':g,{table}:t,{tag}:q}},",
            "env:{{{env}:function(){{}}}}}}}}let y=[\"{m}\",{log}];"
        ),
        m = M,
        log = LOG,
        now = NOW,
        memory = MEMORY,
        global = GLOBAL,
        table = TABLE,
        tag = TAG,
        env = ENV,
    )
}

fn expected_glue() -> String {
    format!(
        concat!(
            "function x(){{return{{__proto__:null,a:{{__proto__:null,a:function(e){{console.log(e)}},",
            "\"d\":function(){{return Date.now()}},b:mem,'c':g,e:t,f:q}},",
            "env:{{{env}:function(){{}}}}}}}}let y=[\"{m}\",a];"
        ),
        m = M,
        env = ENV,
    )
}

#[test]
fn test_reader_reads_multi_byte_numbers() {
    let mut pos = 0;
    assert_eq!(read_uleb(&[0xAC, 0x02, 0x7F], &mut pos), 300);
    assert_eq!(read_uleb(&[0xAC, 0x02, 0x7F], &mut pos), 127);
    assert_eq!(pos, 3);
}

#[test]
fn short_names_go_shortest_first() {
    assert_eq!(short_name(0), "a");
    assert_eq!(short_name(25), "z");
    assert_eq!(short_name(26), "A");
    assert_eq!(short_name(51), "Z");
    assert_eq!(short_name(52), "aa");
    assert_eq!(short_name(53), "ab");
    assert_eq!(short_name(52 + 51), "aZ");
    assert_eq!(short_name(52 + 52), "ba");
    assert_eq!(short_name(52 + 52 * 52 - 1), "ZZ");
    assert_eq!(short_name(52 + 52 * 52), "aaa");
    let names: Vec<String> = (0..5000).map(short_name).collect();
    let distinct: std::collections::HashSet<&String> = names.iter().collect();
    assert_eq!(distinct.len(), names.len());
    assert!(names
        .iter()
        .all(|name| name.bytes().all(|b| b.is_ascii_alphabetic())));
}

#[test]
fn renames_the_module_and_its_fields_in_both_files() {
    let wasm = sample_module();
    let (new_wasm, new_glue, minified) =
        minify_imports(&wasm, &sample_glue(), M).expect("minified");
    assert_eq!(
        minified,
        Minified {
            imports: 7,
            module: M.to_owned()
        }
    );
    assert_eq!(new_glue, expected_glue());

    let old = read_sections(&wasm);
    let new = read_sections(&new_wasm);
    assert_eq!(old.len(), new.len());
    for (old, new) in old.iter().zip(&new) {
        assert_eq!(old.id, new.id);
        if old.id == IMPORT_SECTION {
            // The long names needed a two-byte size, the short ones do not.
            assert!(old.body.len() >= 128 && new.body.len() < 128);
            let (before, after) = sample_imports();
            assert_eq!(read_imports(&old.body), before);
            assert_eq!(read_imports(&new.body), after);
        } else {
            assert_eq!(old.raw, new.raw, "section {} changed", old.id);
        }
    }
    assert!(new_wasm.len() < wasm.len());
}

#[test]
fn other_sections_are_copied_even_with_padded_sizes() {
    // A custom section whose size is written with a padded (non-minimal) LEB128 stays as it was.
    let mut wasm = HEADER.to_vec();
    let (_, body) = custom("padded", 3);
    wasm.extend_from_slice(&[0, 0x80 | body.len() as u8, 0x80, 0x00]);
    wasm.extend_from_slice(&body);
    let tail = wasm.len();
    let (id, body) = import_section(&[import(M, LOG, &func(0))]);
    section(&mut wasm, id, &body);
    let (new_wasm, _, _) =
        minify_imports(&wasm, &format!("{{'{M}':{{{LOG}:f}}}}"), M).expect("minified");
    assert_eq!(new_wasm[..tail], wasm[..tail]);
    let mut expected = wasm[..tail].to_vec();
    let (id, body) = import_section(&[import("a", "a", &func(0))]);
    section(&mut expected, id, &body);
    assert_eq!(new_wasm, expected);
}

#[test]
fn whole_identifiers_only() {
    let wasm = module(&[import_section(&[
        import(M, "__wbg_a_12", &func(0)),
        import(M, "__wbg_a_1", &func(0)),
    ])]);
    let glue = format!(
        "{{\"{M}\":{{__wbg_a_1:f,__wbg_a_12:g}}}};x__wbg_a_1;__wbg_a_1$;$__wbg_a_12;é__wbg_a_1;__wbg_a_1.__wbg_a_12"
    );
    let (_, new_glue, minified) = minify_imports(&wasm, &glue, M).expect("minified");
    assert_eq!(minified.imports, 2);
    assert_eq!(
        new_glue,
        "{a:{b:f,a:g}};x__wbg_a_1;__wbg_a_1$;$__wbg_a_12;é__wbg_a_1;b.a"
    );

    // `__wbg_a_12` holds `__wbg_a_1`, but is not it.
    let only_long = format!("{{\"{M}\":{{__wbg_a_12:g}}}}");
    assert_eq!(
        minify_imports(&wasm, &only_long, M).map(|_| ()),
        Err(Error::NotInGlue {
            name: "__wbg_a_1".to_owned()
        })
    );
}

#[test]
fn glue_without_a_name_is_an_error() {
    let wasm = sample_module();
    let glue = sample_glue().replace(&format!("{TAG}:q"), "other:q");
    assert_eq!(
        minify_imports(&wasm, &glue, M).map(|_| ()),
        Err(Error::NotInGlue {
            name: TAG.to_owned()
        })
    );
}

#[test]
fn the_module_key_must_be_there_once() {
    let wasm = module(&[import_section(&[import(M, LOG, &func(0))])]);
    let not_in_glue = Err(Error::NotInGlue { name: M.to_owned() });
    // Missing, or only as a string that is no key.
    for glue in [
        format!("{{other:{{{LOG}:f}}}}"),
        format!("import(\"{M}\");{{x:{{{LOG}:f}}}}"),
        format!("{{\"{M}x\":{{{LOG}:f}}}}"),
        format!("{{`{M}`:{{{LOG}:f}}}}"),
    ] {
        assert_eq!(
            minify_imports(&wasm, &glue, M).map(|_| ()),
            not_in_glue,
            "{glue}"
        );
    }
    // Twice, in either quotes.
    for glue in [
        format!("{{\"{M}\":{{{LOG}:f}},\"{M}\":{{}}}}"),
        format!("{{'{M}':{{{LOG}:f}},\"{M}\" :{{}}}}"),
    ] {
        assert_eq!(
            minify_imports(&wasm, &glue, M).map(|_| ()),
            Err(Error::Ambiguous {
                name: M.to_owned(),
                count: 2
            }),
            "{glue}"
        );
    }
    // Once, with a space before the colon (wasm-bindgen's unminified glue), beside a string that is no key.
    let glue =
        format!("import(\"{M}\");return {{ \"{M}\" : import0 }};const import0={{ {LOG}: f }};");
    let (_, new_glue, _) = minify_imports(&wasm, &glue, M).expect("minified");
    assert_eq!(
        new_glue,
        format!("import(\"{M}\");return {{ a : import0 }};const import0={{ a: f }};")
    );
}

#[test]
fn another_module_name_is_asked_for() {
    let wasm = module(&[import_section(&[
        import("./other_bg.js", "__wbg_x_1", &func(0)),
        import(M, LOG, &func(0)),
    ])]);
    let glue = format!("{{\"./other_bg.js\":{{__wbg_x_1:f}},\"{M}\":{{{LOG}:g}}}}");
    let (new_wasm, new_glue, minified) =
        minify_imports(&wasm, &glue, "./other_bg.js").expect("minified");
    assert_eq!(minified.imports, 1);
    assert_eq!(new_glue, format!("{{a:{{a:f}},\"{M}\":{{{LOG}:g}}}}"));
    let imports = read_imports(&read_sections(&new_wasm)[0].body);
    assert_eq!(
        imports,
        [import("a", "a", &func(0)), import(M, LOG, &func(0))]
    );
}

#[test]
fn many_imports_get_longer_names() {
    let fields: Vec<String> = (0..3000)
        .map(|k| format!("__wbg_f{k}_{:016x}", k * 7919))
        .collect();
    let imports: Vec<Import> = fields
        .iter()
        .map(|field| import(M, field, &func(0)))
        .collect();
    let wasm = module(&[type_section(), import_section(&imports)]);
    let keys: Vec<String> = fields.iter().map(|field| format!("{field}:f")).collect();
    let glue = format!("{{\"{M}\":{{{}}}}}", keys.join(","));
    let (new_wasm, new_glue, minified) = minify_imports(&wasm, &glue, M).expect("minified");
    assert_eq!(minified.imports, 3000);
    let short: Vec<String> = (0..3000).map(|k| format!("{}:f", short_name(k))).collect();
    assert_eq!(new_glue, format!("{{a:{{{}}}}}", short.join(",")));
    let new_imports = read_imports(&read_sections(&new_wasm)[1].body);
    assert_eq!(new_imports.len(), 3000);
    assert_eq!(new_imports[2999].field, short_name(2999).as_bytes());
    assert_eq!(short_name(2999).len(), 3);
}

#[test]
fn not_wasm() {
    for input in not_wasm_inputs(IMPORT_SECTION) {
        assert_eq!(
            minify_imports(&input, &sample_glue(), M).map(|_| ()),
            Err(Error::NotWasm),
            "{input:?}"
        );
    }
}

#[test]
fn every_truncation_is_an_error_not_a_panic() {
    let wasm = sample_module();
    let glue = sample_glue();
    // Where a section ends, a shorter module is still whole.
    let mut ends = vec![HEADER.len()];
    for read in read_sections(&wasm) {
        ends.push(ends.last().copied().unwrap_or_default() + read.raw.len());
    }
    let imports_end = ends[3];
    for cut in 0..wasm.len() {
        let result = minify_imports(&wasm[..cut], &glue, M).map(|(_, _, minified)| minified);
        if cut < HEADER.len() {
            assert_eq!(result, Err(Error::NotWasm), "cut at {cut}");
        } else if !ends.contains(&cut) {
            assert_eq!(result, Err(Error::Truncated), "cut at {cut}");
        } else if cut < imports_end {
            assert_eq!(
                result,
                Err(Error::NoImports {
                    module: M.to_owned()
                }),
                "cut at {cut}"
            );
        } else {
            assert_eq!(
                result.map(|minified| minified.imports),
                Ok(7),
                "cut at {cut}"
            );
        }
    }
}

#[test]
fn truncated_and_malformed_import_sections() {
    let with = |body: &[u8]| {
        let mut wasm = HEADER.to_vec();
        section(&mut wasm, IMPORT_SECTION, body);
        minify_imports(&wasm, "", M).map(|_| ())
    };
    // Two imports announced, one there.
    let (_, mut one) = import_section(&[import(M, LOG, &func(0))]);
    one[0] = 2;
    assert_eq!(with(&one), Err(Error::Truncated));
    // A name longer than the section.
    assert_eq!(with(&[1, 0x7F, b'.']), Err(Error::Truncated));
    // A 4 GiB section.
    let mut wasm = HEADER.to_vec();
    wasm.extend_from_slice(&[IMPORT_SECTION, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]);
    assert_eq!(
        minify_imports(&wasm, "", M).map(|_| ()),
        Err(Error::Truncated)
    );
    // A count with a sixth byte, and one with bits beyond 32.
    assert_eq!(
        with(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x00]),
        Err(Error::BadLeb { offset: 10 })
    );
    assert_eq!(
        with(&[0x80, 0x80, 0x80, 0x80, 0x10]),
        Err(Error::BadLeb { offset: 10 })
    );
    // A section size that is a bad LEB128.
    let mut wasm = HEADER.to_vec();
    wasm.extend_from_slice(&[0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]);
    assert_eq!(
        minify_imports(&wasm, "", M).map(|_| ()),
        Err(Error::BadLeb { offset: 9 })
    );
    // A byte after the last import.
    let (_, mut extra) = import_section(&[import(M, LOG, &func(0))]);
    extra.push(0);
    let at = HEADER.len() + 2 + extra.len() - 1;
    assert_eq!(with(&extra), Err(Error::TrailingBytes { offset: at }));
}

#[test]
fn unsupported_imports() {
    let with = |imports: &[Import]| {
        let wasm = module(&[import_section(imports)]);
        minify_imports(&wasm, &sample_glue(), M).map(|_| ())
    };
    assert_eq!(
        with(&[import(M, LOG, &func(0)), import(M, NOW, &[5, 0])]),
        Err(Error::UnsupportedImport { import: 1, kind: 5 })
    );
    assert_eq!(
        with(&[import("env", "x", &[0x7F])]),
        Err(Error::UnsupportedImport {
            import: 0,
            kind: 0x7F
        })
    );
    // A shared table, and a memory with custom page sizes.
    assert_eq!(
        with(&[import(M, TABLE, &[1, 0x70, 0x03, 1, 2])]),
        Err(Error::UnsupportedLimits {
            import: 0,
            flag: 0x03
        })
    );
    assert_eq!(
        with(&[import(M, MEMORY, &[2, 0x08, 1, 16])]),
        Err(Error::UnsupportedLimits {
            import: 0,
            flag: 0x08
        })
    );
}

#[test]
fn every_limits_flag_and_reference_type_is_copied() {
    let descs: [&[u8]; 8] = [
        &[1, 0x70, 0x04, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], // table64, min 2^35
        &[1, 0x64, 0x70, 0x05, 1, 2],                         // (ref func), table64 with a maximum
        &[1, 0x63, 0x6F, 0x01, 0, 0x80, 0x01],                // (ref null extern)
        &[2, 0x00, 0x01],
        &[2, 0x03, 0x01, 0x02],                                     // shared
        &[2, 0x07, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x02], // shared memory64
        &[3, 0x63, 0x6F, 0x00],                                     // global (ref null extern)
        &[3, 0x7B, 0x01],                                           // global v128
    ];
    let imports: Vec<Import> = descs
        .iter()
        .enumerate()
        .map(|(k, desc)| import(M, &format!("__wbindgen_{k}"), desc))
        .collect();
    let wasm = module(&[import_section(&imports)]);
    let keys: Vec<String> = (0..descs.len())
        .map(|k| format!("__wbindgen_{k}:x"))
        .collect();
    let glue = format!("{{\"{M}\":{{{}}}}}", keys.join(","));
    let (new_wasm, _, minified) = minify_imports(&wasm, &glue, M).expect("minified");
    assert_eq!(minified.imports, descs.len());
    // The test's reader does not know heap types: compare the section's bytes.
    let mut expected = Vec::new();
    uleb(&mut expected, descs.len() as u64);
    for (k, desc) in descs.iter().enumerate() {
        name(&mut expected, b"a");
        name(&mut expected, short_name(k).as_bytes());
        expected.extend_from_slice(desc);
    }
    assert_eq!(read_sections(&new_wasm)[0].body, expected);
}

#[test]
fn names_and_modules_that_cannot_be_renamed() {
    let with = |imports: &[Import], glue: &str| {
        let wasm = module(&[type_section(), import_section(imports)]);
        minify_imports(&wasm, glue, M).map(|_| ())
    };
    // Nothing imported from the module.
    assert_eq!(
        with(&[import("env", ENV, &func(0))], &sample_glue()),
        Err(Error::NoImports {
            module: M.to_owned()
        })
    );
    assert_eq!(
        minify_imports(&module(&[type_section()]), "", M).map(|_| ()),
        Err(Error::NoImports {
            module: M.to_owned()
        })
    );
    // The short module name is taken.
    assert_eq!(
        with(
            &[import(M, LOG, &func(0)), import("a", "b", &func(0))],
            &sample_glue()
        ),
        Err(Error::ShortModuleTaken)
    );
    // A name wasm-bindgen would not make: renaming every `memory` in the glue would be wrong.
    for field in ["memory", "__wbg-x", "__wbg x", "__wb\u{e9}", ""] {
        assert_eq!(
            with(&[import(M, field, &func(0))], &sample_glue()),
            Err(Error::UnsupportedName {
                name: field.to_owned()
            }),
            "{field:?}"
        );
    }
    let wasm = module(&[import_section(&[Import {
        module: M.as_bytes().to_vec(),
        field: b"__wbg_\xFF".to_vec(),
        desc: func(0),
    }])]);
    assert_eq!(
        minify_imports(&wasm, "", M).map(|_| ()),
        Err(Error::UnsupportedName {
            name: "__wbg_\u{FFFD}".to_owned()
        })
    );
    // The same name from two modules: the glue's keys of the two could not be told apart.
    let glue = format!("{{\"{M}\":{{{LOG}:f}},env:{{{LOG}:g}}}}");
    for imports in [
        [import(M, LOG, &func(0)), import("env", LOG, &func(0))],
        [import("env", LOG, &func(0)), import(M, LOG, &func(0))],
    ] {
        assert_eq!(
            with(&imports, &glue),
            Err(Error::SharedName {
                name: LOG.to_owned()
            })
        );
    }
}

#[test]
fn errors_display() {
    // The reader's errors (`NotWasm`, `Truncated`, `BadLeb`): crate::wasm's tests.
    assert_eq!(
        Error::UnsupportedImport { import: 3, kind: 5 }.to_string(),
        "import 3 has unsupported kind 0x05"
    );
    assert_eq!(
        Error::NotInGlue {
            name: LOG.to_owned()
        }
        .to_string(),
        format!("the glue has no import key \"{LOG}\"")
    );
    assert_eq!(
        Error::Ambiguous {
            name: M.to_owned(),
            count: 2
        }
        .to_string(),
        "the glue has 2 import keys \"./m_bg.js\", expected one"
    );
}

#[test]
fn random_bytes_never_panic() {
    let glue = sample_glue();
    // Half the rounds open an import section, so the import reader sees random input too.
    random_modules(10_000, IMPORT_SECTION, |wasm| {
        let _ = minify_imports(wasm, &glue, M);
    });
}

#[test]
fn mutated_modules_and_glue_never_panic() {
    let wasm = sample_module();
    let glue = sample_glue();
    let mut renamed = 0;
    mutated_modules(&wasm, 10_000, |wasm, rng| {
        // The glue loses, doubles or gains characters (any character, not only ASCII).
        let mut chars: Vec<char> = glue.chars().collect();
        for _ in 0..rng.below(3) {
            let at = rng.below(chars.len());
            match rng.below(3) {
                0 => {
                    chars.remove(at);
                }
                1 => chars.insert(at, chars[at]),
                _ => chars.insert(
                    at,
                    char::from_u32(rng.next() as u32 % 0x3000).unwrap_or('é'),
                ),
            }
        }
        let glue: String = chars.into_iter().collect();
        if let Ok((new_wasm, _, _)) = minify_imports(&wasm, &glue, M) {
            renamed += 1;
            assert_eq!(read_sections(&new_wasm).len(), read_sections(&wasm).len());
        }
    });
    assert!(renamed > 100, "only {renamed} mutations were renamed");
}

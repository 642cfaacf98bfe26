//! What both passes' tests build their modules with, byte by byte, and the fuzz harness that feeds each pass random
//! and mutated modules to show it never panics. The LEB128 and name writers are the library's own
//! ([`crate::wasm`]); the tests below pin their bytes.

pub(crate) use crate::wasm::{write_name as name, write_uleb as uleb, HEADER};

/// Appends `value` as signed LEB128.
pub(crate) fn sleb(out: &mut Vec<u8>, mut value: i64) {
    loop {
        let byte = (value & 0x7F) as u8;
        value >>= 7;
        if (value == 0 && byte & 0x40 == 0) || (value == -1 && byte & 0x40 != 0) {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Appends a section: its id, its size, its content.
pub(crate) fn section(out: &mut Vec<u8>, id: u8, body: &[u8]) {
    out.push(id);
    uleb(out, body.len() as u64);
    out.extend_from_slice(body);
}

/// Appends each `(id, content)` as a section.
pub(crate) fn sections(out: &mut Vec<u8>, sections: &[(u8, Vec<u8>)]) {
    for (id, body) in sections {
        section(out, *id, body);
    }
}

/// A module: the header, then these sections.
pub(crate) fn module(list: &[(u8, Vec<u8>)]) -> Vec<u8> {
    let mut wasm = HEADER.to_vec();
    sections(&mut wasm, list);
    wasm
}

/// A custom section (id 0) named `label` with `n` bytes of content.
pub(crate) fn custom(label: &str, n: usize) -> (u8, Vec<u8>) {
    let content: Vec<u8> = (0..n).map(|i| (i * 7 + 3) as u8).collect();
    custom_with(label, &content)
}

/// A custom section (id 0) named `label` holding `content`.
pub(crate) fn custom_with(label: &str, content: &[u8]) -> (u8, Vec<u8>) {
    let mut body = Vec::new();
    name(&mut body, label.as_bytes());
    body.extend_from_slice(content);
    (0, body)
}

/// Inputs that are no WebAssembly module of version 1, the last one a `section` section after the magic in
/// capitals.
pub(crate) fn not_wasm_inputs(section: u8) -> [Vec<u8>; 5] {
    let mut capitals = b"\0ASM\x01\0\0\0".to_vec();
    capitals.extend_from_slice(&[section, 0x01, 0x00]);
    [
        Vec::new(),
        b"\0asm".to_vec(),
        b"\0asm\x02\0\0\0".to_vec(),
        b"hello, world!!!".to_vec(),
        capitals,
    ]
}

/// xorshift64: enough randomness for inputs, no dependency.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Hands `check` `rounds` modules of random bytes: the header, in every other round the id of `section` (so that
/// the pass's reader of that section sees random input too), then up to 299 random bytes.
pub(crate) fn random_modules(rounds: usize, section: u8, mut check: impl FnMut(&[u8])) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..rounds {
        let mut wasm = HEADER.to_vec();
        if round % 2 == 0 {
            wasm.push(section);
        }
        let len = rng.below(300);
        wasm.extend((0..len).map(|_| rng.next() as u8));
        check(&wasm);
    }
}

/// Hands `check` `rounds` mutations of `wasm`: one to four of the bytes after the header replaced, and in about
/// one round in four the module cut short after the header. `check` gets the generator too, to mutate what goes
/// with the module.
pub(crate) fn mutated_modules(
    wasm: &[u8],
    rounds: usize,
    mut check: impl FnMut(Vec<u8>, &mut Rng),
) {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for _ in 0..rounds {
        let mut wasm = wasm.to_vec();
        for _ in 0..1 + rng.below(4) {
            let at = HEADER.len() + rng.below(wasm.len() - HEADER.len());
            wasm[at] = rng.next() as u8;
        }
        if rng.below(4) == 0 {
            wasm.truncate(HEADER.len() + rng.below(wasm.len() - HEADER.len()));
        }
        check(wasm, &mut rng);
    }
}

#[test]
fn leb_writers_write_multi_byte_numbers() {
    let mut out = Vec::new();
    uleb(&mut out, 300);
    assert_eq!(out, [0xAC, 0x02]);
    out.clear();
    uleb(&mut out, 127);
    assert_eq!(out, [0x7F]);
    out.clear();
    sleb(&mut out, -0x7FFF_F000);
    assert_eq!(out, [0x80, 0xA0, 0x80, 0x80, 0x78]);
    out.clear();
    sleb(&mut out, 0x1000);
    assert_eq!(out, [0x80, 0x20]);
}

#[test]
fn modules_are_built_section_by_section() {
    let wasm = module(&[custom("ab", 2), (5, vec![1, 0, 1])]);
    let mut expected = HEADER.to_vec();
    expected.extend_from_slice(&[0, 5, 2, b'a', b'b', 3, 10, 5, 3, 1, 0, 1]);
    assert_eq!(wasm, expected);
}

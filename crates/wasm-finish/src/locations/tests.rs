//! Modules built by hand, byte by byte, so each test says exactly what the tool must change and what it must not.

use super::*;
use crate::test_support::{
    self, custom, custom_with, mutated_modules, not_wasm_inputs, random_modules, section, sleb,
    uleb, HEADER,
};

/// A record as it sits in memory.
fn record(ptr: u32, len: u32, line: u32, col: u32) -> [u8; 16] {
    let mut bytes = [0; 16];
    for (k, word) in [ptr, len, line, col].into_iter().enumerate() {
        bytes[4 * k..4 * k + 4].copy_from_slice(&word.to_le_bytes());
    }
    bytes
}

/// The contents of a segment being laid out from a linear address.
struct Mem {
    base: u32,
    bytes: Vec<u8>,
}

impl Mem {
    fn new(base: u32) -> Self {
        Mem {
            base,
            bytes: Vec::new(),
        }
    }

    /// The linear address of the next byte.
    fn here(&self) -> u32 {
        self.base.wrapping_add(self.bytes.len() as u32)
    }

    /// Pads with zeros until the next address is `rem` modulo 4.
    fn pad_to(&mut self, rem: u32) -> &mut Self {
        while self.here() % 4 != rem {
            self.bytes.push(0);
        }
        self
    }

    fn zeros(&mut self, n: usize) -> &mut Self {
        self.bytes.extend(std::iter::repeat_n(0, n));
        self
    }

    /// Appends bytes; returns their address.
    fn put(&mut self, bytes: &[u8]) -> u32 {
        let addr = self.here();
        self.bytes.extend_from_slice(bytes);
        addr
    }

    /// Appends a record; returns its address.
    fn loc(&mut self, ptr: u32, len: u32, line: u32, col: u32) -> u32 {
        self.put(&record(ptr, len, line, col))
    }
}

/// A data segment: its header bytes before the length (flag, memory, offset expression), its base when it has one.
struct Seg {
    head: Vec<u8>,
    base: Option<u32>,
    bytes: Vec<u8>,
}

fn i32_const(addr: u32) -> Vec<u8> {
    let mut expr = vec![0x41];
    sleb(&mut expr, i64::from(addr as i32));
    expr.push(0x0B);
    expr
}

fn active(mem: Mem) -> Seg {
    let mut head = vec![0];
    head.extend(i32_const(mem.base));
    Seg {
        head,
        base: Some(mem.base),
        bytes: mem.bytes,
    }
}

fn passive(bytes: Vec<u8>) -> Seg {
    Seg {
        head: vec![1],
        base: None,
        bytes,
    }
}

fn explicit(memory: u32, mem: Mem) -> Seg {
    let mut head = vec![2];
    uleb(&mut head, u64::from(memory));
    head.extend(i32_const(mem.base));
    Seg {
        head,
        base: Some(mem.base),
        bytes: mem.bytes,
    }
}

fn with_expr(expr: &[u8], bytes: Vec<u8>) -> Seg {
    let mut head = vec![0];
    head.extend_from_slice(expr);
    Seg {
        head,
        base: None,
        bytes,
    }
}

/// A memory section with one memory of one page.
fn memory_section() -> (u8, Vec<u8>) {
    (5, vec![1, 0, 1])
}

/// A module built by hand, with where each segment's bytes landed.
struct Module {
    wasm: Vec<u8>,
    /// File offset of each segment's first byte.
    payloads: Vec<usize>,
    bases: Vec<Option<u32>>,
}

impl Module {
    /// The file offset of linear address `addr` in segment `seg`.
    fn at(&self, seg: usize, addr: u32) -> usize {
        let base = self.bases[seg].expect("segment has an address");
        self.payloads[seg] + (addr - base) as usize
    }
}

/// A module: the sections `before`, a data section of `segs`, the sections `after`.
fn module(before: &[(u8, Vec<u8>)], segs: &[Seg], after: &[(u8, Vec<u8>)]) -> Module {
    let mut wasm = test_support::module(before);
    let mut body = Vec::new();
    uleb(&mut body, segs.len() as u64);
    let mut relative = Vec::new();
    for seg in segs {
        body.extend_from_slice(&seg.head);
        uleb(&mut body, seg.bytes.len() as u64);
        relative.push(body.len());
        body.extend_from_slice(&seg.bytes);
    }
    let mut size = Vec::new();
    uleb(&mut size, body.len() as u64);
    let start = wasm.len() + 1 + size.len();
    section(&mut wasm, DATA_SECTION, &body);
    test_support::sections(&mut wasm, after);
    Module {
        wasm,
        payloads: relative.into_iter().map(|offset| start + offset).collect(),
        bases: segs.iter().map(|seg| seg.base).collect(),
    }
}

fn strip(wasm: &[u8]) -> (Result<Stripped, Error>, Vec<u8>) {
    let mut out = wasm.to_vec();
    let result = strip_locations(&mut out);
    assert_eq!(out.len(), wasm.len(), "the module's size changed");
    (result, out)
}

/// What [`strip_locations`] reports: `(locations, files, file_bytes)`.
fn stripped((locations, files, file_bytes): (usize, usize, usize)) -> Result<Stripped, Error> {
    Ok(Stripped {
        locations,
        files,
        file_bytes,
    })
}

/// Strips `m` and checks the outcome: `counts` reported (see [`stripped`]), and the module changed in exactly
/// these places: each file name `(segment, address, length)` zeroed, each record `(segment, address)` rewritten to
/// `(canonical, 0, 0, 0)`. Returns the stripped module.
fn assert_stripped(
    m: &Module,
    counts: (usize, usize, usize),
    names: &[(usize, u32, usize)],
    records: &[(usize, u32)],
    canonical: u32,
) -> Vec<u8> {
    let (result, out) = strip(&m.wasm);
    assert_eq!(result, stripped(counts));
    let mut expected = m.wasm.clone();
    for &(seg, addr, len) in names {
        let at = m.at(seg, addr);
        expected[at..at + len].fill(0);
    }
    for &(seg, addr) in records {
        let at = m.at(seg, addr);
        expected[at..at + 16].copy_from_slice(&record(canonical, 0, 0, 0));
    }
    assert_eq!(out, expected);
    out
}

#[test]
fn strips_three_locations_to_two_files() {
    let mut mem = Mem::new(0x1000);
    let a = mem.put(b"/src/a.rs\0");
    let b = mem.put(b"src/bb.rs\0");
    mem.pad_to(0);
    let r1 = mem.loc(a, 9, 12, 5);
    let r2 = mem.loc(b, 9, 300, 17);
    let r3 = mem.loc(a, 9, 7, 1);
    mem.zeros(150); // a segment longer than 127 bytes: its length is a two-byte LEB
    let m = module(
        &[custom("name", 200), memory_section()],
        &[active(mem)],
        &[],
    );
    assert!(m.wasm.len() > 400);

    let out = assert_stripped(
        &m,
        (3, 2, 18),
        &[(0, a, 9), (0, b, 9)],
        &[(0, r1), (0, r2), (0, r3)],
        a,
    );
    assert_eq!(
        &out[m.at(0, r1)..m.at(0, r1) + 16],
        &record(0x1000, 0, 0, 0)
    );
    assert!(out[m.at(0, a)..m.at(0, b) + 10]
        .iter()
        .all(|&byte| byte == 0));

    // Stripped once, nothing is left to find.
    let (again, out2) = strip(&out);
    assert_eq!(again, Ok(Stripped::default()));
    assert_eq!(out2, out);
}

#[test]
fn decoys_stay_byte_for_byte() {
    // Segment 0 at 0x2000, followed in linear memory by segment 1.
    let mut mem = Mem::new(0x2000);
    let real = mem.put(b"src/real.rs\0");
    let hello = mem.put(b"hello.txt\0");
    let nonul = mem.put(b"src/nonul.rsX\0");
    let spaced = mem.put(b"src/a b.rs\0");
    mem.pad_to(0);
    let good = mem.loc(real, 11, 40, 9);
    // Records that are no location, each by why: (why, file_ptr, file_len, line, col).
    let decoys = [
        ("not a `.rs` path", hello, 9, 1, 1),
        ("line 0", real, 11, 0, 4),
        ("a `.rs` path not followed by NUL", nonul, 12, 3, 3),
        ("a space in the name", spaced, 10, 3, 3),
        ("line too large", real, 11, 10_000_000, 1),
        ("column too large", real, 11, 1, 100_000),
        ("empty name", real, 0, 1, 1),
        ("name too long", real, 1025, 1, 1),
        ("in no segment", 0x9000_0000, 8, 1, 1),
        ("ptr + len overflows", u32::MAX - 3, 8, 1, 1),
    ];
    // Where each decoy landed: (why, segment, address).
    let mut placed: Vec<(&str, usize, u32)> = decoys
        .iter()
        .map(|&(why, ptr, len, line, col)| (why, 0, mem.loc(ptr, len, line, col)))
        .collect();
    mem.pad_to(2);
    let unaligned = mem.loc(real, 11, 5, 5);
    placed.push((
        "a record at a linear address that is 2 modulo 4",
        0,
        unaligned,
    ));
    mem.pad_to(0);
    // The name runs past the end of segment 0 into segment 1, which continues it in linear memory.
    let split = mem.here() + 16;
    placed.push((
        "a name split across two segments",
        0,
        mem.loc(split, 10, 2, 2),
    ));
    assert_eq!(mem.put(b"src/ab"), split); // the last bytes of segment 0

    // Segment 1 starts right where segment 0 ends, at an address that is 2 modulo 4.
    let mut tail = Mem::new(mem.here());
    tail.put(b"c.rs\0");
    tail.pad_to(0);
    // Straddles the end of segment 1, the last one: only `ptr` and `len` are in it. In the file, the custom
    // section after the data section follows, whose first bytes read as line 2304 and column 0.
    let straddle = tail.put(&record(real, 11, 1, 1)[..8]);
    placed.push((
        "a record straddling the end of the last segment",
        1,
        straddle,
    ));
    let tail_len = tail.bytes.len();
    let m = module(
        &[custom("x", 130)],
        &[active(mem), active(tail)],
        &[custom_with("", &[0; 8])],
    );
    let after = m.payloads[1] + tail_len;
    assert_eq!(
        &m.wasm[after..after + 8],
        &[0, 9, 0, 0, 0, 0, 0, 0],
        "the straddle decoy is not armed"
    );

    // Each decoy by name, then the module as a whole.
    let (_, out) = strip(&m.wasm);
    for (why, seg, addr) in placed {
        let at = m.at(seg, addr);
        assert_eq!(
            out[at..at + 16],
            m.wasm[at..at + 16],
            "decoy rewritten: {why}"
        );
    }
    assert_stripped(&m, (1, 1, 11), &[(0, real, 11)], &[(0, good)], real);
}

#[test]
fn aligns_on_linear_addresses_not_segment_offsets() {
    // The segment starts at an address that is 2 modulo 4: its byte 0 is not 4-aligned, its byte 2 is.
    let mut mem = Mem::new(0x3002);
    let unaligned = mem.loc(0, 0, 0, 0);
    let aligned = {
        mem.pad_to(0);
        mem.here()
    };
    mem.zeros(16);
    let name = mem.put(b"src/lib.rs\0");
    mem.bytes[(unaligned - 0x3002) as usize..][..16].copy_from_slice(&record(name, 10, 8, 8));
    mem.bytes[(aligned - 0x3002) as usize..][..16].copy_from_slice(&record(name, 10, 9, 9));
    let m = module(&[], &[active(mem)], &[]);

    assert_stripped(&m, (1, 1, 10), &[(0, name, 10)], &[(0, aligned)], name);
}

#[test]
fn names_in_another_segment_and_canonical_is_the_lowest_address() {
    // Segment 1 sits at 0x8000_1000: a negative `i32.const`, which is an unsigned address all the same. Segment
    // 2 at 0xFFFF_0000 is -65536, whose three-byte LEB128 needs sign extension.
    let mut far = Mem::new(0x8000_1000);
    let far_name = far.put(b"src/far.rs\0");
    let mut top = Mem::new(0xFFFF_0000);
    let top_name = top.put(b"src/top.rs\0");

    let mut mem = Mem::new(0x1000);
    let r1 = mem.loc(far_name, 10, 1, 2);
    let near_at = mem.here() + 48;
    let r2 = mem.loc(near_at, 11, 3, 4);
    let r3 = mem.loc(far_name, 10, 5, 6);
    let r4 = mem.loc(top_name, 10, 7, 8);
    assert_eq!(mem.put(b"src/near.rs\0"), near_at);

    let m = module(
        &[memory_section()],
        &[active(mem), active(far), active(top)],
        &[],
    );
    assert_eq!(
        &m.wasm[m.payloads[1] - 7..m.payloads[1] - 2],
        &[0x80, 0xA0, 0x80, 0x80, 0x78]
    );
    assert_eq!(
        &m.wasm[m.payloads[2] - 5..m.payloads[2] - 2],
        &[0x80, 0x80, 0x7C]
    );

    assert_stripped(
        &m,
        (4, 3, 31),
        &[(1, far_name, 10), (2, top_name, 10), (0, near_at, 11)],
        &[(0, r1), (0, r2), (0, r3), (0, r4)],
        near_at,
    );
}

#[test]
fn steps_over_passive_explicit_memory_and_other_offset_segments() {
    let two = 0x4000;
    let mut passive_bytes = b"src/p.rs\0\0\0\0".to_vec();
    passive_bytes.extend(record(two, 10, 1, 1)); // no address: never scanned
    passive_bytes.extend(std::iter::repeat_n(0x55, 140));

    let mut seg1 = Mem::new(two);
    assert_eq!(seg1.put(b"src/two.rs\0"), two);
    seg1.pad_to(0);
    let r1 = seg1.loc(two, 10, 11, 1);

    // Memory 1: neither its records nor its names are memory 0's.
    let mut seg2 = Mem::new(0x5000);
    let one = seg2.put(b"src/one.rs\0");
    seg2.pad_to(0);
    seg2.loc(one, 10, 1, 1);

    let stray = record(two, 10, 2, 2).to_vec();
    let global_get = [0x23, 0x00, 0x0B];
    // extended-const: i32.const 0x100; i32.const 0x10; i32.add; end
    let extended = [0x41, 0x80, 0x02, 0x41, 0x10, 0x6A, 0x0B];
    let mut seg5 = Mem::new(0x6000);
    let r5a = seg5.loc(two, 10, 7, 7);
    let six = seg5.put(b"src/six.rs\0");
    seg5.pad_to(0);
    let r5b = seg5.loc(six, 10, 8, 8);
    seg5.zeros(150);

    let segs = [
        passive(passive_bytes),
        explicit(0, seg1),
        explicit(1, seg2),
        with_expr(&global_get, stray.clone()),
        with_expr(&extended, stray),
        active(seg5),
    ];
    let m = module(&[custom("producers", 300)], &segs, &[custom("after", 3)]);

    assert_stripped(
        &m,
        (3, 2, 20),
        &[(1, two, 10), (5, six, 10)],
        &[(1, r1), (5, r5a), (5, r5b)],
        two,
    );
}

#[test]
fn no_locations_is_ok_and_changes_nothing() {
    let mut mem = Mem::new(0x1000);
    mem.put(b"just some data, no paths\0");
    mem.loc(0x1000, 4, 1, 1); // points at "just": not a `.rs` path
    let m = module(&[], &[active(mem)], &[]);
    let (result, out) = strip(&m.wasm);
    assert_eq!(result, Ok(Stripped::default()));
    assert_eq!(out, m.wasm);

    let empty = module(&[], &[], &[]);
    assert_eq!(
        strip(&empty.wasm),
        (Ok(Stripped::default()), empty.wasm.clone())
    );
}

#[test]
fn not_wasm() {
    for input in not_wasm_inputs(DATA_SECTION) {
        assert_eq!(strip(&input).0, Err(Error::NotWasm), "{input:?}");
    }
}

#[test]
fn truncated_inputs_are_errors_not_panics() {
    let cases: [&[u8]; 9] = [
        &[11, 0x80],                               // section size cut in its LEB
        &[11],                                     // no section size at all
        &[0, 0x05, 1],                             // a custom section longer than the module
        &[0, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F],        // 4 GiB section
        &[11, 0x01, 0x01],                         // one segment announced, none there
        &[11, 0x03, 0x01, 0x00, 0x41],             // offset expression cut
        &[11, 0x05, 0x01, 0x00, 0x41, 0x00, 0x0B], // the segment's length missing
        &[11, 0x08, 0x01, 0x00, 0x41, 0x00, 0x0B, 0x0A, 0x01, 0x02], // segment longer than the section
        &[11, 0x04, 0x01, 0x02, 0x00, 0x41],                         // flag 2, offset cut
    ];
    for case in cases {
        let mut wasm = HEADER.to_vec();
        wasm.extend_from_slice(case);
        let (result, out) = strip(&wasm);
        assert_eq!(result, Err(Error::Truncated), "{case:?}");
        assert_eq!(out, wasm);
    }
}

#[test]
fn no_data_section() {
    assert_eq!(strip(&HEADER).0, Err(Error::NoDataSection));
    let wasm = test_support::module(&[custom("name", 150), memory_section()]);
    assert_eq!(strip(&wasm).0, Err(Error::NoDataSection));
}

#[test]
fn malformed_and_unsupported_segments() {
    let with = |tail: &[u8]| {
        let mut wasm = HEADER.to_vec();
        wasm.extend_from_slice(tail);
        strip(&wasm).0
    };
    assert_eq!(
        with(&[11, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]),
        Err(Error::BadLeb { offset: 9 })
    );
    assert_eq!(
        with(&[11, 0x06, 0x01, 0x00, 0x41, 0x80, 0x80, 0x80]),
        Err(Error::Truncated)
    );
    // i32.const with a sixth byte, and with bits beyond 32 in the fifth
    assert_eq!(
        with(&[11, 0x09, 0x01, 0x00, 0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]),
        Err(Error::BadLeb { offset: 13 })
    );
    assert_eq!(
        with(&[11, 0x08, 0x01, 0x00, 0x41, 0x80, 0x80, 0x80, 0x80, 0x10]),
        Err(Error::BadLeb { offset: 13 })
    );
    assert_eq!(
        with(&[11, 0x03, 0x01, 0x03, 0x00]),
        Err(Error::UnsupportedSegment {
            segment: 0,
            flag: 3
        })
    );
    // local.get is no constant instruction
    assert_eq!(
        with(&[11, 0x05, 0x01, 0x00, 0x20, 0x00, 0x0B]),
        Err(Error::UnsupportedOffset {
            segment: 0,
            opcode: 0x20
        })
    );

    // A good segment then a bad one: the error leaves the good one's location in place.
    let good = || {
        let mut mem = Mem::new(0x1000);
        let name = mem.put(b"src/x.rs\0\0\0\0");
        mem.loc(name, 8, 1, 1);
        active(mem)
    };
    let bad = module(
        &[],
        &[good(), with_expr(&[0x20, 0x00, 0x0B], vec![1, 2, 3])],
        &[],
    );
    let (result, out) = strip(&bad.wasm);
    assert_eq!(
        result,
        Err(Error::UnsupportedOffset {
            segment: 1,
            opcode: 0x20
        })
    );
    assert_eq!(out, bad.wasm);
    // Without the bad one, it is found.
    let fine = module(&[], &[good()], &[]);
    assert_eq!(strip(&fine.wasm).0, stripped((1, 1, 8)));
}

#[test]
fn errors_display() {
    // The reader's errors (`NotWasm`, `Truncated`, `BadLeb`): crate::wasm's tests.
    assert_eq!(
        Error::UnsupportedOffset {
            segment: 4,
            opcode: 0x20
        }
        .to_string(),
        "data segment 4 has an offset expression with unsupported opcode 0x20"
    );
}

#[test]
fn random_bytes_never_panic() {
    // Half the rounds open a data section, so the segment reader sees random input too.
    random_modules(20_000, DATA_SECTION, unchanged_on_error);
}

/// Strips `wasm`; on an error, nothing may have been written.
fn unchanged_on_error(wasm: &[u8]) {
    let (result, out) = strip(wasm);
    if result.is_err() {
        assert_eq!(out, wasm);
    }
}

#[test]
fn mutated_modules_never_panic() {
    let mut mem = Mem::new(0x1000);
    let a = mem.put(b"src/a.rs\0");
    mem.pad_to(0);
    for line in 1..20 {
        mem.loc(a, 8, line, 1);
    }
    mem.zeros(40);
    let mut tail = Mem::new(0x2000);
    tail.put(b"src/tail.rs\0");
    let m = module(
        &[custom("name", 20)],
        &[active(mem), passive(vec![9; 30]), active(tail)],
        &[custom("z", 5)],
    );
    assert_eq!(strip(&m.wasm).0, stripped((19, 1, 8)));

    mutated_modules(&m.wasm, 20_000, |wasm, _| unchanged_on_error(&wasm));
}

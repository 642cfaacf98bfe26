//! Blanks Rust's panic locations in a finished WebAssembly module.
//!
//! After `wasm-opt`, the widget's release module still carries a `core::panic::Location` for every place that can
//! panic: a 16-byte record in the data section (on wasm32 `file_ptr: u32, file_len: u32, line: u32, col: u32`,
//! little-endian) whose `&str` points at a source path such as
//! `/root/.cargo/registry/src/index.crates.io-…/yew-0.23.0/src/functional/hooks/use_reducer.rs` or
//! `src/state/thread/reduce.rs`, stored in the data section followed by a NUL byte (the length excludes the NUL).
//! Nothing in the program reads them except the panic message printer, and stable Rust cannot leave them out
//! (`-Zlocation-detail=none` is unstable), so this tool blanks them in the finished module: every record becomes
//! `(canonical, 0, 0, 0)`, an empty file name at the address of the first referenced path, and every referenced
//! path becomes a run of zero bytes. Both compress to almost nothing: −3.0 KB brotli on a 222 KB module.
//!
//! The module keeps its size and its structure: only bytes inside active data segments are rewritten, no section
//! or segment length changes. A panic still aborts as before; its message just names no file, line or column (an
//! empty `&str` at an address holding 0 is valid, and is an empty C string too).
//!
//! [`strip_locations`] does the work on a module in memory; `wasm-finish strip-locations` runs it on a file.

use std::fmt;

use crate::wasm::{self, ReadError, Reader};

/// The id of the data section.
const DATA_SECTION: u8 = 11;
/// The `end` opcode, which closes a constant expression.
const END: u8 = 0x0B;
/// The `i32.const` opcode.
const I32_CONST: u8 = 0x41;
/// The size of a `core::panic::Location` on wasm32.
const RECORD: usize = 16;
/// The longest file name taken for a location's (a longer one is left alone).
const MAX_FILE_LEN: u32 = 1024;
/// Lines of a location lie below this, columns below [`MAX_COL`]: values outside are not a location's.
const MAX_LINE: u32 = 10_000_000;
/// See [`MAX_LINE`].
const MAX_COL: u32 = 100_000;

/// What [`strip_locations`] changed in a module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stripped {
    /// Location records rewritten to `(canonical, 0, 0, 0)`.
    pub locations: usize,
    /// Distinct file names (address and length) zeroed.
    pub files: usize,
    /// Bytes of file names zeroed, each byte counted once even where two names overlap. The NUL after each name
    /// is not counted: it already was 0.
    pub file_bytes: usize,
}

/// Why a module could not be read. The module is left untouched whenever one is returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    /// The input does not start with the header of a WebAssembly binary module, version 1.
    NotWasm,
    /// A section, a segment or a number runs past the end of the module or of its section.
    Truncated,
    /// A LEB128 number at this file offset has more bytes or bits than its type holds.
    BadLeb {
        /// File offset of the number's first byte.
        offset: usize,
    },
    /// The module has no data section, so there is nothing to strip.
    NoDataSection,
    /// A data segment has a kind (flag) this tool does not know, so the segments after it cannot be found.
    UnsupportedSegment {
        /// Index of the segment in the data section.
        segment: u32,
        /// The segment's flag (0, 1 and 2 are known).
        flag: u32,
    },
    /// A data segment's offset expression holds an instruction this tool cannot step over.
    UnsupportedOffset {
        /// Index of the segment in the data section.
        segment: u32,
        /// The instruction's opcode.
        opcode: u8,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NoDataSection => f.write_str("no data section"),
            Error::UnsupportedSegment { segment, flag } => {
                write!(f, "data segment {segment} has unsupported kind {flag}")
            }
            Error::UnsupportedOffset { segment, opcode } => write!(
                f,
                "data segment {segment} has an offset expression with unsupported opcode {opcode:#04x}"
            ),
            // The reader's, worded alike in both passes.
            Error::NotWasm => ReadError::NotWasm.fmt(f),
            Error::Truncated => ReadError::Truncated.fmt(f),
            &Error::BadLeb { offset } => ReadError::BadLeb { offset }.fmt(f),
        }
    }
}

wasm::pass_error!(Error);

/// Blanks every panic location found in the active data segments of `wasm`, in place.
///
/// A location is a 16-byte record at a 4-aligned linear address inside an active segment of memory 0 whose
/// `(file_ptr, file_len)` names a path of 1 to 1024 printable, space-free ASCII bytes ending in `.rs`, wholly
/// inside one such segment and followed by a NUL if the segment goes on, and whose line lies in `1..10_000_000`
/// and column in `0..100_000`. All records are found first, then every referenced file name is zeroed and every
/// record is rewritten to `(canonical, 0, 0, 0)`, where `canonical` is the lowest referenced file name's address.
///
/// Returns what was changed; all zeros, with `wasm` unchanged, when no location is found. The slice's length never
/// changes, and on error nothing is written.
pub fn strip_locations(wasm: &mut [u8]) -> Result<Stripped, Error> {
    let segments = data_segments(wasm)?;
    let found = find_locations(wasm, &segments);
    let Some(canonical) = found.iter().map(|location| location.file_ptr).min() else {
        return Ok(Stripped::default());
    };

    let mut names: Vec<(usize, usize)> = found
        .iter()
        .map(|location| (location.file_offset, location.file_len))
        .collect();
    names.sort_unstable();
    names.dedup();

    let mut file_bytes = 0;
    let mut covered_to = 0;
    for &(offset, len) in &names {
        let end = offset.saturating_add(len);
        file_bytes += end.saturating_sub(offset.max(covered_to));
        covered_to = covered_to.max(end);
        if let Some(name) = wasm.get_mut(offset..end) {
            name.fill(0);
        }
    }

    let mut record = [0u8; RECORD];
    record[..4].copy_from_slice(&canonical.to_le_bytes());
    for location in &found {
        if let Some(bytes) = wasm.get_mut(location.record..location.record.saturating_add(RECORD)) {
            bytes.copy_from_slice(&record);
        }
    }

    Ok(Stripped {
        locations: found.len(),
        files: names.len(),
        file_bytes,
    })
}

/// An active data segment of memory 0 at a constant address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    /// Linear address of its first byte.
    addr: u64,
    /// File offset of its first byte.
    offset: usize,
    /// Its length in bytes.
    len: usize,
}

impl Segment {
    /// The linear address just past its last byte.
    fn end(&self) -> u64 {
        self.addr.saturating_add(self.len as u64)
    }
}

/// A location record found in the module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Found {
    /// File offset of the 16-byte record.
    record: usize,
    /// Linear address of its file name.
    file_ptr: u32,
    /// File offset of its file name.
    file_offset: usize,
    /// Length of its file name.
    file_len: usize,
}

/// Reads the module's sections and returns the active segments of memory 0 whose address is an `i32.const`.
fn data_segments(wasm: &[u8]) -> Result<Vec<Segment>, Error> {
    for section in wasm::sections(wasm)? {
        let section = section?;
        if section.id == DATA_SECTION {
            return data_section(section.content);
        }
    }
    Err(Error::NoDataSection)
}

/// Reads the data section's segments (the reader is bounded by the section).
fn data_section(mut reader: Reader<'_>) -> Result<Vec<Segment>, Error> {
    let count = reader.u32()?;
    let mut segments = Vec::new();
    for index in 0..count {
        let flag = reader.u32()?;
        let addr = match flag {
            0 => offset_expr(&mut reader, index)?,
            1 => None,
            2 => {
                let memory = reader.u32()?;
                let addr = offset_expr(&mut reader, index)?;
                addr.filter(|_| memory == 0)
            }
            _ => {
                return Err(Error::UnsupportedSegment {
                    segment: index,
                    flag,
                })
            }
        };
        let len = reader.len()?;
        let offset = reader.pos;
        reader.skip(len)?;
        if let Some(addr) = addr {
            segments.push(Segment {
                addr: u64::from(addr),
                offset,
                len,
            });
        }
    }
    Ok(segments)
}

/// Reads a segment's offset expression: the address when it is exactly `i32.const n; end` (n read as unsigned, as
/// wasm32 addresses are), `None` for any other expression this tool can step over.
fn offset_expr(reader: &mut Reader<'_>, segment: u32) -> Result<Option<u32>, Error> {
    let first = reader.byte()?;
    if first != I32_CONST {
        skip_expr(reader, first, segment)?;
        return Ok(None);
    }
    let addr = reader.s32()?;
    let next = reader.byte()?;
    if next == END {
        return Ok(Some(addr));
    }
    skip_expr(reader, next, segment)?;
    Ok(None)
}

/// Steps over the rest of a constant expression whose next opcode (already read) is `opcode`, up to and including
/// its `end`: the constants, `global.get`, the reference constants and extended-const arithmetic.
fn skip_expr(reader: &mut Reader<'_>, mut opcode: u8, segment: u32) -> Result<(), Error> {
    loop {
        match opcode {
            END => return Ok(()),
            I32_CONST => {
                reader.s32()?;
            }
            // i64.const; ref.null (heap type, an s33)
            0x42 | 0xD0 => reader.skip_leb(if opcode == 0x42 { 10 } else { 5 })?,
            // f32.const, f64.const
            0x43 => reader.skip(4)?,
            0x44 => reader.skip(8)?,
            // global.get, ref.func
            0x23 | 0xD2 => {
                reader.u32()?;
            }
            // i32.add, i32.sub, i32.mul, i64.add, i64.sub, i64.mul
            0x6A..=0x6C | 0x7C..=0x7E => {}
            _ => return Err(Error::UnsupportedOffset { segment, opcode }),
        }
        opcode = reader.byte()?;
    }
}

/// Finds every location record in the segments, without changing anything.
fn find_locations(wasm: &[u8], segments: &[Segment]) -> Vec<Found> {
    let mut found = Vec::new();
    for segment in segments {
        // The first byte of the segment at a 4-aligned linear address.
        let first = ((4 - segment.addr % 4) % 4) as usize;
        let Some(bytes) = segment
            .offset
            .checked_add(segment.len)
            .and_then(|end| wasm.get(segment.offset..end))
        else {
            continue;
        };
        let Some(aligned) = bytes.get(first..) else {
            continue;
        };
        for (k, window) in aligned.windows(RECORD).step_by(4).enumerate() {
            if let Some(location) = location(wasm, segments, window, segment.offset + first + 4 * k)
            {
                found.push(location);
            }
        }
    }
    found
}

/// The location record in `window` (16 bytes at file offset `record`), if it is one.
fn location(wasm: &[u8], segments: &[Segment], window: &[u8], record: usize) -> Option<Found> {
    let word = |k: usize| -> Option<u32> {
        let bytes = window.get(4 * k..4 * k + 4)?;
        Some(u32::from_le_bytes(bytes.try_into().ok()?))
    };
    let (file_ptr, file_len, line, col) = (word(0)?, word(1)?, word(2)?, word(3)?);
    if !(1..=MAX_FILE_LEN).contains(&file_len) || !(1..MAX_LINE).contains(&line) || col >= MAX_COL {
        return None;
    }
    let start = u64::from(file_ptr);
    let end = u64::from(file_ptr.checked_add(file_len)?);
    let segment = segments
        .iter()
        .find(|segment| segment.addr <= start && end <= segment.end())?;
    let file_offset = segment
        .offset
        .checked_add(usize::try_from(start - segment.addr).ok()?)?;
    let file_len = usize::try_from(file_len).ok()?;
    let name_end = file_offset.checked_add(file_len)?;
    let name = wasm.get(file_offset..name_end)?;
    if !name.iter().all(|byte| (0x21..=0x7E).contains(byte)) || !name.ends_with(b".rs") {
        return None;
    }
    if end < segment.end() && wasm.get(name_end) != Some(&0) {
        return None;
    }
    Some(Found {
        record,
        file_ptr,
        file_offset,
        file_len,
    })
}

#[cfg(test)]
mod tests;

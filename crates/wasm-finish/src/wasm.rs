//! What both passes read and write of a WebAssembly binary module: its header, its sections, LEB128 numbers and
//! names. Reading goes through a bounds-checked cursor that never panics; its errors ([`ReadError`]) become each
//! pass's own public error through `From`, so the passes keep their error types and messages.

use std::fmt;

/// The first eight bytes of a WebAssembly binary module: the magic `\0asm` and version 1.
pub(crate) const HEADER: [u8; 8] = *b"\0asm\x01\0\0\0";

/// Why a module could not be read, whatever the pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReadError {
    /// The input does not start with [`HEADER`].
    NotWasm,
    /// A section, a name or a number runs past the end of the module or of its section.
    Truncated,
    /// A LEB128 number at this file offset has more bytes or bits than its type holds.
    BadLeb {
        /// File offset of the number's first byte.
        offset: usize,
    },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotWasm => f.write_str("not a WebAssembly module (version 1)"),
            ReadError::Truncated => f.write_str("truncated WebAssembly module"),
            ReadError::BadLeb { offset } => write!(f, "malformed LEB128 number at byte {offset}"),
        }
    }
}

/// What a pass's public error type `$error` shares with the other's: `std::error::Error` (over its own `Display`),
/// and `From<ReadError>`, for it has the variants `NotWasm`, `Truncated` and `BadLeb { offset }` too.
macro_rules! pass_error {
    ($error:ident) => {
        impl std::error::Error for $error {}

        impl From<$crate::wasm::ReadError> for $error {
            fn from(err: $crate::wasm::ReadError) -> Self {
                match err {
                    $crate::wasm::ReadError::NotWasm => $error::NotWasm,
                    $crate::wasm::ReadError::Truncated => $error::Truncated,
                    $crate::wasm::ReadError::BadLeb { offset } => $error::BadLeb { offset },
                }
            }
        }
    };
}
pub(crate) use pass_error;

/// A bounds-checked cursor over `data[..end]`. Positions are offsets in `data` (the whole module), so an error
/// names a file offset even when the cursor is bounded by a section.
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    /// The file offset of the next byte.
    pub(crate) pos: usize,
    /// The file offset the reader stops at.
    pub(crate) end: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(data: &'a [u8], pos: usize, end: usize) -> Self {
        Reader { data, pos, end }
    }

    /// The next byte.
    pub(crate) fn byte(&mut self) -> Result<u8, ReadError> {
        if self.pos >= self.end {
            return Err(ReadError::Truncated);
        }
        let byte = *self.data.get(self.pos).ok_or(ReadError::Truncated)?;
        self.pos += 1;
        Ok(byte)
    }

    /// Steps over `n` bytes.
    pub(crate) fn skip(&mut self, n: usize) -> Result<(), ReadError> {
        match self.pos.checked_add(n) {
            Some(next) if next <= self.end => {
                self.pos = next;
                Ok(())
            }
            _ => Err(ReadError::Truncated),
        }
    }

    /// The bytes from file offset `start` to the cursor.
    pub(crate) fn since(&self, start: usize) -> Result<&'a [u8], ReadError> {
        self.data.get(start..self.pos).ok_or(ReadError::Truncated)
    }

    /// An unsigned LEB128 `u32`.
    pub(crate) fn u32(&mut self) -> Result<u32, ReadError> {
        let offset = self.pos;
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = self.byte()?;
            if shift == 28 && byte & 0xF0 != 0 {
                return Err(ReadError::BadLeb { offset });
            }
            value |= u32::from(byte & 0x7F) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ReadError::BadLeb { offset })
    }

    /// An unsigned LEB128 `u32` used as a length.
    pub(crate) fn len(&mut self) -> Result<usize, ReadError> {
        usize::try_from(self.u32()?).map_err(|_| ReadError::Truncated)
    }

    /// A signed LEB128 `i32`, returned as its two's-complement bits.
    pub(crate) fn s32(&mut self) -> Result<u32, ReadError> {
        let offset = self.pos;
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = self.byte()?;
            if shift == 28 {
                // The last byte: no continuation, and bits 4..7 repeat the sign (bit 3).
                let high = byte & 0xF0;
                if (high != 0 && high != 0x70) || (high == 0x70) != (byte & 0x08 != 0) {
                    return Err(ReadError::BadLeb { offset });
                }
                return Ok(value | u32::from(byte & 0x0F) << 28);
            }
            value |= u32::from(byte & 0x7F) << shift;
            if byte & 0x80 == 0 {
                if byte & 0x40 != 0 {
                    value |= u32::MAX << (shift + 7);
                }
                return Ok(value);
            }
        }
        Err(ReadError::BadLeb { offset })
    }

    /// Steps over a LEB128 number of at most `max` bytes.
    pub(crate) fn skip_leb(&mut self, max: usize) -> Result<(), ReadError> {
        let offset = self.pos;
        for _ in 0..max {
            if self.byte()? & 0x80 == 0 {
                return Ok(());
            }
        }
        Err(ReadError::BadLeb { offset })
    }

    /// A name: its length, then its bytes.
    pub(crate) fn name(&mut self) -> Result<&'a [u8], ReadError> {
        let len = self.len()?;
        let start = self.pos;
        self.skip(len)?;
        self.since(start)
    }
}

/// One section of a module.
pub(crate) struct Section<'a> {
    /// Its id.
    pub(crate) id: u8,
    /// All its bytes: id, size (as written, padded or not) and content.
    pub(crate) raw: &'a [u8],
    /// A reader bounded by its content.
    pub(crate) content: Reader<'a>,
}

/// The sections of `wasm` in order, once its header is checked. Each section's size is checked against the end of
/// the module; the first error ends the iteration.
pub(crate) fn sections(wasm: &[u8]) -> Result<Sections<'_>, ReadError> {
    if wasm.get(..HEADER.len()) != Some(&HEADER[..]) {
        return Err(ReadError::NotWasm);
    }
    Ok(Sections {
        reader: Reader::new(wasm, HEADER.len(), wasm.len()),
        failed: false,
    })
}

/// The iterator of [`sections`].
pub(crate) struct Sections<'a> {
    reader: Reader<'a>,
    failed: bool,
}

impl<'a> Sections<'a> {
    fn section(&mut self) -> Result<Section<'a>, ReadError> {
        let reader = &mut self.reader;
        let start = reader.pos;
        let id = reader.byte()?;
        let size = reader.len()?;
        let content = reader.pos;
        reader.skip(size)?;
        Ok(Section {
            id,
            raw: reader.since(start)?,
            content: Reader::new(reader.data, content, reader.pos),
        })
    }
}

impl<'a> Iterator for Sections<'a> {
    type Item = Result<Section<'a>, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.reader.pos >= self.reader.end {
            return None;
        }
        let section = self.section();
        self.failed = section.is_err();
        Some(section)
    }
}

/// Appends `value` as unsigned LEB128, in as few bytes as it takes.
pub(crate) fn write_uleb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7F) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Appends a name: its length, then its bytes.
pub(crate) fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    write_uleb(out, name.len() as u64);
    out.extend_from_slice(name);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `bytes` with `read`: its value, or its error, and where the reader stopped.
    fn read<'a, T>(
        bytes: &'a [u8],
        read: impl FnOnce(&mut Reader<'a>) -> Result<T, ReadError>,
    ) -> (Result<T, ReadError>, usize) {
        let mut reader = Reader::new(bytes, 0, bytes.len());
        let value = read(&mut reader);
        (value, reader.pos)
    }

    #[test]
    fn reads_leb128_numbers_at_their_limits() {
        assert_eq!(read(&[0xAC, 0x02, 9], Reader::u32), (Ok(300), 2));
        assert_eq!(
            read(&[0xFF, 0xFF, 0xFF, 0xFF, 0x0F], Reader::u32),
            (Ok(u32::MAX), 5)
        );
        // A fifth byte with bits beyond 32, a sixth byte, a number cut short.
        for bytes in [&[0xFF, 0xFF, 0xFF, 0xFF, 0x1F][..], &[0x80; 5]] {
            assert_eq!(
                read(bytes, Reader::u32).0,
                Err(ReadError::BadLeb { offset: 0 })
            );
        }
        assert_eq!(read(&[0x80], Reader::u32).0, Err(ReadError::Truncated));

        assert_eq!(read(&[0x7F], Reader::s32), (Ok(u32::MAX), 1));
        assert_eq!(read(&[0x80, 0x80, 0x7C], Reader::s32), (Ok(0xFFFF_0000), 3));
        assert_eq!(
            read(&[0x80, 0x80, 0x80, 0x80, 0x78], Reader::s32),
            (Ok(0x8000_0000), 5)
        );
        assert_eq!(
            read(&[0xFF, 0xFF, 0xFF, 0xFF, 0x07], Reader::s32),
            (Ok(0x7FFF_FFFF), 5)
        );
        // The fifth byte's high bits must repeat the sign bit.
        for last in [0x08, 0x70, 0x17, 0x80] {
            let bytes = [0x80, 0x80, 0x80, 0x80, last];
            assert_eq!(
                read(&bytes, Reader::s32).0,
                Err(ReadError::BadLeb { offset: 0 }),
                "{last:#04x}"
            );
        }

        assert_eq!(read(&[0x80, 0x80, 0x01], |r| r.skip_leb(3)), (Ok(()), 3));
        assert_eq!(
            read(&[0x80, 0x80, 0x01], |r| r.skip_leb(2)).0,
            Err(ReadError::BadLeb { offset: 0 })
        );
    }

    #[test]
    fn reads_names_within_its_bounds() {
        assert_eq!(read(&[2, b'a', b'b', 0], Reader::name), (Ok(&b"ab"[..]), 3));
        assert_eq!(
            read(&[3, b'a', b'b'], Reader::name).0,
            Err(ReadError::Truncated)
        );
        // The data goes on, but the reader's end comes first.
        let mut reader = Reader::new(&[1, 2, 3, 4], 1, 3);
        assert_eq!(reader.skip(2), Ok(()));
        assert_eq!(reader.since(1), Ok(&[2, 3][..]));
        assert_eq!(reader.byte(), Err(ReadError::Truncated));
        assert_eq!(reader.skip(1), Err(ReadError::Truncated));
    }

    #[test]
    fn walks_sections_and_stops_at_the_first_error() {
        let mut wasm = HEADER.to_vec();
        // A custom section of two bytes whose size is padded to two bytes, then one running past the end.
        wasm.extend_from_slice(&[0, 0x82, 0x00, 7, 8, 11, 0x05, 1]);
        let mut walk = sections(&wasm).expect("a module");
        let first = walk.next().expect("a section").expect("whole");
        assert_eq!((first.id, first.raw), (0, &[0, 0x82, 0x00, 7, 8][..]));
        assert_eq!(
            (first.content.pos, first.content.end),
            (HEADER.len() + 3, HEADER.len() + 5)
        );
        assert!(matches!(walk.next(), Some(Err(ReadError::Truncated))));
        assert!(walk.next().is_none());
        assert!(matches!(sections(b"\0asm"), Err(ReadError::NotWasm)));
        assert_eq!(sections(&HEADER).map(Iterator::count).ok(), Some(0));
    }

    #[test]
    fn read_errors_say_the_same_in_both_passes() {
        for (err, message) in [
            (ReadError::NotWasm, "not a WebAssembly module (version 1)"),
            (ReadError::Truncated, "truncated WebAssembly module"),
            (
                ReadError::BadLeb { offset: 9 },
                "malformed LEB128 number at byte 9",
            ),
        ] {
            assert_eq!(err.to_string(), message);
            assert_eq!(crate::locations::Error::from(err).to_string(), message);
            assert_eq!(crate::imports::Error::from(err).to_string(), message);
        }
        assert_eq!(
            crate::locations::Error::from(ReadError::BadLeb { offset: 9 }),
            crate::locations::Error::BadLeb { offset: 9 }
        );
        assert_eq!(
            crate::imports::Error::from(ReadError::Truncated),
            crate::imports::Error::Truncated
        );
    }

    #[test]
    fn writes_names_after_their_length() {
        let mut out = Vec::new();
        write_name(&mut out, &[b'x'; 130]);
        assert_eq!(out[..3], [0x82, 0x01, b'x']);
        assert_eq!(out.len(), 132);
    }
}

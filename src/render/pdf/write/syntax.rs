//! PDF object syntax written straight into a byte buffer: numbers, names, strings,
//! references and the `n 0 obj … endobj` frame, in exactly the form lopdf writes them
//! (so a letter's bytes do not depend on which of the two wrote it).

use std::io::Write;

/// Appends `value` as a PDF integer.
pub fn int(out: &mut Vec<u8>, value: i64) {
    let mut buffer = itoa_buffer();
    out.extend_from_slice(format_int(&mut buffer, value));
}

/// Appends `value` as a PDF real: Rust's shortest round-trip decimal, no exponent
/// (`16`, `0.35`, `-12.5`), as lopdf's `Object::Real` is written.
pub fn real(out: &mut Vec<u8>, value: f32) {
    // Whole numbers (the common case: sizes, zeros, ones) skip the float formatter;
    // `-0.0` is left to it, which writes "-0".
    if value.fract() == 0.0 && value.abs() < 1.0e9 && !(value == 0.0 && value.is_sign_negative()) {
        int(out, value as i64);
    } else {
        // Writing to a Vec cannot fail.
        let _ = write!(out, "{value}");
    }
}

/// Appends `/name`, escaping delimiters, white space and bytes outside `!`–`~` as `#XX`.
pub fn name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &byte in name {
        if b" \t\n\r\x0C()<>[]{}/%#".contains(&byte) || !(33..=126).contains(&byte) {
            out.push(b'#');
            hex_byte(out, byte);
        } else {
            out.push(byte);
        }
    }
}

/// Appends `(text)`: backslashes, carriage returns and unbalanced parentheses escaped.
pub fn literal(out: &mut Vec<u8>, text: &[u8]) {
    let mut escape = Vec::new();
    let mut open = Vec::new();
    for (index, &byte) in text.iter().enumerate() {
        match byte {
            b'(' => open.push(index),
            b')' if open.pop().is_none() => escape.push(index),
            b'\\' | b'\r' => escape.push(index),
            _ => {}
        }
    }
    escape.append(&mut open);
    out.push(b'(');
    if escape.is_empty() {
        out.extend_from_slice(text);
    } else {
        for (index, &byte) in text.iter().enumerate() {
            if escape.contains(&index) {
                out.push(b'\\');
                out.push(if byte == b'\r' { b'r' } else { byte });
            } else {
                out.push(byte);
            }
        }
    }
    out.push(b')');
}

/// Appends `<HEX>`, upper-case.
pub fn hex(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'<');
    for &byte in bytes {
        hex_byte(out, byte);
    }
    out.push(b'>');
}

/// Appends a text string (title, author): literal ASCII, else UTF-16BE with a
/// byte-order mark, in hex.
pub fn text_string(out: &mut Vec<u8>, text: &str) {
    if text.is_ascii() {
        literal(out, text.as_bytes());
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        hex(out, &bytes);
    }
}

/// Appends `id 0 R`.
pub fn reference(out: &mut Vec<u8>, id: u32) {
    int(out, i64::from(id));
    out.extend_from_slice(b" 0 R");
}

/// Appends references separated by spaces (an array's contents).
pub fn references(out: &mut Vec<u8>, ids: impl IntoIterator<Item = u32>) {
    for (i, id) in ids.into_iter().enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        reference(out, id);
    }
}

/// Appends numbers separated by spaces (an array's contents).
pub fn reals(out: &mut Vec<u8>, values: &[f32]) {
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        real(out, *value);
    }
}

/// Appends the two upper-case hex digits of `byte`.
pub fn hex_byte(out: &mut Vec<u8>, byte: u8) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    out.push(DIGITS[usize::from(byte >> 4)]);
    out.push(DIGITS[usize::from(byte & 0x0F)]);
}

/// A stream object's body: its dictionary (`head`, without the closing `>>`, then
/// /Length and, when compressed, /Filter) and its data.
pub fn stream(out: &mut Vec<u8>, head: &[u8], data: &[u8], compressed: bool) {
    out.extend_from_slice(head);
    out.extend_from_slice(b"/Length ");
    int(out, data.len() as i64);
    if compressed {
        out.extend_from_slice(b"/Filter/FlateDecode");
    }
    out.extend_from_slice(b">>stream\n");
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
}

/// A PDF file being written: the bytes not yet handed on to the output, and where in
/// the whole file each object starts. Objects are numbered in the order they are
/// written, except numbers reserved ahead (a page tree node that pages point to before
/// it is written), which are written later.
pub struct File {
    pub bytes: Vec<u8>,
    /// Each object's offset in the whole file, by number - 1; 0 while only reserved
    /// (the header is there, so no object starts at 0). Eight bytes an object: this is
    /// most of what a combined PDF keeps per letter.
    offsets: Vec<u64>,
    /// How many bytes were handed on before `bytes`.
    handed_on: u64,
}

/// The most objects a file holds here: numbers are `u32`.
const MAX_OBJECTS: usize = u32::MAX as usize - 1;

/// The last offset a cross-reference table can give: ten digits.
const MAX_OFFSET: u64 = 9_999_999_999;

impl File {
    /// A file with its header (version 1.7 and a binary marker).
    pub fn new(capacity: usize) -> File {
        let mut bytes = Vec::with_capacity(capacity);
        bytes.extend_from_slice(b"%PDF-1.7\n%\xBB\xAD\xC0\xDE\n");
        File {
            bytes,
            offsets: Vec::new(),
            handed_on: 0,
        }
    }

    /// The number the next object written takes.
    pub fn next_id(&self) -> u32 {
        // `reserve` keeps the count within `MAX_OBJECTS`.
        (self.offsets.len() + 1) as u32
    }

    /// Room for `count` more objects: the numbers from [`File::next_id`] on, checked
    /// before they are used.
    pub fn room(&self, count: usize) -> Result<(), String> {
        if self.offsets.len() + count <= MAX_OBJECTS {
            Ok(())
        } else {
            Err("too many objects for one PDF".to_string())
        }
    }

    /// Reserves the next number for an object written later with [`File::begin`].
    pub fn reserve(&mut self) -> Result<u32, String> {
        self.room(1)?;
        let id = self.next_id();
        self.offsets.push(0);
        Ok(id)
    }

    /// Starts object `id`: the next number, or one reserved and not yet written. The
    /// caller writes its body, then calls [`File::end`] or [`File::end_stream`].
    pub fn begin(&mut self, id: u32) {
        let at = self.handed_on + self.bytes.len() as u64;
        let index = id as usize - 1;
        if index == self.offsets.len() {
            self.offsets.push(at);
        } else {
            debug_assert_eq!(self.offsets[index], 0, "object {id} written twice");
            self.offsets[index] = at;
        }
        int(&mut self.bytes, i64::from(id));
        self.bytes.extend_from_slice(b" 0 obj\n");
    }

    /// Ends a dictionary object.
    pub fn end(&mut self) {
        self.bytes.extend_from_slice(b"\nendobj\n");
    }

    /// Ends a stream object (lopdf puts a space after `endstream`).
    pub fn end_stream(&mut self) {
        self.bytes.extend_from_slice(b" \nendobj\n");
    }

    /// Hands the bytes written so far on to `out`.
    pub fn hand_on(&mut self, out: &mut impl Write) -> std::io::Result<()> {
        out.write_all(&self.bytes)?;
        self.handed_on += self.bytes.len() as u64;
        self.bytes.clear();
        if self.handed_on > MAX_OFFSET {
            return Err(std::io::Error::other(
                "a PDF's cross-reference table reaches no further than 10 GB: write fewer letters to one file",
            ));
        }
        Ok(())
    }

    /// Writes the cross-reference table to `out` (in pieces: it has a line per object)
    /// and returns the trailer, with `root`, `info` and an /ID of zeros to be replaced
    /// by the content hash, and where in it the /ID's first hex string starts.
    pub fn finish(
        mut self,
        root: u32,
        info: u32,
        out: &mut impl Write,
    ) -> std::io::Result<(Vec<u8>, usize)> {
        self.hand_on(out)?;
        let xref = self.handed_on;
        let size = self.offsets.len() + 1;
        self.write_xref(size, out)?;
        Ok(trailer(root, info, size, xref))
    }

    /// The cross-reference table of `size` entries (the free object 0 first), to `out`.
    fn write_xref(&mut self, size: usize, out: &mut impl Write) -> std::io::Result<()> {
        self.bytes.extend_from_slice(b"xref\n0 ");
        int(&mut self.bytes, size as i64);
        self.bytes.extend_from_slice(b"\n0000000000 65535 f \n");
        for (index, offset) in self.offsets.iter().enumerate() {
            if *offset == 0 {
                return Err(std::io::Error::other(format!(
                    "object {} was reserved but never written",
                    index + 1
                )));
            }
            // Writing to a Vec cannot fail.
            let _ = writeln!(self.bytes, "{offset:>010} 00000 n ");
            if self.bytes.len() >= 64 * 1024 {
                out.write_all(&self.bytes)?;
                self.bytes.clear();
            }
        }
        out.write_all(&self.bytes)
    }
}

/// The trailer of a file of `size` objects whose cross-reference table starts at
/// `xref`, with an /ID of zeros, and where the /ID's first hex string starts.
fn trailer(root: u32, info: u32, size: usize, xref: u64) -> (Vec<u8>, usize) {
    let mut trailer = Vec::with_capacity(160);
    trailer.extend_from_slice(b"trailer\n<</Root ");
    reference(&mut trailer, root);
    trailer.extend_from_slice(b"/Info ");
    reference(&mut trailer, info);
    trailer.extend_from_slice(b"/ID[");
    let id_at = trailer.len() + 1;
    for _ in 0..2 {
        trailer.push(b'<');
        trailer.extend_from_slice(&[b'0'; 32]);
        trailer.push(b'>');
    }
    trailer.extend_from_slice(b"]/Size ");
    int(&mut trailer, size as i64);
    trailer.extend_from_slice(b">>\nstartxref\n");
    int(&mut trailer, xref as i64);
    trailer.extend_from_slice(b"\n%%EOF");
    (trailer, id_at)
}

/// Room for an `i64` in decimal.
fn itoa_buffer() -> [u8; 20] {
    [0; 20]
}

fn format_int(buffer: &mut [u8; 20], value: i64) -> &[u8] {
    let mut n = value.unsigned_abs();
    let mut at = buffer.len();
    loop {
        at -= 1;
        buffer[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if value < 0 {
        at -= 1;
        buffer[at] = b'-';
    }
    &buffer[at..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(f: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        f(&mut out);
        String::from_utf8(out).unwrap()
    }

    /// How lopdf writes `object` (as the operand of a content stream operator).
    fn lopdf_writes(object: lopdf::Object) -> String {
        let content = lopdf::content::Content {
            operations: vec![lopdf::content::Operation::new("x", vec![object])],
        };
        let bytes = content.encode().unwrap();
        String::from_utf8(bytes)
            .unwrap()
            .trim_end_matches(" x")
            .to_string()
    }

    #[test]
    fn numbers_are_written_as_lopdf_writes_them() {
        for value in [
            0.0f32, 1.0, 16.0, 8.5, 0.35, -12.5, 771.73254, 1.0e-7, -0.0, 3.0e9,
        ] {
            let ours = written(|out| real(out, value));
            assert_eq!(ours, lopdf_writes(lopdf::Object::Real(value)), "{value}");
        }
        for value in [0i64, 7, -42, i64::MAX, i64::MIN] {
            assert_eq!(written(|out| int(out, value)), value.to_string());
        }
    }

    #[test]
    fn names_and_strings_are_escaped_as_lopdf_escapes_them() {
        for text in [
            &b"letters (printpdf)"[..],
            b"a)b(c",
            b"back\\slash\r",
            b"plain",
        ] {
            let ours = written(|out| literal(out, text));
            let object = lopdf::Object::String(text.to_vec(), lopdf::StringFormat::Literal);
            assert_eq!(ours, lopdf_writes(object));
        }
        assert_eq!(written(|out| name(out, b"A B#")), "/A#20B#23");
        assert_eq!(written(|out| hex(out, &[0, 0xAB])), "<00AB>");
    }
}

//! Flate compression of stream data, at one level for everything a letter holds, with
//! one compressor per thread reused from stream to stream (a compressor is some 300 KB
//! of tables: making one per stream cost more than compressing a page's text).

use std::cell::RefCell;

use flate2::{Compress, Compression, FlushCompress, Status};

/// The Flate level of every stream: lopdf's own `compress` uses the best (9), which
/// made these streams most of the time a letter took, for a few hundred bytes.
const LEVEL: u32 = 6;

thread_local! {
    static COMPRESSOR: RefCell<Option<Compress>> = const { RefCell::new(None) };
}

/// `bytes` zlib-compressed, if that saves more than 19 bytes (lopdf's rule for when a
/// stream is worth a filter). A reset compressor starts from the same state as a new
/// one, so the result is a pure function of `bytes`.
pub fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    COMPRESSOR.with(|cell| {
        let mut cell = cell.borrow_mut();
        let compressor = cell.get_or_insert_with(|| Compress::new(Compression::new(LEVEL), true));
        compressor.reset();
        let compressed = run(compressor, bytes);
        if compressed.is_none() {
            // Leave no half-used compressor behind.
            *cell = None;
        }
        compressed.filter(|c| c.len() + 19 < bytes.len())
    })
}

fn run(compressor: &mut Compress, bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len() / 2 + 64);
    loop {
        let consumed = usize::try_from(compressor.total_in()).ok()?;
        let rest = bytes.get(consumed..)?;
        if out.capacity() - out.len() < 64 {
            out.reserve(out.capacity().max(1024));
        }
        match compressor
            .compress_vec(rest, &mut out, FlushCompress::Finish)
            .ok()?
        {
            Status::StreamEnd => return Some(out),
            Status::Ok | Status::BufError => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn encoder(bytes: &[u8]) -> Vec<u8> {
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(LEVEL));
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn a_reused_compressor_gives_what_a_new_one_gives() {
        let text: Vec<u8> = (0..200_000u32)
            .map(|i| b"BT /F1 11 Tf [<0042><0043>] TJ ET\n"[(i % 34) as usize] ^ (i % 7) as u8)
            .collect();
        for bytes in [
            &text[..],
            &text[..5_000],
            b"short but compressible short but",
            &[],
        ] {
            let expected = encoder(bytes);
            let ours = deflate(bytes);
            if expected.len() + 19 < bytes.len() {
                assert!(ours == Some(expected));
            } else {
                assert!(ours.is_none());
            }
        }
    }
}

//! Flate compression of stream data (zlib-rs, through flate2), with one compressor per
//! thread and level reused from stream to stream (a compressor is a few hundred KB of
//! tables: making one per stream cost more than compressing a page's text). The output
//! depends only on the input and the level, not on the processor's features.

use std::cell::RefCell;

use flate2::{Compress, Compression, FlushCompress, Status};

/// How hard to compress a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Font programs: level 6. Most are made once per run and are the bulk of a
    /// letter's bytes (lopdf's own `compress` uses 9, which made these streams most of
    /// the time a letter took, for a few hundred bytes).
    Font = 6,
    /// What each letter writes anew (page contents, Unicode maps): level 3, which
    /// compresses them in well under the time level 6 takes, for a few hundred bytes
    /// more per letter.
    Text = 3,
}

thread_local! {
    static COMPRESSORS: RefCell<[Option<Compress>; 2]> = const { RefCell::new([None, None]) };
}

/// `bytes` zlib-compressed at `level`, if that saves more than 19 bytes (lopdf's rule
/// for when a stream is worth a filter). A reset compressor starts from the same state
/// as a new one, so the result is a pure function of `bytes` and `level`.
pub fn deflate(bytes: &[u8], level: Level) -> Option<Vec<u8>> {
    let slot = usize::from(level == Level::Text);
    COMPRESSORS.with(|cell| {
        let mut compressors = cell.borrow_mut();
        let compressor = compressors[slot]
            .get_or_insert_with(|| Compress::new(Compression::new(level as u32), true));
        compressor.reset();
        let compressed = run(compressor, bytes);
        if compressed.is_none() {
            // Leave no half-used compressor behind.
            compressors[slot] = None;
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

    fn encoder(bytes: &[u8], level: Level) -> Vec<u8> {
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(level as u32));
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn a_reused_compressor_gives_what_a_new_one_gives() {
        let text: Vec<u8> = (0..200_000u32)
            .map(|i| b"BT /F1 11 Tf [<0042><0043>] TJ ET\n"[(i % 34) as usize] ^ (i % 7) as u8)
            .collect();
        for level in [Level::Text, Level::Font, Level::Text] {
            for bytes in [
                &text[..],
                &text[..5_000],
                b"short but compressible short but",
                &[],
            ] {
                let expected = encoder(bytes, level);
                let ours = deflate(bytes, level);
                if expected.len() + 19 < bytes.len() {
                    assert!(ours == Some(expected));
                } else {
                    assert!(ours.is_none());
                }
            }
        }
    }
}

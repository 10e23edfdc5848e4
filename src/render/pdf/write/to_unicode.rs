//! ToUnicode maps: which characters a font's codes draw, so that text can be copied
//! and searched, written as a CMap in exactly printpdf's text.

use super::syntax;

/// The ToUnicode CMap (printpdf's text): `coded` ascending by code, in blocks of at
/// most 100 mappings that never straddle a change of the code's high byte.
pub fn to_unicode(resource: &str, coded: &[(u16, u16, char)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(600 + 16 * coded.len());
    out.extend_from_slice(
        b"/CIDInit /ProcSet findresource begin\n\n12 dict begin\n\nbegincmap\n\n%!PS-Adobe-3.0 \
          Resource-CMap\n%%DocumentNeededResources: procset CIDInit\n%%IncludeResource: \
          procset CIDInit\n\n/CIDSystemInfo 3 dict dup begin\n/Registry (FontSpecific) \
          def\n/Ordering (",
    );
    out.extend_from_slice(resource.as_bytes());
    out.extend_from_slice(b") def\n/Supplement 0 def\nend def\n\n/CMapName /FontSpecific-");
    out.extend_from_slice(resource.as_bytes());
    out.extend_from_slice(
        b" def\n/CMapVersion 1 def\n/CMapType 2 def\n/WMode 0 def\n\n1 \
          begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for group in coded.chunk_by(|a, b| a.0 >> 8 == b.0 >> 8) {
        for chunk in group.chunks(100) {
            syntax::int(&mut out, chunk.len() as i64);
            out.extend_from_slice(b" beginbfchar\n");
            for (code, _, c) in chunk {
                out.push(b'<');
                hex16(&mut out, *code);
                out.extend_from_slice(b"> <");
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    hex16(&mut out, *unit);
                }
                out.extend_from_slice(b">\n");
            }
            out.extend_from_slice(b"endbfchar\n");
        }
    }
    out.extend_from_slice(b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}

fn hex16(out: &mut Vec<u8>, value: u16) {
    let [high, low] = value.to_be_bytes();
    syntax::hex_byte(out, high);
    syntax::hex_byte(out, low);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_unicode_map_is_printpdfs() {
        let coded: Vec<(u16, u16, char)> = (1..=130u16)
            .map(|code| {
                (
                    code * 3,
                    code,
                    char::from_u32(0x40 + u32::from(code)).unwrap(),
                )
            })
            .chain([(0x300, 0, '😀')])
            .collect();
        let cmap = printpdf::cmap::ToUnicodeCMap {
            mappings: coded
                .iter()
                .map(|(code, _, c)| (u32::from(*code), vec![u32::from(*c)]))
                .collect(),
        };
        let expected = cmap.to_cmap_string("F3");
        assert_eq!(
            String::from_utf8(to_unicode("F3", &coded)).unwrap(),
            expected
        );
    }
}

//! The sRGB colour profile of the output intent PDF/A asks for (ISO 19005-2, 6.2.3):
//! our text, rules and signature are DeviceRGB, and the output intent says that means
//! sRGB. The profile is built here from the numbers IEC 61966-2-1 defines (primaries
//! adapted to the D50 white of the profile connection space, the sRGB tone curve as a
//! table), as an ICC version 2 display profile, so no third party's file is bundled.

use std::sync::OnceLock;

/// Entries of each tone curve table.
const CURVE: usize = 256;

/// The identifier an output intent names the profile by.
pub const CONDITION: &str = "sRGB IEC61966-2.1";

/// The profile's bytes, built once.
pub fn srgb() -> &'static [u8] {
    static PROFILE: OnceLock<Vec<u8>> = OnceLock::new();
    PROFILE.get_or_init(build)
}

/// An s15Fixed16Number.
fn fixed(out: &mut Vec<u8>, value: f64) {
    out.extend_from_slice(&((value * 65536.0).round() as i32).to_be_bytes());
}

fn xyz(x: f64, y: f64, z: f64) -> Vec<u8> {
    let mut data = b"XYZ \0\0\0\0".to_vec();
    for value in [x, y, z] {
        fixed(&mut data, value);
    }
    data
}

/// The sRGB tone curve, from encoded values to linear light.
fn curve() -> Vec<u8> {
    let mut data = b"curv\0\0\0\0".to_vec();
    data.extend_from_slice(&(CURVE as u32).to_be_bytes());
    for i in 0..CURVE {
        let v = i as f64 / (CURVE - 1) as f64;
        let linear = if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        };
        data.extend_from_slice(&((linear * 65535.0).round() as u16).to_be_bytes());
    }
    data
}

/// A textDescriptionType: ASCII only, no Unicode or ScriptCode description.
fn description(text: &str) -> Vec<u8> {
    let mut data = b"desc\0\0\0\0".to_vec();
    data.extend_from_slice(&(text.len() as u32 + 1).to_be_bytes());
    data.extend_from_slice(text.as_bytes());
    data.push(0);
    data.extend_from_slice(&[0; 4 + 4 + 2 + 1 + 67]);
    data
}

fn text(text: &str) -> Vec<u8> {
    let mut data = b"text\0\0\0\0".to_vec();
    data.extend_from_slice(text.as_bytes());
    data.push(0);
    data
}

fn build() -> Vec<u8> {
    let trc = curve();
    let tags: [(&[u8; 4], Vec<u8>); 9] = [
        (b"desc", description(CONDITION)),
        (b"cprt", text("No copyright, use freely")),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.436_074_7, 0.222_504_5, 0.013_932_2)),
        (b"gXYZ", xyz(0.385_064_9, 0.716_878_6, 0.097_104_5)),
        (b"bXYZ", xyz(0.143_080_4, 0.060_616_9, 0.714_173_3)),
        (b"rTRC", trc.clone()),
        (b"gTRC", trc.clone()),
        (b"bTRC", trc),
    ];
    let table = 128 + 4 + 12 * tags.len();
    let mut data = Vec::new();
    let mut entries = Vec::new();
    // The three tone curves are one table.
    let mut curve_at = None;
    for (signature, bytes) in &tags {
        let is_curve = signature.ends_with(b"TRC");
        let at = match (is_curve, curve_at) {
            (true, Some(at)) => at,
            _ => {
                let at = table + data.len();
                data.extend_from_slice(bytes);
                while data.len() % 4 != 0 {
                    data.push(0);
                }
                if is_curve {
                    curve_at = Some(at);
                }
                at
            }
        };
        entries.push((*signature, at as u32, bytes.len() as u32));
    }
    let size = table + data.len();
    let mut out = Vec::with_capacity(size);
    out.extend_from_slice(&(size as u32).to_be_bytes());
    out.extend_from_slice(&[0; 4]); // preferred CMM
    out.extend_from_slice(&[2, 0x10, 0, 0]); // version 2.1
    out.extend_from_slice(b"mntrRGB XYZ ");
    for part in [2024u16, 1, 1, 0, 0, 0] {
        out.extend_from_slice(&part.to_be_bytes());
    }
    out.extend_from_slice(b"acsp");
    out.extend_from_slice(&[0; 4 * 4 + 8 + 4]); // platform, flags, maker, model, attributes, intent
    fixed(&mut out, 0.9642);
    fixed(&mut out, 1.0);
    fixed(&mut out, 0.8249);
    out.resize(128, 0);
    out.extend_from_slice(&(entries.len() as u32).to_be_bytes());
    for (signature, at, len) in entries {
        out.extend_from_slice(signature);
        out.extend_from_slice(&at.to_be_bytes());
        out.extend_from_slice(&len.to_be_bytes());
    }
    out.extend_from_slice(&data);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u32_at(bytes: &[u8], at: usize) -> usize {
        u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap()) as usize
    }

    #[test]
    fn the_profile_is_a_well_formed_rgb_display_profile() {
        let p = srgb();
        assert_eq!(u32_at(p, 0), p.len());
        assert_eq!(&p[12..24], b"mntrRGB XYZ ");
        assert_eq!(&p[36..40], b"acsp");
        let count = u32_at(p, 128);
        assert_eq!(count, 9);
        for i in 0..count {
            let entry = 132 + 12 * i;
            let (at, len) = (u32_at(p, entry + 4), u32_at(p, entry + 8));
            assert_eq!(at % 4, 0);
            assert!(at + len <= p.len());
            let kind = &p[at..at + 4];
            assert!([&b"desc"[..], b"text", b"XYZ ", b"curv"].contains(&kind));
        }
        // The curve's ends: black and white.
        let entry = 132 + 12 * 6;
        let at = u32_at(p, entry + 4);
        assert_eq!(&p[at + 12..at + 14], &[0, 0]);
        assert_eq!(
            &p[at + 12 + 2 * (CURVE - 1)..at + 14 + 2 * (CURVE - 1)],
            &[255, 255]
        );
    }
}

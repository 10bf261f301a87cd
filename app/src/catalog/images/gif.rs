//! A GIF's frames, read from its blocks without decoding a pixel: whether
//! it is an animation (more than one image), and the size of its first
//! frame, which may be larger than the picture it claims to be (a decoder
//! would then need memory the header does not show).

/// What the blocks of a GIF say.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Frames {
    /// Images in the file, counted up to two.
    pub(super) count: usize,
    /// The first image's width and height.
    pub(super) first: (u32, u32),
}

/// Reads the blocks of `bytes`; `None` when they are not a GIF's.
pub(super) fn frames(bytes: &[u8]) -> Option<Frames> {
    if !(bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a")) {
        return None;
    }
    let packed = *bytes.get(10)?;
    let mut at = 13 + color_table(packed);
    let mut found = Frames { count: 0, first: (0, 0) };
    while let Some(&introducer) = bytes.get(at) {
        match introducer {
            // An image: its descriptor, a color table, the LZW data.
            0x2C => {
                let descriptor = bytes.get(at + 1..at + 10)?;
                if found.count == 0 {
                    let side = |low: usize| u32::from(u16::from_le_bytes([descriptor[low], descriptor[low + 1]]));
                    found.first = (side(4), side(6));
                }
                found.count += 1;
                if found.count == 2 {
                    break;
                }
                at = skip_sub_blocks(bytes, at + 10 + color_table(descriptor[8]) + 1)?;
            }
            // An extension: its label, then its sub-blocks.
            0x21 => at = skip_sub_blocks(bytes, at + 2)?,
            // The trailer, or anything else: the end of what can be read.
            _ => break,
        }
    }
    Some(found)
}

/// Bytes of the color table a packed field announces.
fn color_table(packed: u8) -> usize {
    if packed & 0x80 == 0 { 0 } else { 3 << ((packed & 0x07) + 1) }
}

/// Where the sub-blocks starting at `at` end (after their empty block).
fn skip_sub_blocks(bytes: &[u8], mut at: usize) -> Option<usize> {
    loop {
        let length = usize::from(*bytes.get(at)?);
        at += 1 + length;
        if length == 0 {
            return Some(at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gif(width: u16, height: u16, frames: &[(u16, u16)]) -> Vec<u8> {
        let mut out = b"GIF89a".to_vec();
        out.extend_from_slice(&width.to_le_bytes());
        out.extend_from_slice(&height.to_le_bytes());
        out.extend_from_slice(&[0x80, 0, 0]); // a global table of 2 colors
        out.extend_from_slice(&[0, 0, 0, 255, 255, 255]);
        // A comment holding the bytes a graphic control extension starts with.
        out.extend_from_slice(&[0x21, 0xFE, 3, 0x21, 0xF9, 0x04, 0]);
        for &(w, h) in frames {
            out.push(0x2C);
            out.extend_from_slice(&[0, 0, 0, 0]);
            out.extend_from_slice(&w.to_le_bytes());
            out.extend_from_slice(&h.to_le_bytes());
            out.push(0);
            out.extend_from_slice(&[2, 2, 0x44, 0x01, 0]);
        }
        out.push(0x3B);
        out
    }

    #[test]
    fn counts_images_not_bytes_that_look_like_them() {
        assert_eq!(frames(&gif(10, 10, &[(10, 10)])), Some(Frames { count: 1, first: (10, 10) }));
        assert_eq!(frames(&gif(10, 10, &[(10, 10), (10, 10), (5, 5)])).map(|f| f.count), Some(2));
        assert_eq!(frames(&gif(800, 600, &[(8191, 8191)])).map(|f| f.first), Some((8191, 8191)));
        assert_eq!(frames(b"GIF89a"), None, "cut short");
        assert_eq!(frames(b"\x89PNG"), None);
    }
}

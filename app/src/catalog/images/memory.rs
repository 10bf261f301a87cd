//! What making the copies of one picture takes, worked out from its
//! header before a pixel is decoded (see [`super::PICTURE_MEMORY`]).

use image::ImageFormat;

use super::header::Header;
use super::height_for;

/// A picture this many times wider than its largest copy is first
/// averaged down to twice that width (one cheap pass over its pixels)
/// before the sharp filter, which then reads a few million pixels instead
/// of tens of millions.
const AVERAGE_FIRST_RATIO: u32 = 3;
/// What the estimate adds for the small things: row buffers, the encoded
/// copies, allocator slack.
const SCRATCH_BYTES: u64 = 8 * 1024 * 1024;

/// When the picture is averaged down before the sharp filter (see
/// [`AVERAGE_FIRST_RATIO`]), the size it is averaged down to.
pub(super) fn intermediate_size(size: (u32, u32), largest: u32) -> Option<(u32, u32)> {
    (size.0 / AVERAGE_FIRST_RATIO > largest).then(|| (2 * largest, height_for(size, 2 * largest)))
}

/// The most memory making the copies takes at once, largest copy
/// `largest` pixels wide: an estimate that errs high. Decoding holds the
/// decoder's buffers beside the picture; averaging down, the picture and
/// the smaller one; scaling, its source, the filter's floats (16 bytes for
/// each source column of each output row) and the copy in a few forms
/// (scaled, 8-bit, and what libwebp holds while encoding it).
pub(super) fn working_bytes(header: &Header, bytes: &[u8], largest: u32) -> u64 {
    let (width, height) = (u64::from(header.size.0), u64::from(header.size.1));
    let file = bytes.len() as u64;
    let decoder = match header.format {
        // The decoder's copy of the file, and the coefficients it keeps.
        Some(ImageFormat::Jpeg) => file + jpeg_coefficient_bytes(bytes, header.size),
        // Frames and canvas of an animation, or a lossless picture's pixels.
        Some(ImageFormat::WebP) => file + width * height * 8,
        // The first frame read apart (4 bytes a pixel) and its color
        // indexes (one); a larger first frame is never decoded (`gif`).
        Some(ImageFormat::Gif) => width * height * 5,
        _ => 0,
    };
    let copy_height = u64::from(height_for(header.size, largest));
    let (source_width, intermediate) = match intermediate_size(header.size, largest) {
        Some((w, h)) => (u64::from(w), u64::from(w) * u64::from(h) * header.bytes_per_pixel),
        None => (width, 0),
    };
    let source = if intermediate > 0 { intermediate } else { header.decoded_bytes };
    let filter = if u64::from(largest) == width { 0 } else { source_width * copy_height * 16 };
    let copy = u64::from(largest) * copy_height * (header.bytes_per_pixel + 4 + 8);
    let decoding = header.decoded_bytes + decoder;
    let averaging = header.decoded_bytes + intermediate;
    let scaling = source + filter + copy;
    decoding.max(averaging).max(scaling) + SCRATCH_BYTES
}

/// What a JPEG decoder keeps besides the picture: little when every
/// component comes in the first scan (baseline photos from cameras), but
/// the whole picture's coefficients, two bytes each, when it comes in
/// several scans (progressive, or a component at a time). Markers that
/// cannot be read count as the worst case, four full components.
pub(super) fn jpeg_coefficient_bytes(bytes: &[u8], (width, height): (u32, u32)) -> u64 {
    let (width, height) = (u64::from(width), u64::from(height));
    let worst = width.div_ceil(8) * height.div_ceil(8) * 64 * 2 * 4;
    // Whether progressive, and each component's sampling factors.
    let mut frame: Option<(bool, Vec<(u64, u64)>)> = None;
    let mut at = 2;
    while let (Some(&0xFF), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) {
        // Fill bytes, and markers without a length.
        if marker == 0xFF {
            at += 1;
            continue;
        }
        if marker == 0x01 || (0xD0..=0xD9).contains(&marker) {
            at += 2;
            continue;
        }
        let Some(length) = bytes.get(at + 2..at + 4).map(|b| usize::from(u16::from_be_bytes([b[0], b[1]]))) else {
            break;
        };
        let Some(segment) = bytes.get(at + 4..at + 2 + length) else {
            break;
        };
        match marker {
            // Huffman and arithmetic tables, not frames.
            0xC4 | 0xC8 | 0xCC => {}
            0xC0..=0xCF => {
                let count = usize::from(segment.get(5).copied().unwrap_or(0));
                let Some(components) = segment.get(6..6 + 3 * count) else {
                    break;
                };
                let sampling = components
                    .chunks_exact(3)
                    .map(|component| (u64::from(component[1] >> 4).max(1), u64::from(component[1] & 15).max(1)))
                    .collect();
                frame = Some((matches!(marker, 0xC2 | 0xC6 | 0xCA | 0xCE), sampling));
            }
            0xDA => {
                let Some((progressive, sampling)) = frame else {
                    break;
                };
                let in_first_scan = usize::from(segment.first().copied().unwrap_or(0));
                if !progressive && in_first_scan >= sampling.len() {
                    return 0;
                }
                if sampling.len() == 1 {
                    let (h, v) = sampling[0];
                    return width.div_ceil(8) * height.div_ceil(8) * h * v * 64 * 2;
                }
                let h_max = sampling.iter().map(|&(h, _)| h).max().unwrap_or(1);
                let v_max = sampling.iter().map(|&(_, v)| v).max().unwrap_or(1);
                let units = width.div_ceil(8 * h_max) * height.div_ceil(8 * v_max);
                return sampling.iter().map(|&(h, v)| units * h * v * 64 * 2).sum();
            }
            _ => {}
        }
        at += 2 + length;
    }
    worst
}

/// The bytes each thread holds, counted by this test binary's
/// allocator: what making copies takes, measured on the thread that
/// makes them while other tests run beside it.
#[cfg(test)]
pub(super) mod held {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    struct Counting;

    thread_local! {
        static HELD: Cell<usize> = const { Cell::new(0) };
        static PEAK: Cell<usize> = const { Cell::new(0) };
    }

    fn grow(bytes: usize) {
        let _ = HELD.try_with(|held| {
            let now = held.get() + bytes;
            held.set(now);
            let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
        });
    }

    fn shrink(bytes: usize) {
        let _ = HELD.try_with(|held| held.set(held.get().saturating_sub(bytes)));
    }

    // SAFETY: every call is passed on to the system allocator unchanged;
    // the counting beside it touches only this thread's counters.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let pointer = unsafe { System.alloc(layout) };
            if !pointer.is_null() {
                grow(layout.size());
            }
            pointer
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            let pointer = unsafe { System.alloc_zeroed(layout) };
            if !pointer.is_null() {
                grow(layout.size());
            }
            pointer
        }

        unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
            unsafe { System.dealloc(pointer, layout) };
            shrink(layout.size());
        }

        unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let moved = unsafe { System.realloc(pointer, layout, new_size) };
            if !moved.is_null() {
                shrink(layout.size());
                grow(new_size);
            }
            moved
        }
    }

    #[global_allocator]
    static COUNTING: Counting = Counting;

    /// What `work` returns, and the most bytes this thread held at once
    /// while it ran beyond what it held before.
    pub fn peak_during<T>(work: impl FnOnce() -> T) -> (T, usize) {
        let before = HELD.with(Cell::get);
        PEAK.with(|peak| peak.set(before));
        let result = work();
        (result, PEAK.with(Cell::get).saturating_sub(before))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_jpeg_in_several_scans_is_counted_with_its_coefficients() {
        // A 4000 × 3000 frame sampled 4:2:0, then the first scan with
        // `in_first_scan` of its three components.
        let jpeg = |frame: u8, in_first_scan: u8| {
            let mut bytes = vec![0xFF, 0xD8, 0xFF, frame, 0, 17, 8, 0x0B, 0xB8, 0x0F, 0xA0, 3];
            bytes.extend([1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
            bytes.extend([0xFF, 0xDA, 0, 6 + 2 * in_first_scan, in_first_scan]);
            bytes.extend(std::iter::repeat_n(0, usize::from(2 * in_first_scan + 3)));
            bytes
        };
        let size = (4000, 3000);
        assert_eq!(jpeg_coefficient_bytes(&jpeg(0xC0, 3), size), 0, "baseline, one scan");
        // 250 × 188 units of 4 + 1 + 1 blocks of 64 two-byte coefficients.
        let coefficients = 250 * 188 * 6 * 64 * 2;
        assert_eq!(jpeg_coefficient_bytes(&jpeg(0xC2, 1), size), coefficients, "progressive");
        assert_eq!(jpeg_coefficient_bytes(&jpeg(0xC0, 1), size), coefficients, "a component at a time");
        assert_eq!(jpeg_coefficient_bytes(b"\xFF\xD8nonsense", size), 500 * 375 * 64 * 2 * 4, "unreadable");
    }
}

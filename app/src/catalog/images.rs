//! Course images made for phones. A picture an instructor took from a
//! repository is often 2 MB and 3,000 pixels wide; a phone shows it 360
//! pixels wide. Each large raster image is scaled to a few widths and
//! encoded twice: lossy WebP (every Android browser since 2014) and a
//! fallback every browser shows (JPEG, or PNG when the picture has
//! transparency). Results are kept by content hash in a cache folder, so a
//! restart or a reload finds them without decoding anything.
//!
//! Decoding is where memory goes (a 36-megapixel photo is 108 MB of
//! pixels, a 16-bit PNG of the same size 288 MB), so what a picture would
//! take is worked out from its header first, one picture is decoded at a
//! time in the whole process, and the full picture is dropped as soon as
//! the largest copy is made: each smaller copy is scaled from the one
//! before it. A load makes copies for a bounded time; the pictures it
//! leaves are served as they are and their copies made in the background
//! (see `course_files`), for the next load.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use image::ImageFormat;

mod copies;
mod gif;
mod header;
mod memory;

use copies::{cached, make_copies};
use header::{read_header, svg_size};
use memory::working_bytes;

/// Widths made: a phone at 1.33 and 2 pixels per point, and a laptop.
pub const WIDTHS: [u32; 3] = [480, 720, 1080];
/// The width a 360-point phone at two pixels per point picks: what the
/// page weight counts.
pub const PHONE_WIDTH: u32 = 720;
/// Smaller images are served as they are.
const SMALL_BYTES: u64 = 60 * 1024;
/// A picture larger than this (either side) is not decoded: decoding a
/// small file that claims to be 30,000 pixels square would take gigabytes.
const MAX_SIDE: u32 = 10_000;
/// Memory making the copies of one picture may take (decoder, pixels,
/// scaling and encoding), besides the file itself. Worked out from the
/// header before decoding; a picture that would take more is served as it
/// is. Also the decoder's own allocation limit.
pub const PICTURE_MEMORY: u64 = 256 * 1024 * 1024;
/// Larger pictures are not resized (served as they are, with a warning).
pub const MAX_PIXELS: u64 = 40_000_000;
/// Pixels decoded for resizing in one load of one course, at most: beyond
/// it pictures are served as they are until the next load.
pub const COURSE_PIXEL_BUDGET: u64 = 600_000_000;
/// Time one load (start-up included) spends making copies, at most (a
/// picture begun before it ends is finished): a course repository with
/// hundreds of new photos must not keep a server from starting. Copies a
/// load has no time for are made in the background for the next load.
pub const LOAD_COPY_TIME: Duration = Duration::from_secs(10);
const MB: u64 = 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Webp,
    Jpeg,
    Png,
}

impl Encoding {
    pub fn extension(self) -> &'static str {
        match self {
            Encoding::Webp => "webp",
            Encoding::Jpeg => "jpg",
            Encoding::Png => "png",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Encoding::Webp => "image/webp",
            Encoding::Jpeg => "image/jpeg",
            Encoding::Png => "image/png",
        }
    }

    pub fn from_extension(extension: &str) -> Option<Encoding> {
        [Encoding::Webp, Encoding::Jpeg, Encoding::Png].into_iter().find(|e| e.extension() == extension)
    }
}

/// What is known of one image of a course.
#[derive(Clone, Debug, Default)]
pub struct ImageInfo {
    /// In pixels, when known (an SVG without a size has none).
    pub size: Option<(u32, u32)>,
    /// Scaled copies, smallest first; empty when the image is served as it is.
    pub variants: Vec<Variant>,
    /// Why a large picture has no copies, for the instructor.
    pub note: Option<String>,
    /// The copies were left for later (the load's time or pixels were
    /// spent): the caller has them made in the background.
    pub deferred: bool,
    /// An animated GIF: its copies are stills of its first frame, and the
    /// page links to the animation.
    pub animated: bool,
}

#[derive(Clone, Debug)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub encoding: Encoding,
    pub bytes: u64,
    /// Where the copy is kept.
    pub path: PathBuf,
}

impl ImageInfo {
    /// The copies of one encoding, smallest first.
    pub fn variants_in(&self, encoding: Encoding) -> impl Iterator<Item = &Variant> {
        self.variants.iter().filter(move |variant| variant.encoding == encoding)
    }

    /// The fallback encoding (JPEG or PNG), when there are copies.
    pub fn fallback(&self) -> Option<Encoding> {
        self.variants.iter().map(|variant| variant.encoding).find(|&encoding| encoding != Encoding::Webp)
    }

    /// The bytes a phone at [`PHONE_WIDTH`] fetches for this image.
    pub fn phone_bytes(&self, original: u64) -> u64 {
        let webp: Vec<&Variant> = self.variants_in(Encoding::Webp).collect();
        match webp.iter().find(|variant| variant.width >= PHONE_WIDTH).or(webp.last()) {
            Some(variant) => variant.bytes,
            None => original,
        }
    }
}

/// What a load may still spend on making copies: the pixels one course may
/// decode, and the time until which the load makes them.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    pixels: u64,
    until: Option<Instant>,
}

impl Budget {
    /// For one course of a load that makes copies until `until`.
    pub fn for_course(until: Option<Instant>) -> Budget {
        Budget { pixels: COURSE_PIXEL_BUDGET, until }
    }

    /// For the background, which has all the time it needs.
    pub fn unlimited() -> Budget {
        Budget { pixels: u64::MAX, until: None }
    }

    /// Takes a picture of `pixels` from the budget, or says why not now.
    fn spend(&mut self, pixels: u64) -> Result<(), String> {
        if self.until.is_some_and(|until| Instant::now() >= until) {
            return Err(format!("a load spends at most {} s making copies", LOAD_COPY_TIME.as_secs()));
        }
        if self.pixels < pixels {
            return Err(format!(
                "the course's pictures are more than {} megapixels to resize at once",
                COURSE_PIXEL_BUDGET / 1_000_000
            ));
        }
        self.pixels -= pixels;
        Ok(())
    }
}

/// Reads what a browser needs of an image (its size), and makes the
/// scaled copies of a large raster image in `cache`, or finds them there.
/// Errors are described for the instructor; the image is then offered as a
/// download. A picture too large to resize is served as it is, with a note.
pub fn prepare(
    bytes: &[u8],
    extension: &str,
    hash: &str,
    cache: Option<&Path>,
    budget: &mut Budget,
) -> Result<ImageInfo, String> {
    if extension == "svg" {
        return Ok(ImageInfo { size: svg_size(bytes), ..ImageInfo::default() });
    }
    let header = read_header(bytes)?;
    let size = header.size;
    let gif = (header.format == Some(ImageFormat::Gif)).then(|| gif::frames(bytes)).flatten();
    let animated = gif.as_ref().is_some_and(|frames| frames.count > 1);
    let as_it_is = |note: Option<String>| Ok(ImageInfo { size: Some(size), note, animated, ..ImageInfo::default() });
    let Some(cache) = cache else {
        return as_it_is(None);
    };
    let pixels = u64::from(size.0) * u64::from(size.1);
    if pixels > MAX_PIXELS {
        return as_it_is(Some(format!(
            "this picture is {} × {} pixels, too large to resize for phones (at most {} megapixels): it is sent as it is; scale it down",
            size.0,
            size.1,
            MAX_PIXELS / 1_000_000
        )));
    }
    // Images already small enough stay as they are. A large animated GIF
    // (a screen recording is often megabytes) gets stills of its first
    // frame: a phone fetches the animation only if the learner asks.
    let widths: Vec<u32> = WIDTHS.into_iter().filter(|&width| width < size.0).collect();
    if bytes.len() as u64 <= SMALL_BYTES && size.0 <= PHONE_WIDTH {
        return as_it_is(None);
    }
    // A GIF whose first frame is larger than the picture it claims to be
    // would take a decoder more memory than its header shows.
    if let Some(frames) = &gif
        && (frames.first.0 > size.0 || frames.first.1 > size.1)
    {
        return as_it_is(Some(format!(
            "this GIF's first frame ({} × {} pixels) is larger than the picture ({} × {}): it is sent as it is",
            frames.first.0, frames.first.1, size.0, size.1
        )));
    }
    let widths = if widths.is_empty() { vec![size.0] } else { widths };
    // Copies an earlier load (or the background) made are taken as they
    // are; the missing ones are made largest first.
    let mut variants = Vec::new();
    let mut missing = Vec::new();
    for &width in widths.iter().rev() {
        match cached(cache, hash, width, height_for(size, width)) {
            Some(found) => variants.extend(found),
            None => missing.push(width),
        }
    }
    if let Some(&largest) = missing.first() {
        let needed = working_bytes(&header, bytes, largest);
        if needed > PICTURE_MEMORY {
            return as_it_is(Some(format!(
                "this picture ({} × {} pixels) would take about {} MB to resize for phones, more than the {} MB one picture may: it is sent as it is; scale it down or save it as an 8-bit JPEG",
                size.0,
                size.1,
                needed.div_ceil(MB),
                PICTURE_MEMORY / MB
            )));
        }
        if let Err(reason) = budget.spend(pixels) {
            return Ok(ImageInfo {
                size: Some(size),
                note: Some(format!(
                    "not resized in this load: {reason}; it is sent as it is, and its copies are made in the background for the next load"
                )),
                deferred: true,
                animated,
                ..ImageInfo::default()
            });
        }
        variants.extend(make_copies(bytes, &header, &missing, cache, hash)?);
    }
    variants.sort_by_key(|variant| (variant.width, variant.encoding as u8));
    Ok(ImageInfo { size: Some(size), variants, note: None, deferred: false, animated })
}

/// The height of the copy `width` pixels wide.
fn height_for(size: (u32, u32), width: u32) -> u32 {
    (u64::from(size.1) * u64::from(width)).div_ceil(u64::from(size.0)).max(1) as u32
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use image::DynamicImage;

    use super::copies::has_transparency;
    use super::*;

    fn photo(width: u32, height: u32) -> Vec<u8> {
        // Noise does not compress: a small picture makes a large file.
        let mut state = 12345u32;
        let image = image::RgbImage::from_fn(width, height, |x, y| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            image::Rgb([(x % 256) as u8, (y % 256) as u8, (state >> 24) as u8])
        });
        let mut out = Vec::new();
        DynamicImage::ImageRgb8(image).write_to(&mut Cursor::new(&mut out), ImageFormat::Png).unwrap();
        out
    }

    /// A JPEG as a camera makes it (one baseline scan): smooth, with grain.
    fn camera_photo(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbImage::from_fn(width, height, |x, y| {
            let grain = ((x * 7 + y * 13) % 17) as u8;
            image::Rgb([(x / 16 % 200) as u8 + grain, (y / 16 % 200) as u8 + grain, 120 + grain])
        });
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85).encode_image(&image).unwrap();
        out
    }

    /// A PNG whose header claims `width` × `height` pixels of 16-bit RGBA
    /// and whose data is a few bytes: a decompression bomb, as its header
    /// shows it before anything is decoded.
    fn png_header(width: u32, height: u32) -> Vec<u8> {
        fn crc32(bytes: &[u8]) -> u32 {
            let mut crc = !0u32;
            for &byte in bytes {
                crc ^= u32::from(byte);
                for _ in 0..8 {
                    crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
                }
            }
            !crc
        }
        fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
            out.extend_from_slice(&(data.len() as u32).to_be_bytes());
            let start = out.len();
            out.extend_from_slice(kind);
            out.extend_from_slice(data);
            let crc = crc32(&out[start..]);
            out.extend_from_slice(&crc.to_be_bytes());
        }
        let mut out = vec![137, 80, 78, 71, 13, 10, 26, 10];
        let mut header = Vec::new();
        header.extend_from_slice(&width.to_be_bytes());
        header.extend_from_slice(&height.to_be_bytes());
        // 16 bits, RGBA, deflate, no filter, not interlaced.
        header.extend_from_slice(&[16, 6, 0, 0, 0]);
        chunk(&mut out, b"IHDR", &header);
        chunk(&mut out, b"IDAT", &[0x78, 0x9c, 0x03, 0x00]);
        chunk(&mut out, b"IEND", &[]);
        out
    }

    #[test]
    fn a_large_picture_is_scaled_and_kept_by_its_hash() {
        let cache = tempfile::tempdir().unwrap();
        let bytes = photo(1600, 900);
        let info = prepare(&bytes, "png", "abc", Some(cache.path()), &mut Budget::unlimited()).unwrap();
        assert_eq!(info.size, Some((1600, 900)));
        let widths: Vec<(u32, Encoding)> = info.variants.iter().map(|v| (v.width, v.encoding)).collect();
        assert_eq!(
            widths,
            [
                (480, Encoding::Webp),
                (480, Encoding::Jpeg),
                (720, Encoding::Webp),
                (720, Encoding::Jpeg),
                (1080, Encoding::Webp),
                (1080, Encoding::Jpeg)
            ]
        );
        assert_eq!(info.variants[2].height, 405);
        assert!(info.phone_bytes(bytes.len() as u64) < bytes.len() as u64 / 3);
        // Made once: a second load finds them, without decoding (it has
        // neither time nor pixels left).
        let made = std::fs::metadata(&info.variants[0].path).unwrap().modified().unwrap();
        let mut spent = Budget { pixels: 0, until: Some(Instant::now()) };
        let again = prepare(&bytes, "png", "abc", Some(cache.path()), &mut spent).unwrap();
        assert_eq!(again.variants.len(), 6, "{again:?}");
        assert_eq!(again.note, None);
        assert_eq!(std::fs::metadata(&again.variants[0].path).unwrap().modified().unwrap(), made);
    }

    #[test]
    fn a_transparent_picture_keeps_its_transparency() {
        let cache = tempfile::tempdir().unwrap();
        let image = image::RgbaImage::from_fn(1000, 600, |x, y| {
            image::Rgba([(x % 256) as u8, (y % 256) as u8, (x * y % 251) as u8, if x < 100 { 0 } else { 255 }])
        });
        let mut bytes = Vec::new();
        DynamicImage::ImageRgba8(image).write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png).unwrap();
        let info = prepare(&bytes, "png", "clear", Some(cache.path()), &mut Budget::unlimited()).unwrap();
        let kinds: Vec<(u32, Encoding)> = info.variants.iter().map(|v| (v.width, v.encoding)).collect();
        assert_eq!(kinds, [(480, Encoding::Webp), (480, Encoding::Png), (720, Encoding::Webp), (720, Encoding::Png)]);
        let copy = image::load_from_memory(&std::fs::read(&info.variants[1].path).unwrap()).unwrap();
        assert!(has_transparency(&copy));
        let again =
            prepare(&bytes, "png", "clear", Some(cache.path()), &mut Budget { pixels: 0, until: None }).unwrap();
        assert_eq!(again.variants.len(), 4, "{again:?}");
    }

    #[test]
    fn small_images_and_svgs_are_served_as_they_are() {
        let cache = tempfile::tempdir().unwrap();
        let info = prepare(&photo(40, 30), "png", "s", Some(cache.path()), &mut Budget::unlimited()).unwrap();
        assert_eq!(info.size, Some((40, 30)));
        assert!(info.variants.is_empty());
        let svg = br#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180"></svg>"#;
        let mut none = Budget { pixels: 0, until: None };
        assert_eq!(prepare(svg, "svg", "v", Some(cache.path()), &mut none).unwrap().size, Some((320, 180)));
    }

    /// A GIF of `frames` frames of noise, as a screen recording weighs.
    fn animation(width: u32, height: u32, frames: u32) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut encoder = image::codecs::gif::GifEncoder::new(&mut out);
            let mut state = 99u32;
            for _ in 0..frames {
                let frame = image::RgbaImage::from_fn(width, height, |_, _| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    let value = (state >> 24) as u8;
                    image::Rgba([value, value / 2, 255 - value, 255])
                });
                encoder.encode_frame(image::Frame::new(frame)).unwrap();
            }
        }
        out
    }

    #[test]
    fn a_large_animated_gif_gets_stills_of_its_first_frame() {
        let cache = tempfile::tempdir().unwrap();
        let bytes = animation(600, 300, 3);
        assert!(bytes.len() as u64 > SMALL_BYTES, "{} B", bytes.len());
        let info = prepare(&bytes, "gif", "anim", Some(cache.path()), &mut Budget::unlimited()).unwrap();
        assert!(info.animated);
        assert!(!info.variants.is_empty(), "{info:?}");
        assert!(info.phone_bytes(bytes.len() as u64) < bytes.len() as u64 / 2, "{info:?}");
        let still = prepare(&animation(600, 300, 1), "gif", "still", Some(cache.path()), &mut Budget::unlimited());
        assert!(!still.unwrap().animated, "one frame is no animation");
        let small = prepare(&animation(40, 30, 3), "gif", "small", Some(cache.path()), &mut Budget::unlimited());
        let small = small.unwrap();
        assert!(small.animated && small.variants.is_empty(), "a small animation is sent as it is");
    }

    #[test]
    fn past_the_course_budget_pictures_are_sent_as_they_are() {
        let cache = tempfile::tempdir().unwrap();
        let mut budget = Budget { pixels: 1_000_000, until: None };
        let info = prepare(&photo(1600, 900), "png", "big", Some(cache.path()), &mut budget).unwrap();
        assert!(info.variants.is_empty());
        assert!(info.deferred);
        assert!(info.note.unwrap().contains("not resized in this load"));
        assert_eq!(budget.pixels, 1_000_000, "nothing was decoded");
    }

    #[test]
    fn a_load_out_of_time_leaves_the_copies_for_the_background() {
        let cache = tempfile::tempdir().unwrap();
        let mut budget = Budget { pixels: u64::MAX, until: Some(Instant::now()) };
        let info = prepare(&photo(1600, 900), "png", "late", Some(cache.path()), &mut budget).unwrap();
        assert!(info.deferred && info.variants.is_empty(), "{info:?}");
        assert!(info.note.unwrap().contains(&format!("at most {} s", LOAD_COPY_TIME.as_secs())));
        assert_eq!(std::fs::read_dir(cache.path()).unwrap().count(), 0, "nothing was made");
    }

    #[test]
    fn a_broken_or_enormous_image_is_described_not_decoded() {
        let mut budget = Budget::unlimited();
        assert!(prepare(b"not a picture", "png", "x", None, &mut budget).unwrap_err().contains("cannot be read"));
    }

    #[test]
    fn a_decompression_bomb_is_refused_from_its_header() {
        let cache = tempfile::tempdir().unwrap();
        // 36 megapixels of 16-bit RGBA: 288 MB once decoded, from a file of
        // a hundred bytes. Served as it is, with a note, and nothing the
        // size of the picture is ever allocated.
        let bomb = png_header(6000, 6000);
        let (info, peak) =
            memory::held::peak_during(|| prepare(&bomb, "png", "bomb", Some(cache.path()), &mut Budget::unlimited()));
        let info = info.unwrap();
        assert_eq!(info.size, Some((6000, 6000)));
        assert!(info.variants.is_empty() && !info.deferred);
        assert!(info.note.as_deref().is_some_and(|note| note.contains("MB to resize")), "{info:?}");
        assert!(peak < 2 * MB as usize, "{peak} bytes held for a header");
        // Past the side limit, it is not taken for an image at all.
        let huge = png_header(50_000, 50_000);
        let (refused, peak) =
            memory::held::peak_during(|| prepare(&huge, "png", "huge", Some(cache.path()), &mut Budget::unlimited()));
        assert!(refused.unwrap_err().contains("cannot be read"));
        assert!(peak < 2 * MB as usize, "{peak} bytes held for a header");
    }

    #[test]
    fn copies_of_a_large_photo_take_little_beside_its_pixels() {
        let cache = tempfile::tempdir().unwrap();
        let bytes = camera_photo(3600, 2400);
        let header = read_header(&bytes).unwrap();
        let estimate = working_bytes(&header, &bytes, 1080);
        assert!(estimate <= PICTURE_MEMORY);
        let (info, peak) =
            memory::held::peak_during(|| prepare(&bytes, "jpg", "photo", Some(cache.path()), &mut Budget::unlimited()));
        let info = info.unwrap();
        assert_eq!(info.variants.len(), 6, "{info:?}");
        assert_eq!(info.variants[5].height, 720);
        // The pixels once (26 MB), a copy averaged down to 2160 pixels wide
        // and the filter's working copy of that: not the filter's working
        // copy of the whole picture (42 MB more), nor a copy per width.
        let decoded = header.decoded_bytes as usize;
        assert!(peak < 2 * decoded, "held {} MB for a picture of {} MB", peak / MB as usize, decoded / MB as usize);
        assert!(peak as u64 <= estimate, "held {peak} bytes, estimated {estimate}");
    }
}

//! Course images made for phones, at load. A picture an instructor took
//! from a repository is often 2 MB and 3,000 pixels wide; a phone shows it
//! 360 pixels wide. Each large raster image is scaled to a few widths and
//! encoded twice: lossy WebP (every Android browser since 2014) and a
//! fallback every browser shows (JPEG, or PNG when the picture has
//! transparency). Results are kept by content hash in a cache folder, so a
//! restart or a reload does not redo them.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::{DynamicImage, ImageFormat, ImageReader, Limits, imageops::FilterType};

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
const MAX_DECODED_BYTES: u64 = 256 * 1024 * 1024;
/// Larger pictures are not resized (served as they are, with a warning).
pub const MAX_PIXELS: u64 = 40_000_000;
/// Pixels decoded for resizing in one load of one course, at most: beyond
/// it pictures are served as they are until the next load.
pub const COURSE_PIXEL_BUDGET: u64 = 600_000_000;

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

/// Reads what a browser needs of an image (its size), and makes the
/// scaled copies of a large raster image in `cache`. Errors are described
/// for the instructor; the image is then served as it is.
/// `budget` is what is left of the pixels the course may decode in this load.
pub fn prepare(
    bytes: &[u8],
    extension: &str,
    hash: &str,
    cache: Option<&Path>,
    budget: &mut u64,
) -> Result<ImageInfo, String> {
    if extension == "svg" {
        return Ok(ImageInfo { size: svg_size(bytes), ..ImageInfo::default() });
    }
    let reader = || {
        let mut reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|e| e.to_string())?;
        let mut limits = Limits::default();
        limits.max_image_width = Some(MAX_SIDE);
        limits.max_image_height = Some(MAX_SIDE);
        limits.max_alloc = Some(MAX_DECODED_BYTES);
        reader.limits(limits);
        Ok::<_, String>(reader)
    };
    let size = reader()?.into_dimensions().map_err(|error| format!("this image cannot be read: {error}"))?;
    let format = reader()?.format();
    let as_it_is = |note: Option<String>| Ok(ImageInfo { size: Some(size), variants: Vec::new(), note });
    let Some(cache) = cache else {
        return as_it_is(None);
    };
    let pixels = size.0 as u64 * size.1 as u64;
    if pixels > MAX_PIXELS {
        return as_it_is(Some(format!(
            "this picture is {} × {} pixels, too large to resize for phones (at most {} megapixels): it is sent as it is; scale it down",
            size.0,
            size.1,
            MAX_PIXELS / 1_000_000
        )));
    }
    // Animated GIFs stay as they are; so do images already small enough.
    let widths: Vec<u32> = WIDTHS.into_iter().filter(|&width| width < size.0).collect();
    if format == Some(ImageFormat::Gif) || (bytes.len() as u64 <= SMALL_BYTES && size.0 <= PHONE_WIDTH) {
        return as_it_is(None);
    }
    let widths = if widths.is_empty() { vec![size.0] } else { widths };
    let mut decoded: Option<(DynamicImage, bool)> = None;
    let mut variants = Vec::new();
    for width in widths {
        let height = ((size.1 as u64 * width as u64).div_ceil(size.0 as u64)).max(1) as u32;
        for encoding in [Encoding::Webp, Encoding::Jpeg, Encoding::Png] {
            let path = cache.join(format!("{hash}-{width}.{}", encoding.extension()));
            if let Ok(metadata) = std::fs::metadata(&path)
                && metadata.len() > 0
            {
                variants.push(Variant { width, height, encoding, bytes: metadata.len(), path });
                continue;
            }
            if decoded.is_none() {
                if *budget < pixels {
                    return as_it_is(Some(format!(
                        "not resized in this load: the course's pictures are more than {} megapixels to resize at once; it is sent as it is until the next load",
                        COURSE_PIXEL_BUDGET / 1_000_000
                    )));
                }
                *budget -= pixels;
                let image = reader()?.decode().map_err(|error| format!("this image cannot be read: {error}"))?;
                let transparent = has_transparency(&image);
                decoded = Some((image, transparent));
            }
            let (image, transparent) =
                decoded.as_ref().map(|(image, transparent)| (image, *transparent)).expect("decoded above");
            // One fallback: JPEG for a photo or drawing, PNG to keep transparency.
            if encoding == Encoding::Jpeg && transparent || encoding == Encoding::Png && !transparent {
                continue;
            }
            let scaled =
                if width == size.0 { image.clone() } else { image.resize_exact(width, height, FilterType::Lanczos3) };
            let encoded = encode(&scaled, encoding)?;
            write_atomically(&path, &encoded).map_err(|error| format!("cannot keep the resized image: {error}"))?;
            variants.push(Variant { width, height, encoding, bytes: encoded.len() as u64, path });
        }
    }
    // A cached copy of each kind was found or made; keep one fallback kind.
    if variants.iter().any(|v| v.encoding == Encoding::Jpeg) && variants.iter().any(|v| v.encoding == Encoding::Png) {
        let transparent = decoded.as_ref().is_some_and(|(_, transparent)| *transparent);
        variants.retain(|v| v.encoding != if transparent { Encoding::Jpeg } else { Encoding::Png });
    }
    variants.sort_by_key(|variant| (variant.width, variant.encoding as u8));
    Ok(ImageInfo { size: Some(size), variants, note: None })
}

/// Whether any pixel is not fully opaque (read in place for the usual
/// 8-bit pictures, without a copy).
fn has_transparency(image: &DynamicImage) -> bool {
    match image {
        _ if !image.color().has_alpha() => false,
        DynamicImage::ImageRgba8(pixels) => pixels.pixels().any(|pixel| pixel.0[3] < 255),
        DynamicImage::ImageLumaA8(pixels) => pixels.pixels().any(|pixel| pixel.0[1] < 255),
        other => other.to_rgba8().pixels().any(|pixel| pixel.0[3] < 255),
    }
}

fn encode(image: &DynamicImage, encoding: Encoding) -> Result<Vec<u8>, String> {
    match encoding {
        Encoding::Webp => {
            let rgba = image.to_rgba8();
            let encoder = webp::Encoder::from_rgba(rgba.as_raw(), rgba.width(), rgba.height());
            Ok(encoder.encode(72.0).to_vec())
        }
        Encoding::Jpeg => {
            let mut out = Vec::new();
            let rgb = image.to_rgb8();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 78)
                .encode_image(&rgb)
                .map_err(|error| error.to_string())?;
            Ok(out)
        }
        Encoding::Png => {
            let mut out = Vec::new();
            image
                .write_with_encoder(image::codecs::png::PngEncoder::new_with_quality(
                    &mut out,
                    image::codecs::png::CompressionType::Best,
                    image::codecs::png::FilterType::Adaptive,
                ))
                .map_err(|error| error.to_string())?;
            Ok(out)
        }
    }
}

/// Written beside, then renamed: a copy half-written by a process killed
/// meanwhile is never taken for a whole one.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)?;
    }
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let count = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let partial = path.with_extension(format!("partial-{}-{count}", std::process::id()));
    std::fs::write(&partial, bytes)?;
    std::fs::rename(&partial, path)
}

/// An SVG's size from its `width` and `height` (in pixels), else its `viewBox`.
fn svg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let text = std::str::from_utf8(&bytes[..bytes.len().min(4096)]).ok()?;
    let start = text.find("<svg")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let attribute = |name: &str| {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(&tag[at..at + tag[at..].find('"')?])
    };
    let pixels = |value: &str| value.trim_end_matches("px").parse::<f32>().ok().filter(|v| *v > 0.0);
    if let (Some(width), Some(height)) = (attribute("width").and_then(pixels), attribute("height").and_then(pixels)) {
        return Some((width.round() as u32, height.round() as u32));
    }
    let view_box: Vec<f32> =
        attribute("viewBox")?.split([' ', ',']).filter(|s| !s.is_empty()).filter_map(|s| s.parse().ok()).collect();
    match view_box[..] {
        [_, _, width, height] if width > 0.0 && height > 0.0 => Some((width.round() as u32, height.round() as u32)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn a_large_picture_is_scaled_and_kept_by_its_hash() {
        let cache = tempfile::tempdir().unwrap();
        let bytes = photo(1600, 900);
        let info = prepare(&bytes, "png", "abc", Some(cache.path()), &mut u64::MAX.clone()).unwrap();
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
        // Made once: a second load finds them.
        let made = std::fs::metadata(&info.variants[0].path).unwrap().modified().unwrap();
        let again = prepare(&bytes, "png", "abc", Some(cache.path()), &mut u64::MAX.clone()).unwrap();
        assert_eq!(again.variants.len(), 6);
        assert_eq!(std::fs::metadata(&again.variants[0].path).unwrap().modified().unwrap(), made);
    }

    #[test]
    fn small_images_and_svgs_are_served_as_they_are() {
        let cache = tempfile::tempdir().unwrap();
        let info = prepare(&photo(40, 30), "png", "s", Some(cache.path()), &mut u64::MAX.clone()).unwrap();
        assert_eq!(info.size, Some((40, 30)));
        assert!(info.variants.is_empty());
        let svg = br#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180"></svg>"#;
        assert_eq!(prepare(svg, "svg", "v", Some(cache.path()), &mut 0).unwrap().size, Some((320, 180)));
    }

    #[test]
    fn past_the_course_budget_pictures_are_sent_as_they_are() {
        let cache = tempfile::tempdir().unwrap();
        let mut budget = 1_000_000;
        let info = prepare(&photo(1600, 900), "png", "big", Some(cache.path()), &mut budget).unwrap();
        assert!(info.variants.is_empty());
        assert!(info.note.unwrap().contains("not resized in this load"));
        assert_eq!(budget, 1_000_000, "nothing was decoded");
    }

    #[test]
    fn a_broken_or_enormous_image_is_described_not_decoded() {
        assert!(prepare(b"not a picture", "png", "x", None, &mut 0).unwrap_err().contains("cannot be read"));
    }
}

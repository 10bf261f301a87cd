//! The scaled copies of a picture: found in the cache folder, or decoded,
//! scaled, encoded (WebP and a fallback) and written there.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use image::{DynamicImage, imageops::FilterType};

use super::header::{Header, reader, unreadable};
use super::memory::intermediate_size;
use super::{Encoding, Variant, height_for};

fn copy_path(cache: &Path, hash: &str, width: u32, encoding: Encoding) -> PathBuf {
    cache.join(format!("{hash}-{width}.{}", encoding.extension()))
}

/// The WebP copy and the fallback (JPEG or PNG, whichever was made: it
/// says whether the picture has transparency) at `width`, if both are kept.
pub(super) fn cached(cache: &Path, hash: &str, width: u32, height: u32) -> Option<Vec<Variant>> {
    let found = |encoding: Encoding| {
        let path = copy_path(cache, hash, width, encoding);
        let bytes = std::fs::metadata(&path).ok().map(|metadata| metadata.len()).filter(|&bytes| bytes > 0)?;
        Some(Variant { width, height, encoding, bytes, path })
    };
    let webp = found(Encoding::Webp)?;
    let fallback = found(Encoding::Jpeg).or_else(|| found(Encoding::Png))?;
    Some(vec![webp, fallback])
}

/// Decodes the picture and makes the `missing` copies (widths, largest
/// first), each scaled from the one before it.
pub(super) fn make_copies(
    bytes: &[u8],
    header: &Header,
    missing: &[u32],
    cache: &Path,
    hash: &str,
) -> Result<Vec<Variant>, String> {
    // One picture at a time in the whole process: a load, a reload, the
    // publication follower and the background may all be making copies,
    // and two pictures at once would take twice what one may.
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner);
    let size = header.size;
    let largest = missing.first().copied().unwrap_or(size.0);
    // The full picture lives until the end of this block at most.
    let (mut source, transparent) = {
        let image = reader(bytes)?.decode().map_err(unreadable)?;
        let transparent = header.alpha && has_transparency(&image);
        match intermediate_size(size, largest) {
            Some((width, height)) => (image.thumbnail_exact(width, height), transparent),
            None => (image, transparent),
        }
    };
    // One fallback: JPEG for a photo or drawing, PNG to keep transparency.
    let fallback = if transparent { Encoding::Png } else { Encoding::Jpeg };
    let mut variants = Vec::new();
    for &width in missing {
        let height = height_for(size, width);
        let copy = eight_bit(scale(source, width, height), transparent);
        for encoding in [Encoding::Webp, fallback] {
            let encoded = encode(&copy, encoding)?;
            let path = copy_path(cache, hash, width, encoding);
            write_atomically(&path, &encoded).map_err(|error| format!("cannot keep the resized image: {error}"))?;
            variants.push(Variant { width, height, encoding, bytes: encoded.len() as u64, path });
        }
        // The next, smaller copy is scaled from this one.
        source = copy;
    }
    Ok(variants)
}

/// `image` at `width` × `height` (Lanczos3, the sharpest of image's filters).
fn scale(image: DynamicImage, width: u32, height: u32) -> DynamicImage {
    if image.width() == width && image.height() == height {
        image
    } else {
        image.resize_exact(width, height, FilterType::Lanczos3)
    }
}

/// The copy in the 8-bit pixels the encoders take, converted once (free
/// when it already is).
fn eight_bit(image: DynamicImage, transparent: bool) -> DynamicImage {
    if transparent { DynamicImage::ImageRgba8(image.into_rgba8()) } else { DynamicImage::ImageRgb8(image.into_rgb8()) }
}

/// Whether any pixel is not fully opaque (read in place, without a copy).
pub(super) fn has_transparency(image: &DynamicImage) -> bool {
    match image {
        _ if !image.color().has_alpha() => false,
        DynamicImage::ImageRgba8(pixels) => pixels.pixels().any(|pixel| pixel.0[3] < u8::MAX),
        DynamicImage::ImageLumaA8(pixels) => pixels.pixels().any(|pixel| pixel.0[1] < u8::MAX),
        DynamicImage::ImageRgba16(pixels) => pixels.pixels().any(|pixel| pixel.0[3] < u16::MAX),
        DynamicImage::ImageLumaA16(pixels) => pixels.pixels().any(|pixel| pixel.0[1] < u16::MAX),
        DynamicImage::ImageRgba32F(pixels) => pixels.pixels().any(|pixel| pixel.0[3] < 1.0),
        other => other.to_rgba8().pixels().any(|pixel| pixel.0[3] < u8::MAX),
    }
}

fn encode(image: &DynamicImage, encoding: Encoding) -> Result<Vec<u8>, String> {
    match encoding {
        Encoding::Webp => Ok(match image {
            DynamicImage::ImageRgb8(pixels) => {
                webp::Encoder::from_rgb(pixels.as_raw(), pixels.width(), pixels.height()).encode(72.0).to_vec()
            }
            DynamicImage::ImageRgba8(pixels) => {
                webp::Encoder::from_rgba(pixels.as_raw(), pixels.width(), pixels.height()).encode(72.0).to_vec()
            }
            other => {
                let pixels = other.to_rgba8();
                webp::Encoder::from_rgba(pixels.as_raw(), pixels.width(), pixels.height()).encode(72.0).to_vec()
            }
        }),
        Encoding::Jpeg => {
            let mut out = Vec::new();
            let encoded = {
                let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 78);
                match image {
                    DynamicImage::ImageRgb8(pixels) => encoder.encode_image(pixels),
                    other => encoder.encode_image(&other.to_rgb8()),
                }
            };
            encoded.map_err(|error| error.to_string())?;
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

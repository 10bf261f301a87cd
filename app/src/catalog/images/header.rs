//! What an image says of itself before a pixel is decoded: its size and
//! pixel type from its header, read within bounds, or an SVG's size from
//! its `<svg>` tag.

use std::io::Cursor;

use image::{ImageDecoder, ImageFormat, ImageReader, Limits};

use super::{MAX_SIDE, PICTURE_MEMORY};

/// What an image's header says, read without decoding a pixel.
pub(super) struct Header {
    pub(super) size: (u32, u32),
    pub(super) format: Option<ImageFormat>,
    /// The decoded picture, in the decoder's pixel type.
    pub(super) decoded_bytes: u64,
    pub(super) bytes_per_pixel: u64,
    /// Whether the decoded pixels carry alpha (without it the picture is opaque).
    pub(super) alpha: bool,
}

/// A reader of `bytes` within the bounds: no side longer than
/// [`MAX_SIDE`], no decoded picture larger than [`PICTURE_MEMORY`].
pub(super) fn reader(bytes: &[u8]) -> Result<ImageReader<Cursor<&[u8]>>, String> {
    let mut reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(unreadable)?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(PICTURE_MEMORY);
    reader.limits(limits);
    Ok(reader)
}

pub(super) fn unreadable(error: impl std::fmt::Display) -> String {
    format!("this image cannot be read: {error}")
}

pub(super) fn read_header(bytes: &[u8]) -> Result<Header, String> {
    let reader = reader(bytes)?;
    let format = reader.format();
    let decoder = reader.into_decoder().map_err(unreadable)?;
    Ok(header_of(&decoder, format))
}

fn header_of(decoder: &impl ImageDecoder, format: Option<ImageFormat>) -> Header {
    let color = decoder.color_type();
    Header {
        size: decoder.dimensions(),
        format,
        decoded_bytes: decoder.total_bytes(),
        bytes_per_pixel: u64::from(color.bytes_per_pixel()),
        alpha: color.has_alpha(),
    }
}

/// An SVG's size from its `width` and `height` (in pixels), else its `viewBox`.
pub(super) fn svg_size(bytes: &[u8]) -> Option<(u32, u32)> {
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

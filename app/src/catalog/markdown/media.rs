//! Pictures and videos in a lesson: a course image in copies sized for a
//! phone, an image from another site as a link to it, a linked video
//! thumbnail as a card that fetches nothing.

use crate::catalog::highlight::escape_into;
use crate::catalog::images::{Encoding, ImageInfo, PHONE_WIDTH};
use crate::language::Language;
use crate::msg;

/// The width images take on the page, for the browser to pick a copy.
const IMAGE_SIZES: &str = "(min-width: 44rem) 42rem, 100vw";

/// An image in the copies made for it, the browser choosing the smallest
/// that fills its width; its size given, so nothing moves as it arrives.
pub(super) fn picture(href: &str, info: &ImageInfo, alt: &str, title: &str, first: bool) -> String {
    let srcset = |encoding: Encoding| {
        info.variants_in(encoding)
            .map(|variant| format!("{href}&w={}&f={} {}w", variant.width, encoding.extension(), variant.width))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut html = String::new();
    let fallback = info.fallback();
    if fallback.is_some() {
        html.push_str("<picture><source type=\"image/webp\" srcset=\"");
        escape_into(&mut html, &srcset(Encoding::Webp));
        html.push_str("\" sizes=\"");
        html.push_str(IMAGE_SIZES);
        html.push_str("\">");
    }
    html.push_str("<img src=\"");
    match fallback {
        Some(encoding) => {
            let chosen = info.variants_in(encoding).find(|v| v.width >= PHONE_WIDTH);
            let width = chosen.or(info.variants_in(encoding).last()).map(|v| v.width).unwrap_or_default();
            escape_into(&mut html, &format!("{href}&w={width}&f={}", encoding.extension()));
            html.push_str("\" srcset=\"");
            escape_into(&mut html, &srcset(encoding));
            html.push_str("\" sizes=\"");
            html.push_str(IMAGE_SIZES);
        }
        None => escape_into(&mut html, href),
    }
    html.push_str("\" alt=\"");
    escape_into(&mut html, alt.trim());
    if !title.is_empty() {
        html.push_str("\" title=\"");
        escape_into(&mut html, title);
    }
    if let Some((width, height)) = info.size {
        html.push_str(&format!("\" width=\"{width}\" height=\"{height}"));
    }
    // The first picture is likely on the first screen; the rest wait until
    // the reader scrolls near them.
    html.push_str(if first { "\" decoding=\"async\">" } else { "\" loading=\"lazy\" decoding=\"async\">" });
    if fallback.is_some() {
        html.push_str("</picture>");
    }
    html
}

/// An image on another site, shown as a link to it by its alt text (or its
/// address, when it has none); inside a link already, as that text alone,
/// since a link cannot hold another.
pub(super) fn outside_image(url: &str, alt: &str, inside_link: bool) -> String {
    let mut html = String::new();
    if !inside_link {
        html.push_str("<a href=\"");
        escape_into(&mut html, url);
        html.push_str("\">");
    }
    escape_into(&mut html, if alt.trim().is_empty() { url } else { alt });
    if !inside_link {
        html.push_str("</a>");
    }
    html
}

/// After the still of an animated GIF: a link that plays it, with its
/// size, so that a learner on a metered connection chooses.
pub(super) fn animation_link(href: &str, bytes: u64, language: Language) -> String {
    let mut html = String::from(" <a class=\"file-link\" href=\"");
    escape_into(&mut html, href);
    html.push_str("\">");
    escape_into(&mut html, &crate::i18n::translate(language, msg::LESSON_ANIMATION_PLAY, None));
    html.push_str(" <span class=\"file-size\">(");
    html.push_str(&super::downloads::file_link_size(language, "GIF", bytes));
    html.push_str(")</span></a>");
    html
}

/// `[![alt](thumbnail)](video)`: a card linking to the video, with its
/// title and length when given. The thumbnail is never fetched. `text` is
/// the text inside the link, its thumbnail's alt text.
pub(super) fn video_card(text: &str, href: &str, title: &str, site: &str, language: Language) -> String {
    let name = if title.trim().is_empty() { text.trim() } else { title.trim() };
    let name = if name.is_empty() { site } else { name };
    let mut meta = crate::i18n::translate(
        language,
        msg::LESSON_VIDEO_OPENS,
        Some(&fluent_bundle::FluentArgs::from_iter([("site", site)])),
    );
    if let Some(length) = duration_in(title).or_else(|| duration_in(text)) {
        meta.push_str(" · ");
        meta.push_str(&length);
    }
    let mut html = String::from("<a class=\"video-card\" href=\"");
    escape_into(&mut html, href);
    html.push_str("\"><span class=\"video-card-title\">");
    escape_into(&mut html, name);
    html.push_str("</span> <span class=\"video-card-meta\">");
    escape_into(&mut html, &meta);
    html.push_str("</span></a>");
    html
}

/// A length like `12:34` or `1:02:03` written in a video's title.
fn duration_in(text: &str) -> Option<String> {
    text.split(|c: char| !(c.is_ascii_digit() || c == ':')).find_map(|part| {
        let pieces: Vec<&str> = part.split(':').collect();
        let well_formed = (2..=3).contains(&pieces.len())
            && pieces[0].len() <= 2
            && !pieces[0].is_empty()
            && pieces[1..].iter().all(|piece| piece.len() == 2 && piece < &"60");
        well_formed.then(|| part.to_string())
    })
}

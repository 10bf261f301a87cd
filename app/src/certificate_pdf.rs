//! A certificate as a one-page A4 PDF, drawn on the server: centred, in
//! the programme's accent colour, with its logo when one is configured.
//!
//! Each line is laid out by the Unicode bidirectional algorithm
//! (`unicode-bidi`): an Urdu line reads right to left with its digits and
//! Latin codes left to right inside it; each run is shaped by rustybuzz
//! (Urdu joined) in its script's font (Noto Sans for Latin and Cyrillic,
//! Noto Naskh Arabic for Arabic script, from Debian's `fonts-noto-core`).
//! The PDF is tagged (heading, paragraphs, a link, the QR code as a figure
//! with its alternative text), has its title and language set, carries
//! every line's text in reading order, and the verify address is a link.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use krilla::Document;
use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{ArtifactType, ContentTag, Node, SpanTag, Tag, TagGroup, TagTree};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use unicode_bidi::BidiInfo;

use crate::language::Language;
use crate::model::CertificateView;

/// Where the fonts are: `LEARN_FONTS_DIR`, else Debian's Noto folder.
fn fonts_dir() -> PathBuf {
    std::env::var_os("LEARN_FONTS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/share/fonts/truetype/noto"))
}

struct Fonts {
    latin: Typeface,
    latin_bold: Typeface,
    arabic: Typeface,
    arabic_bold: Typeface,
}

/// A font for the PDF, and its bytes for shaping.
struct Typeface {
    font: Font,
    data: Arc<Vec<u8>>,
}

fn load(name: &str) -> Result<Typeface, String> {
    let path = fonts_dir().join(name);
    let data = Arc::new(std::fs::read(&path).map_err(|error| format!("{}: {error}", path.display()))?);
    let font = Font::new(data.clone().into(), 0).ok_or_else(|| format!("{}: not a usable font", path.display()))?;
    Ok(Typeface { font, data })
}

fn fonts() -> Result<&'static Fonts, String> {
    static FONTS: OnceLock<Result<Fonts, String>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Ok(Fonts {
                latin: load("NotoSans-Regular.ttf")?,
                latin_bold: load("NotoSans-Bold.ttf")?,
                arabic: load("NotoNaskhArabic-Regular.ttf")?,
                arabic_bold: load("NotoNaskhArabic-Bold.ttf")?,
            })
        })
        .as_ref()
        .map_err(Clone::clone)
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// A4 in points, and the width text may take.
const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const TEXT_WIDTH: f32 = WIDTH - 2.0 * 70.0;

/// The programme's accent, as on its pages (`--accent`).
const ACCENT: (u8, u8, u8) = (0x0b, 0x5c, 0xad);
const INK: (u8, u8, u8) = (0x1a, 0x1a, 0x1a);
const MUTED: (u8, u8, u8) = (0x55, 0x55, 0x55);

/// The words around the name and title, in the reader's language.
pub struct Labels {
    pub language: Language,
    pub heading: String,
    pub certifies: String,
    pub completed: String,
    pub date: String,
    /// The date of issue, written the language's way.
    pub issued_on: String,
    pub hours: String,
    pub duration: String,
    pub issuer: String,
    pub verify_at: String,
    pub code: String,
    pub qr: String,
}

/// A logo for the top of the page: PNG or JPEG bytes (an SVG logo shows
/// on the page but not in the PDF).
pub struct Logo<'a> {
    pub content_type: &'a str,
    pub bytes: &'a [u8],
}

/// A piece of one line in one font and direction, shaped, in visual order.
struct Piece {
    font: Font,
    glyphs: Vec<KrillaGlyph>,
    text: String,
    width: f32,
}

/// Shapes `text` in one direction with rustybuzz; advances in ems.
fn shape(text: &str, typeface: &Typeface, right_to_left: bool) -> Vec<KrillaGlyph> {
    let Some(face) = rustybuzz::Face::from_slice(&typeface.data, 0) else { return Vec::new() };
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    buffer.set_direction(if right_to_left {
        rustybuzz::Direction::RightToLeft
    } else {
        rustybuzz::Direction::LeftToRight
    });
    let output = rustybuzz::shape(&face, &[], buffer);
    let em = typeface.font.units_per_em();
    let infos = output.glyph_infos();
    // Each glyph's cluster runs to the next larger cluster start (in either order).
    let mut starts: Vec<usize> = infos.iter().map(|info| info.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    let end_of = |start: usize| starts.iter().copied().find(|&s| s > start).unwrap_or(text.len());
    infos
        .iter()
        .zip(output.glyph_positions())
        .map(|(info, position)| {
            let start = info.cluster as usize;
            KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                position.x_advance as f32 / em,
                position.x_offset as f32 / em,
                position.y_offset as f32 / em,
                position.y_advance as f32 / em,
                start..end_of(start),
                None,
            )
        })
        .collect()
}

/// `text` split by the bidirectional algorithm and by script, in the order
/// the pieces stand on the line from left to right.
fn lay_out(text: &str, size: f32, bold: bool, fonts: &Fonts) -> Vec<Piece> {
    let info = BidiInfo::new(text, None);
    let mut pieces = Vec::new();
    for paragraph in &info.paragraphs {
        let (levels, runs) = info.visual_runs(paragraph, paragraph.range.clone());
        for run in runs {
            let right_to_left = levels[run.start].is_rtl();
            let mut parts = by_script(text, run);
            if right_to_left {
                parts.reverse();
            }
            for (range, arabic) in parts {
                let typeface = match (arabic, bold) {
                    (true, false) => &fonts.arabic,
                    (true, true) => &fonts.arabic_bold,
                    (false, false) => &fonts.latin,
                    (false, true) => &fonts.latin_bold,
                };
                let piece = &text[range];
                let glyphs = shape(piece, typeface, right_to_left);
                let font = typeface.font.clone();
                let width = glyphs.iter().map(|glyph| glyph.x_advance).sum::<f32>() * size;
                pieces.push(Piece { font, glyphs, text: piece.to_string(), width });
            }
        }
    }
    pieces
}

/// A run cut where its script changes (spaces and marks go with what is
/// before them), each part marked Arabic script or not.
fn by_script(text: &str, run: Range<usize>) -> Vec<(Range<usize>, bool)> {
    let mut parts: Vec<(Range<usize>, bool)> = Vec::new();
    for (offset, c) in text[run.clone()].char_indices() {
        let at = run.start + offset;
        let end = at + c.len_utf8();
        let neutral = !c.is_alphanumeric();
        match parts.last_mut() {
            Some((range, arabic)) if neutral || *arabic == is_arabic(c) => range.end = end,
            _ => parts.push((at..end, is_arabic(c))),
        }
    }
    parts
}

/// Draws the certificate: each line centred, tagged as `tag` in the tree.
struct Drawing<'a, 'b> {
    surface: Surface<'b>,
    fonts: &'a Fonts,
    tree: TagTree,
}

impl Drawing<'_, '_> {
    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        lay_out(text, size, bold, self.fonts).iter().map(|piece| piece.width).sum()
    }

    /// The size, at most `size`, at which `text` fits the text width.
    fn fitting(&self, text: &str, size: f32, bold: bool) -> f32 {
        let width = self.width(text, size, bold);
        if width <= TEXT_WIDTH { size } else { (size * TEXT_WIDTH / width).max(9.0) }
    }

    /// Draws one centred line with its baseline at `y`; returns its box.
    fn line(&mut self, text: &str, y: f32, size: f32, bold: bool, colour: (u8, u8, u8), lang: &str) -> (Rect, Node) {
        let pieces = lay_out(text, size, bold, self.fonts);
        let width: f32 = pieces.iter().map(|piece| piece.width).sum();
        let mut x = (WIDTH - width) / 2.0;
        let span = SpanTag::empty().with_lang(Some(lang));
        let id = self.surface.start_tagged(ContentTag::Span(span));
        self.surface.set_fill(Some(fill(colour)));
        for piece in &pieces {
            self.surface.draw_glyphs(Point::from_xy(x, y), &piece.glyphs, piece.font.clone(), &piece.text, size, false);
            x += piece.width;
        }
        self.surface.end_tagged();
        let area = Rect::from_xywh((WIDTH - width) / 2.0, y - size, width.max(1.0), size * 1.4)
            .unwrap_or_else(|| Rect::from_xywh(0.0, 0.0, 1.0, 1.0).expect("a unit box"));
        (area, id.into())
    }

    /// A line as a paragraph (or heading) of the tag tree.
    fn paragraph(&mut self, text: &str, y: f32, size: f32, bold: bool, colour: (u8, u8, u8), lang: &str) {
        let (_, node) = self.line(text, y, size, bold, colour, lang);
        self.tree.push(TagGroup::with_children(Tag::P, vec![node]));
    }

    /// Decoration, marked as such for screen readers.
    fn artifact(&mut self, draw: impl FnOnce(&mut Surface)) {
        self.surface.start_tagged(ContentTag::Artifact(ArtifactType::Other));
        draw(&mut self.surface);
        self.surface.end_tagged();
    }
}

fn fill((r, g, b): (u8, u8, u8)) -> Fill {
    Fill { paint: rgb::Color::new(r, g, b).into(), ..Fill::default() }
}

fn stroke((r, g, b): (u8, u8, u8), width: f32) -> Stroke {
    Stroke { paint: rgb::Color::new(r, g, b).into(), width, ..Stroke::default() }
}

fn rectangle(x: f32, y: f32, w: f32, h: f32) -> Option<krilla::geom::Path> {
    let mut path = PathBuilder::new();
    path.push_rect(Rect::from_xywh(x, y, w, h)?);
    path.finish()
}

/// The certificate as PDF bytes, labelled in `labels.language`.
pub fn certificate_pdf(certificate: &CertificateView, labels: &Labels, logo: Option<Logo>) -> Result<Vec<u8>, String> {
    let fonts = fonts()?;
    let lang = labels.language.code();
    let mut document = Document::new_with(krilla::SerializeSettings { enable_tagging: true, ..Default::default() });
    document.set_metadata(
        Metadata::new()
            .title(format!("{} – {}", labels.heading, certificate.learner_name))
            .language(lang.to_string())
            .creator(certificate.programme.clone()),
    );
    let mut page = document.start_page_with(PageSettings::from_wh(WIDTH, HEIGHT).ok_or("page size")?);
    let link_node;
    let tree = {
        let surface = page.surface();
        let mut drawing = Drawing { surface, fonts, tree: TagTree::new().with_lang(Some(lang.to_string())) };

        // Two frames in the accent colour, and a band across the top.
        drawing.artifact(|surface| {
            surface.set_fill(None);
            if let Some(path) = rectangle(24.0, 24.0, WIDTH - 48.0, HEIGHT - 48.0) {
                surface.set_stroke(Some(stroke(ACCENT, 2.5)));
                surface.draw_path(&path);
            }
            if let Some(path) = rectangle(32.0, 32.0, WIDTH - 64.0, HEIGHT - 64.0) {
                surface.set_stroke(Some(stroke(ACCENT, 0.75)));
                surface.draw_path(&path);
            }
            surface.set_stroke(None);
            if let Some(path) = rectangle(32.0, 32.0, WIDTH - 64.0, 10.0) {
                surface.set_fill(Some(fill(ACCENT)));
                surface.draw_path(&path);
            }
        });

        let mut y = 100.0;
        if let Some(image) = logo.and_then(|logo| {
            let data = logo.bytes.to_vec().into();
            match logo.content_type {
                "image/png" => Image::from_png(data, true).ok(),
                "image/jpeg" => Image::from_jpeg(data, true).ok(),
                _ => None,
            }
        }) {
            let (w, h) = image.size();
            let scale = (60.0 / h as f32).min(180.0 / w as f32);
            let (w, h) = (w as f32 * scale, h as f32 * scale);
            if let Some(size) = Size::from_wh(w, h) {
                drawing.artifact(|surface| {
                    surface.push_transform(&krilla::geom::Transform::from_translate((WIDTH - w) / 2.0, 70.0));
                    surface.draw_image(image, size);
                    surface.pop();
                });
                y = 70.0 + h + 30.0;
            }
        }
        let programme_size = drawing.fitting(&certificate.programme, 15.0, true);
        drawing.paragraph(&certificate.programme, y + 10.0, programme_size, true, ACCENT, lang);

        let heading_size = drawing.fitting(&labels.heading, 30.0, true);
        let (_, heading) = drawing.line(&labels.heading, y + 75.0, heading_size, true, INK, lang);
        let level = std::num::NonZeroU16::MIN;
        drawing.tree.push(TagGroup::with_children(Tag::Hn(level, Some(labels.heading.clone())), vec![heading]));
        drawing.artifact(|surface| {
            if let Some(path) = rectangle(WIDTH / 2.0 - 40.0, y + 95.0, 80.0, 2.0) {
                surface.set_fill(Some(fill(ACCENT)));
                surface.draw_path(&path);
            }
        });

        drawing.paragraph(&labels.certifies, y + 150.0, 14.0, false, MUTED, lang);
        let name_size = drawing.fitting(&certificate.learner_name, 32.0, true);
        drawing.paragraph(&certificate.learner_name, y + 205.0, name_size, true, INK, lang);
        drawing.paragraph(&labels.completed, y + 255.0, 14.0, false, MUTED, lang);
        let title_size = drawing.fitting(&certificate.course_title, 22.0, true);
        drawing.paragraph(&certificate.course_title, y + 300.0, title_size, true, ACCENT, lang);

        // The facts, one centred pair per line: label, then value.
        let mut fact_y = y + 370.0;
        for (label, value) in [
            (&labels.date, &labels.issued_on),
            (&labels.hours, &labels.duration),
            (&labels.issuer, &certificate.programme),
        ] {
            let text = format!("{label}: {value}");
            let size = drawing.fitting(&text, 12.0, false);
            drawing.paragraph(&text, fact_y, size, false, INK, lang);
            fact_y += 22.0;
        }

        // The QR code of the verification address, centred, then the address and code.
        let qr_size = 110.0;
        let qr_top = HEIGHT - 260.0;
        if let Ok(code) = qrcode::QrCode::new(certificate.verify_url.as_bytes()) {
            let modules = code.width();
            let module = qr_size / modules as f32;
            let left = (WIDTH - qr_size) / 2.0;
            let mut dark = PathBuilder::new();
            for (index, colour) in code.to_colors().iter().enumerate() {
                if *colour == qrcode::Color::Dark {
                    let (column, row) = ((index % modules) as f32, (index / modules) as f32);
                    if let Some(rect) = Rect::from_xywh(left + column * module, qr_top + row * module, module, module) {
                        dark.push_rect(rect);
                    }
                }
            }
            if let Some(path) = dark.finish() {
                let figure =
                    drawing.surface.start_tagged(ContentTag::Span(SpanTag::empty().with_alt_text(Some(&labels.qr))));
                drawing.surface.set_fill(Some(fill(INK)));
                drawing.surface.draw_path(&path);
                drawing.surface.end_tagged();
                drawing.tree.push(TagGroup::with_children(Tag::Figure(Some(labels.qr.clone())), vec![figure.into()]));
            }
        }
        let below = qr_top + qr_size + 28.0;
        drawing.paragraph(&labels.verify_at, below, 10.5, false, MUTED, lang);
        let url_size = drawing.fitting(&certificate.verify_url, 10.5, false);
        let (area, url) = drawing.line(&certificate.verify_url, below + 18.0, url_size, false, ACCENT, "en");
        link_node = Some((area, url));
        let code_line = format!("{} {}", labels.code, certificate.verify_code);
        drawing.paragraph(&code_line, below + 36.0, 10.5, false, INK, lang);

        drawing.surface.finish();
        drawing.tree
    };
    let mut tree = tree;
    if let Some((area, text)) = link_node {
        let link =
            LinkAnnotation::new(area, Target::Action(Action::Link(LinkAction::new(certificate.verify_url.clone()))));
        let annotation = page.add_tagged_annotation(Annotation::new_link(link, Some(certificate.verify_url.clone())));
        // The address goes after the "check it at" line, as it is read.
        tree.push(TagGroup::with_children(Tag::Link, vec![text, annotation.into()]));
    }
    page.finish();
    document.set_tag_tree(tree);
    document.finish().map_err(|error| format!("{error:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_cut_by_script_and_direction() {
        // "Code: ABCD-1234" in Urdu: the Latin code stands whole inside.
        let text = "کوڈ: ABCD-1234";
        let info = BidiInfo::new(text, None);
        let paragraph = &info.paragraphs[0];
        assert!(paragraph.level.is_rtl(), "an Urdu line reads right to left");
        let (_, runs) = info.visual_runs(paragraph, paragraph.range.clone());
        let texts: Vec<&str> = runs.iter().map(|run| text[run.clone()].trim()).collect();
        assert_eq!(texts.first().copied(), Some("ABCD-1234"), "the code is on the left: {texts:?}");
        assert!(texts.last().unwrap().contains("کوڈ"), "the label on the right: {texts:?}");
        assert_eq!(
            by_script("Aisha عائشہ", 0.."Aisha عائشہ".len()),
            vec![(0..6, false), (6.."Aisha عائشہ".len(), true)]
        );
    }
}

//! A certificate as a one-page A4 PDF, drawn on the server: text shaped by
//! rustybuzz (Urdu joined and right to left), fonts embedded (Noto Sans for
//! Latin and Cyrillic, Noto Naskh Arabic for Arabic script, from Debian's
//! `fonts-noto-core`), and each run carrying its actual Unicode text so that
//! names can be searched and copied.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use krilla::Document;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};

use crate::model::CertificateView;

/// Where the fonts are: `LEARN_FONTS_DIR`, else Debian's Noto folder.
fn fonts_dir() -> PathBuf {
    std::env::var_os("LEARN_FONTS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/share/fonts/truetype/noto"))
}

struct Fonts {
    latin: Font,
    latin_bold: Font,
    arabic: Font,
    arabic_bold: Font,
}

fn load(name: &str) -> Result<Font, String> {
    let path = fonts_dir().join(name);
    let data = std::fs::read(&path).map_err(|error| format!("{}: {error}", path.display()))?;
    Font::new(Arc::new(data).into(), 0).ok_or_else(|| format!("{}: not a usable font", path.display()))
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

fn is_arabic(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'))
}

/// A4 in points.
const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 60.0;

/// The certificate as PDF bytes, with the given interface labels (in the
/// reader's language when it is written in Latin or Cyrillic script;
/// English labels otherwise, the name and title keeping their own script).
pub fn certificate_pdf(certificate: &CertificateView, labels: &Labels) -> Result<Vec<u8>, String> {
    let fonts = fonts()?;
    let mut document = Document::new();
    let mut page = document.start_page_with(PageSettings::from_wh(WIDTH, HEIGHT).ok_or("page size")?);
    let mut surface = page.surface();

    // A frame.
    let mut frame = PathBuilder::new();
    if let Some(rect) = Rect::from_xywh(30.0, 30.0, WIDTH - 60.0, HEIGHT - 60.0) {
        frame.push_rect(rect);
    }
    if let Some(path) = frame.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(krilla::paint::Stroke { width: 3.0, ..Default::default() }));
        surface.draw_path(&path);
        surface.set_stroke(None);
        surface.set_fill(Some(krilla::paint::Fill::default()));
    }

    let mut y = 130.0;
    let line = |surface: &mut krilla::surface::Surface, y: &mut f32, text: &str, size: f32, bold: bool, gap: f32| {
        let (font, direction) = match (is_arabic(text), bold) {
            (true, false) => (fonts.arabic.clone(), TextDirection::RightToLeft),
            (true, true) => (fonts.arabic_bold.clone(), TextDirection::RightToLeft),
            (false, false) => (fonts.latin.clone(), TextDirection::LeftToRight),
            (false, true) => (fonts.latin_bold.clone(), TextDirection::LeftToRight),
        };
        surface.draw_text(Point::from_xy(MARGIN, *y), font, size, text, false, direction);
        *y += gap;
    };
    line(&mut surface, &mut y, &certificate.programme, 14.0, true, 50.0);
    line(&mut surface, &mut y, &labels.heading, 28.0, true, 50.0);
    line(&mut surface, &mut y, &labels.certifies, 14.0, false, 45.0);
    line(&mut surface, &mut y, &certificate.learner_name, 30.0, true, 50.0);
    line(&mut surface, &mut y, &labels.completed, 14.0, false, 40.0);
    line(&mut surface, &mut y, &certificate.course_title, 20.0, true, 60.0);
    line(&mut surface, &mut y, &format!("{}: {}", labels.date, certificate.issued_on), 12.0, false, 22.0);
    line(&mut surface, &mut y, &format!("{}: {}", labels.hours, labels.duration), 12.0, false, 22.0);
    line(&mut surface, &mut y, &format!("{}:", labels.issuer), 12.0, false, 18.0);
    line(&mut surface, &mut y, &certificate.programme, 12.0, false, 40.0);

    // The QR code of the verification address, then the address and code.
    let qr_top = y;
    if let Ok(code) = qrcode::QrCode::new(certificate.verify_url.as_bytes()) {
        let modules = code.width();
        let size = 130.0 / modules as f32;
        let mut dark = PathBuilder::new();
        for (index, color) in code.to_colors().iter().enumerate() {
            if *color == qrcode::Color::Dark {
                let (column, row) = ((index % modules) as f32, (index / modules) as f32);
                if let Some(rect) = Rect::from_xywh(MARGIN + column * size, qr_top + row * size, size, size) {
                    dark.push_rect(rect);
                }
            }
        }
        if let Some(path) = dark.finish() {
            surface.draw_path(&path);
        }
    }
    let mut y = qr_top + 160.0;
    line(&mut surface, &mut y, &labels.verify_at, 11.0, false, 18.0);
    line(&mut surface, &mut y, &certificate.verify_url, 11.0, false, 18.0);
    line(&mut surface, &mut y, &format!("{} {}", labels.code, certificate.verify_code), 11.0, false, 18.0);

    surface.finish();
    page.finish();
    document.finish().map_err(|error| format!("{error:?}"))
}

/// The words around the name and title, in one language.
pub struct Labels {
    pub heading: String,
    pub certifies: String,
    pub completed: String,
    pub date: String,
    pub hours: String,
    pub duration: String,
    pub issuer: String,
    pub verify_at: String,
    pub code: String,
}

//! Pictures in the walk: a course image in copies sized for a phone (an
//! animated GIF as a still, with a link that plays it), one from another
//! site as a link, and in a translation the original's picture where its
//! own is missing.

use pulldown_cmark::{CowStr, Event, TagEnd};

use super::Walk;
use crate::catalog::highlight::escape_into;
use crate::catalog::links::{Image, resolve_image};
use crate::catalog::markdown::media::{animation_link, outside_image, picture};

impl<'m> Walk<'m, '_> {
    /// An image, with the events of its alt text: a course image becomes a
    /// picture sized for phones; one from another site, a link to it; a
    /// broken one, its alt text.
    pub(super) fn take_image(&mut self, dest_url: CowStr<'m>, title: CowStr<'m>, line: usize) {
        let targets = self.targets;
        let written = self.take_text_until(|event| matches!(event, Event::End(TagEnd::Image)));
        // `![caption](fig.png){alt='what it shows'}`: the list's alt text
        // describes the picture, and the text in brackets is its caption.
        let (alt, caption) = match self.take_attributes_after().and_then(|attributes| attributes.alt) {
            Some(alt) if alt.trim() != written.trim() && !written.trim().is_empty() => (alt, Some(written)),
            Some(alt) => (alt, None),
            None => (written, None),
        };
        if alt.trim().is_empty() {
            self.warn(
                line,
                "this image has no alt text: describe it inside the brackets, `![what the picture shows](…)`",
            );
        }
        let mut shown = dest_url.to_string();
        let mut resolved = resolve_image(&dest_url, targets);
        if resolved.is_err()
            && let Some(original) = self.original_picture(&dest_url)
            && let Ok(image @ Image::Course { .. }) = resolve_image(&original, targets)
        {
            self.warn(
                line,
                format!("image `{dest_url}` is not in the course, so the original lesson's picture `{original}` is shown in its place: put the translated picture there to show it instead"),
            );
            shown = original;
            resolved = Ok(image);
        }
        let html = match resolved {
            Ok(Image::Course { href, file }) => {
                let info = file.image.as_ref().expect("resolved images have image info");
                self.images.push((shown, info.phone_bytes(file.bytes)));
                let mut html = picture(&href, info, &alt, &title, self.images.len() == 1);
                if info.animated && !info.variants.is_empty() {
                    self.warn(
                        line,
                        format!(
                            "`{dest_url}` is an animated GIF of {} KB: phones are shown a still of its first frame ({} KB) with a link to play it; a short video, or a few stills with words, weigh less",
                            file.bytes.div_ceil(1024),
                            info.phone_bytes(file.bytes).div_ceil(1024)
                        ),
                    );
                    html.push_str(&animation_link(&href, file.bytes, self.source.language));
                }
                if let Some(caption) = caption {
                    html.push_str("<br><span class=\"figure-caption\">");
                    escape_into(&mut html, &caption);
                    html.push_str("</span>");
                }
                html
            }
            Ok(Image::Outside(url)) => {
                self.warn(
                    line,
                    format!("image `{url}` is on another site: our pages never make a learner's phone fetch from elsewhere, so it is shown as a link to it"),
                );
                outside_image(&url, &alt, self.open_link.is_some())
            }
            Err(message) => {
                self.warn(line, format!("{message} (its alt text is shown instead)"));
                let mut html = String::new();
                escape_into(&mut html, &alt);
                html
            }
        };
        self.push(Event::Html(html.into()));
    }

    /// In a translation, the original's picture for one it cannot find:
    /// the one whose file name starts the same, before its first dot
    /// (`flow.ur.png` translates `flow.svg`).
    fn original_picture(&self, url: &str) -> Option<String> {
        let name = |url: &str| url.rsplit('/').next().and_then(|file| file.split('.').next()).map(str::to_lowercase);
        let wanted = name(url)?;
        self.source
            .original_images
            .iter()
            .find(|(written, _)| name(written).as_ref() == Some(&wanted))
            .map(|(written, _)| written.clone())
    }
}

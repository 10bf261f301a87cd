//! Translations that know when they are stale. A translation's front
//! matter names the original it was made from (`translated_from`, the
//! SHA-256 of the original lesson's file, which is also the name the studio
//! keeps that content under); the loader warns when the original has
//! changed since, and the studio shows the translator what changed and,
//! when they say the translation matches the original again, names the
//! current original.

/// The `translated_from` a translation's front matter names, if any.
pub fn translated_from(text: &str) -> Option<String> {
    front_matter_lines(text)?.into_iter().find_map(|line| {
        let value = line.trim().strip_prefix("translated_from")?.trim_start().strip_prefix('=')?.trim();
        Some(value.trim_matches('"').to_string())
    })
}

/// The lines between a `+++` front matter's fences, if it has one.
fn front_matter_lines(text: &str) -> Option<Vec<&str>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text.strip_prefix("+++\n")?;
    let end = rest.lines().position(|line| line.trim_end() == "+++")?;
    Some(rest.lines().take(end).collect())
}

/// `text` with its front matter naming `original` as the original it was
/// made from (replacing what it named); unchanged when it has no `+++`
/// front matter to say it in.
pub fn with_translated_from(text: &str, original: &str) -> String {
    let Some(lines) = front_matter_lines(text) else { return text.to_string() };
    let named = format!("translated_from = \"{original}\"");
    let mut kept: Vec<String> = lines
        .iter()
        .filter(|line| !line.trim_start().starts_with("translated_from"))
        .map(|line| line.to_string())
        .collect();
    kept.push(named);
    // The closing fence: the first `+++` at the start of a line after the opening one.
    let after_open = text.find("+++\n").map(|at| at + 4).unwrap_or(0);
    let inside = &text.as_bytes()[after_open..];
    let body_start = text[after_open..]
        .match_indices("+++")
        .find(|(at, _)| *at == 0 || inside[at - 1] == b'\n')
        .map(|(at, _)| after_open + at)
        .unwrap_or(after_open);
    format!("+++\n{}\n{}", kept.join("\n"), &text[body_start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_original_a_translation_was_made_from_is_named_in_its_front_matter() {
        let text = "+++\ntitle = \"خوش آمدید\"\n+++\n\nمتن\n";
        assert_eq!(translated_from(text), None);
        let named = with_translated_from(text, "abc");
        assert_eq!(named, "+++\ntitle = \"خوش آمدید\"\ntranslated_from = \"abc\"\n+++\n\nمتن\n");
        assert_eq!(translated_from(&named).as_deref(), Some("abc"));
        let renamed = with_translated_from(&named, "def");
        assert_eq!(translated_from(&renamed).as_deref(), Some("def"));
        assert_eq!(renamed.matches("translated_from").count(), 1);
        assert_eq!(with_translated_from("# Title\n\ntext", "abc"), "# Title\n\ntext", "no front matter: unchanged");
    }
}

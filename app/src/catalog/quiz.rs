//! Quiz questions written in a lesson's markdown:
//!
//! ```text
//! ::: question strongest-password single
//! Which of these passwords is the strongest?
//!
//! - [ ] `Pakistan123` {#common}
//!   Names and number runs are the first things attackers try.
//! - [x] `river mango lantern seven` {#passphrase}
//!   Four random words are long and easy to remember.
//! :::
//! ```

use std::path::Path;

use super::fenced_divs::{Fence, MAX_DEPTH, closing_marker, fence_of, opening_marker};
use super::problem::Problems;
use super::slug::is_slug;

/// A question as written, before its markdown is rendered.
#[derive(Debug, Clone, PartialEq)]
pub struct WrittenQuestion {
    pub id: String,
    pub multiple: bool,
    pub line: usize,
    pub prompt: String,
    pub options: Vec<WrittenOption>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WrittenOption {
    pub id: String,
    pub correct: bool,
    pub line: usize,
    pub text: String,
    pub explanation: String,
}

/// A lesson body with its question blocks taken out.
pub struct Extracted {
    /// The body with every question block's lines left blank, so that line
    /// numbers in the rest of the markdown stay true.
    pub markdown: String,
    pub questions: Vec<WrittenQuestion>,
}

/// Takes the question blocks out of a lesson body, reporting every mistake;
/// the fences of other blocks (Pandoc's fenced divs) become the markers
/// [`super::fenced_divs`] describes.
pub fn extract_questions(body: &str, first_line: usize, path: &Path, problems: &mut Problems) -> Extracted {
    let mut markdown = String::with_capacity(body.len());
    let mut questions = Vec::new();
    let mut current: Option<(WrittenQuestion, bool)> = None; // (question, broken)
    let mut in_fence: Option<&str> = None;
    let mut divs = OpenDivs::default();

    for (index, raw_line) in body.split_inclusive('\n').enumerate() {
        let line_number = first_line + index;
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let newline = &raw_line[line.len()..];

        if current.is_none() {
            // Code fences may show quiz syntax as an example; leave them alone.
            let trimmed = line.trim_start();
            if let Some(fence) = in_fence {
                if trimmed.starts_with(fence) {
                    in_fence = None;
                }
                markdown.push_str(raw_line);
                continue;
            }
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                in_fence = Some(&trimmed[..3]);
                markdown.push_str(raw_line);
                continue;
            }
            if let Some(header) = line.strip_prefix(":::")
                && header.split_whitespace().next() == Some("question")
            {
                current = Some(start_question(header.trim(), line_number, path, problems));
                markdown.push_str(newline);
                continue;
            }
            if let Some(fence) = fence_of(line) {
                // Kept indented, so that a box inside a list item stays in it.
                markdown.push_str(&line[..line.len() - line.trim_start().len()]);
                divs.take(fence, line_number, path, problems, &mut markdown);
                markdown.push_str(newline);
                continue;
            }
            markdown.push_str(raw_line);
            continue;
        }

        markdown.push_str(newline);
        let (question, broken) = current.as_mut().expect("inside a question block");
        if line.trim_end() == ":::" {
            let (question, broken) = current.take().expect("inside a question block");
            if !broken && check_question(&question, path, problems) {
                questions.push(question);
            }
            continue;
        }
        if let Some((correct, rest)) = option_line(line) {
            match parse_option(rest, correct, line_number) {
                Ok(option) => question.options.push(option),
                Err(message) => {
                    problems.report(path, line_number, message);
                    *broken = true;
                }
            }
        } else if let Some(option) = question.options.last_mut() {
            if line.trim().is_empty() {
                option.explanation.push('\n');
            } else if let Some(explanation) = line.strip_prefix("  ") {
                option.explanation.push_str(explanation);
                option.explanation.push('\n');
            } else {
                problems.report(
                    path,
                    line_number,
                    "after the options, a line must be another option `- [ ] text {#id}`, an explanation indented by two spaces, or `:::`",
                );
                *broken = true;
            }
        } else {
            question.prompt.push_str(line);
            question.prompt.push('\n');
        }
    }
    if let Some((question, _)) = current {
        problems.report(path, question.line, "this question is not closed: add a line `:::` after its last option");
    }
    for (class, line) in divs.open {
        problems.warn(
            path,
            line,
            format!("this `::: {class}` block is not closed, so it runs to the end of the lesson: add a line of colons (`:::`) where it ends"),
        );
    }
    Extracted { markdown, questions }
}

/// The fenced divs open at a point of the lesson, innermost last, each
/// with the line it opened on.
#[derive(Default)]
struct OpenDivs {
    open: Vec<(String, usize)>,
    /// Fences opened past [`MAX_DEPTH`], left aside with their closings.
    too_deep: usize,
}

impl OpenDivs {
    /// A fence line becomes its marker (or nothing, when it closes nothing).
    fn take(&mut self, fence: Fence, line: usize, path: &Path, problems: &mut Problems, markdown: &mut String) {
        match fence {
            Fence::Open(_) | Fence::Unreadable if self.open.len() >= MAX_DEPTH => {
                if self.too_deep == 0 {
                    problems.warn(
                        path,
                        line,
                        format!("blocks nest at most {MAX_DEPTH} deep: this one and those inside it are shown without their boxes"),
                    );
                }
                self.too_deep += 1;
            }
            Fence::Close if self.too_deep > 0 => self.too_deep -= 1,
            Fence::Open(class) => {
                markdown.push_str(&opening_marker(class));
                self.open.push((class.to_ascii_lowercase(), line));
            }
            Fence::Unreadable => {
                problems.warn(
                    path,
                    line,
                    "a block starts with colons and one class, `::: callout` or `::: {.callout}`; a question with `::: question <id> single|multiple`: this one is shown as a plain box",
                );
                markdown.push_str(&opening_marker("div"));
                self.open.push(("div".to_string(), line));
            }
            Fence::Close if self.open.pop().is_some() => markdown.push_str(&closing_marker()),
            Fence::Close => problems.report(
                path,
                line,
                "a lone `:::` closes nothing: start a question with `::: question <id> single|multiple`, or a block with `::: callout`",
            ),
        }
    }
}

fn start_question(header: &str, line: usize, path: &Path, problems: &mut Problems) -> (WrittenQuestion, bool) {
    let mut words = header.split_whitespace();
    let mut question =
        WrittenQuestion { id: String::new(), multiple: false, line, prompt: String::new(), options: Vec::new() };
    let broken = match (words.next(), words.next(), words.next(), words.next()) {
        (Some("question"), Some(id), Some(kind @ ("single" | "multiple")), None) if is_slug(id) => {
            question.id = id.to_string();
            question.multiple = kind == "multiple";
            false
        }
        (Some("question"), Some(id), Some("single" | "multiple"), None) => {
            problems.report(
                path,
                line,
                format!("question id `{id}` must be a slug: lowercase letters, digits and hyphens"),
            );
            true
        }
        _ => {
            problems.report(
                path,
                line,
                "write a question block as `::: question <id> single` or `::: question <id> multiple`",
            );
            true
        }
    };
    (question, broken)
}

/// `- [x] rest` → `(true, "rest")`.
fn option_line(line: &str) -> Option<(bool, &str)> {
    let rest = line.strip_prefix("- [")?;
    let (mark, rest) = rest.split_at_checked(2)?;
    let correct = match mark {
        " ]" => false,
        "x]" | "X]" => true,
        _ => return None,
    };
    Some((correct, rest.trim()))
}

fn parse_option(rest: &str, correct: bool, line: usize) -> Result<WrittenOption, String> {
    let missing_id = || "end each option with its id, like `{#my-option}`".to_string();
    let rest = rest.strip_suffix('}').ok_or_else(missing_id)?;
    let (text, id) = rest.rsplit_once("{#").ok_or_else(missing_id)?;
    if !is_slug(id) {
        return Err(format!("option id `{id}` must be a slug: lowercase letters, digits and hyphens"));
    }
    if text.trim().is_empty() {
        return Err("this option has no text".to_string());
    }
    Ok(WrittenOption { id: id.to_string(), correct, line, text: text.trim().to_string(), explanation: String::new() })
}

/// Checks a question's shape; true when it is sound.
fn check_question(question: &WrittenQuestion, path: &Path, problems: &mut Problems) -> bool {
    let before = problems.len();
    if question.prompt.trim().is_empty() {
        problems.report(
            path,
            question.line,
            format!("question `{}` has no prompt: write it before the options", question.id),
        );
    }
    if question.options.len() < 2 {
        problems.report(path, question.line, format!("question `{}` needs at least two options", question.id));
    }
    let correct = question.options.iter().filter(|option| option.correct).count();
    if question.multiple && correct == 0 {
        problems.report(
            path,
            question.line,
            format!("question `{}` has no correct option: mark at least one `- [x]`", question.id),
        );
    }
    if !question.multiple && correct != 1 {
        problems.report(
            path,
            question.line,
            format!(
                "single-choice question `{}` must have exactly one correct option `- [x]`, not {correct}",
                question.id
            ),
        );
    }
    for (index, option) in question.options.iter().enumerate() {
        if question.options[..index].iter().any(|earlier| earlier.id == option.id) {
            problems.report(path, option.line, format!("option id `{}` is used twice in this question", option.id));
        }
    }
    problems.len() == before
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn extract(body: &str) -> (Extracted, Vec<super::super::problem::Problem>) {
        let mut problems = Problems::default();
        let extracted = extract_questions(body, 10, &PathBuf::from("quiz.md"), &mut problems);
        (extracted, problems.into_vec())
    }

    const GOOD: &str = "Intro\n\n::: question strongest single\nWhich is **strongest**?\n\n- [ ] `abc` {#short}\n  Too short.\n- [x] four random words {#phrase}\n  Long and memorable.\n\n  Second paragraph.\n:::\n\nOutro\n";

    #[test]
    fn a_question_is_taken_out_with_its_options_and_explanations() {
        let (extracted, problems) = extract(GOOD);
        assert!(problems.is_empty(), "{problems:?}");
        let question = &extracted.questions[0];
        assert_eq!(question.id, "strongest");
        assert!(!question.multiple);
        assert_eq!(question.line, 12);
        assert_eq!(question.prompt.trim(), "Which is **strongest**?");
        assert_eq!(question.options.len(), 2);
        assert_eq!(question.options[0].text, "`abc`");
        assert!(!question.options[0].correct);
        assert!(question.options[1].correct);
        assert!(question.options[1].explanation.contains("Second paragraph."));
        assert_eq!(extracted.markdown.lines().count(), GOOD.lines().count());
        assert!(!extracted.markdown.contains("strongest"));
        assert!(extracted.markdown.contains("Outro"));
    }

    #[test]
    fn other_blocks_become_markers_line_for_line() {
        let body = "text\n::::: challenge\nTry it.\n::: solution\nThe answer.\n:::\n:::::\n";
        let (extracted, problems) = extract(body);
        assert!(problems.is_empty(), "{problems:?}");
        let lines: Vec<&str> = extracted.markdown.lines().collect();
        assert_eq!(lines.len(), body.lines().count());
        assert_eq!(lines[1], opening_marker("challenge"));
        assert_eq!(lines[3], opening_marker("solution"));
        assert_eq!((lines[5], lines[6]), (closing_marker().as_str(), closing_marker().as_str()));
    }

    #[test]
    fn boxes_nest_only_so_deep() {
        let body = "::: a\n".repeat(MAX_DEPTH + 3) + &":::\n".repeat(MAX_DEPTH + 3);
        let (extracted, problems) = extract(&body);
        assert_eq!(extracted.markdown.matches(&opening_marker("a")).count(), MAX_DEPTH);
        assert_eq!(extracted.markdown.matches(&closing_marker()).count(), MAX_DEPTH);
        assert_eq!(problems.len(), 1, "said once: {problems:?}");
    }

    #[test]
    fn unreadable_unclosed_and_lone_fences_are_reported_with_their_line() {
        let (extracted, problems) = extract("text\n::: poll colours\n- [ ] red {#red}\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].line, 11);
        assert!(problems[0].message.contains("plain box"));
        assert!(problems[1].message.contains("not closed"));
        assert!(extracted.markdown.contains(&opening_marker("div")));
        let (_, problems) = extract("text\n:::\n");
        assert!(problems[0].message.contains("closes nothing"), "{problems:?}");
    }

    #[test]
    fn single_choice_needs_exactly_one_correct_option() {
        let (_, problems) = extract("::: question q single\nPick\n- [x] a {#a}\n- [x] b {#b}\n:::\n");
        assert!(problems[0].message.contains("exactly one"), "{problems:?}");
        let (_, problems) = extract("::: question q multiple\nPick\n- [ ] a {#a}\n- [ ] b {#b}\n:::\n");
        assert!(problems[0].message.contains("no correct option"), "{problems:?}");
    }

    #[test]
    fn options_need_ids_and_questions_need_closing() {
        let (extracted, problems) = extract("::: question q single\nPick\n- [x] a\n- [ ] b {#b}\n");
        assert!(extracted.questions.is_empty());
        let messages: Vec<_> = problems.iter().map(|p| (p.line, p.message.as_str())).collect();
        assert!(messages.iter().any(|(line, m)| *line == 12 && m.contains("{#my-option}")), "{messages:?}");
        assert!(messages.iter().any(|(line, m)| *line == 10 && m.contains("not closed")), "{messages:?}");
    }

    #[test]
    fn duplicate_option_ids_are_reported() {
        let (_, problems) = extract("::: question q single\nPick\n- [x] a {#a}\n- [ ] b {#a}\n:::\n");
        assert!(problems[0].message.contains("used twice"), "{problems:?}");
        assert_eq!(problems[0].line, 13);
    }

    #[test]
    fn quiz_syntax_inside_a_code_fence_is_left_alone() {
        let (extracted, problems) = extract("```\n::: question q single\n```\n");
        assert!(problems.is_empty());
        assert!(extracted.questions.is_empty());
        assert!(extracted.markdown.contains("::: question"));
    }
}

//! A course's or lesson's problems, for its staff (nothing for anyone
//! else): grouped by kind with a count, errors open, warnings collapsed,
//! so that a course brought from elsewhere with hundreds of warnings does
//! not bury its page, nor an error among them. No script: `<details>`.

use leptos::prelude::*;

use crate::i18n::t;

/// Problems of one kind: the message with its particulars left out, and
/// every line of it (`path:line: severity: message`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProblemGroup {
    pub error: bool,
    pub kind: String,
    pub lines: Vec<String>,
}

/// Groups problem lines by kind, errors first, then the most frequent.
pub fn group(lines: Vec<String>) -> Vec<ProblemGroup> {
    let mut groups: Vec<ProblemGroup> = Vec::new();
    for line in lines {
        let (error, message) = match (line.split_once(": error: "), line.split_once(": warning: ")) {
            (Some((_, message)), _) => (true, message),
            (None, Some((_, message))) => (false, message),
            (None, None) => (false, line.as_str()),
        };
        let kind = kind_of(message);
        match groups.iter_mut().find(|group| group.error == error && group.kind == kind) {
            Some(group) => group.lines.push(line),
            None => groups.push(ProblemGroup { error, kind, lines: vec![line] }),
        }
    }
    groups.sort_by(|a, b| b.error.cmp(&a.error).then(b.lines.len().cmp(&a.lines.len())));
    groups
}

/// A message with what is particular to one case (a `quoted` name, a
/// number) left out: what problems of the same kind share.
fn kind_of(message: &str) -> String {
    let parts: Vec<&str> = message.split('`').collect();
    // With an odd number of backticks, the last one is plain text.
    let closed = !parts.len().is_multiple_of(2);
    let mut kind = String::new();
    for (index, part) in parts.iter().enumerate() {
        let quoted = !index.is_multiple_of(2);
        if quoted && (closed || index + 1 < parts.len()) {
            kind.push('…');
            continue;
        }
        if quoted {
            kind.push('`');
        }
        let mut digits = false;
        for c in part.chars() {
            match c.is_ascii_digit() {
                true if !digits => kind.push('#'),
                true => {}
                false => kind.push(c),
            }
            digits = c.is_ascii_digit();
        }
    }
    kind
}

#[component]
pub fn StaffProblems(heading: &'static str, problems: Vec<String>) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        let total = problems.len();
        let groups = group(problems);
        view! {
            <section class="staff-problems" aria-labelledby="problems-heading">
                <h2 id="problems-heading">{t(heading)} " (" {total} ")"</h2>
                {groups
                    .into_iter()
                    .map(|group| {
                        let count = group.lines.len();
                        view! {
                            <details open=group.error class:error=group.error>
                                <summary dir="ltr">
                                    <strong>{if group.error { "error" } else { "warning" }}</strong>
                                    " " {group.kind} " × " {count}
                                </summary>
                                <ul dir="ltr">
                                    {group.lines.into_iter().map(|line| view! { <li><code>{line}</code></li> }).collect_view()}
                                </ul>
                            </details>
                        }
                    })
                    .collect_view()}
            </section>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|text| text.to_string()).collect()
    }

    #[test]
    fn problems_of_one_kind_make_one_group_and_errors_come_first() {
        let groups = group(lines(&[
            "a.md:3: warning: a link to `x.md` leads nowhere: it is shown as plain text",
            "b.md:9: warning: a link to `y.md` leads nowhere: it is shown as plain text",
            "c.md:12: warning: the page is 130 KB, over the budget",
            "q.md:5: error: question `q1` has no correct option",
        ]));
        assert_eq!(groups.len(), 3, "{groups:?}");
        assert!(groups[0].error && groups[0].kind == "question … has no correct option");
        assert_eq!(groups[1].kind, "a link to … leads nowhere: it is shown as plain text");
        assert_eq!(groups[1].lines.len(), 2);
        assert_eq!(groups[2].kind, "the page is # KB, over the budget");
    }

    #[test]
    fn a_lone_backtick_stays_text() {
        assert_eq!(kind_of("a ` alone"), "a ` alone");
        assert_eq!(kind_of("`a` and `b`"), "… and …");
    }
}

//! Rendering lessons as a learner's phone receives them, against a small course.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use super::super::CourseFile;
use super::super::images::ImageInfo;
use super::*;

struct Fixture {
    lessons: HashMap<PathBuf, String>,
    files: BTreeMap<PathBuf, CourseFile>,
    folders: BTreeSet<PathBuf>,
}

impl Fixture {
    fn new() -> Fixture {
        let mut lessons = HashMap::new();
        lessons.insert(PathBuf::from("01-basics/02-wifi.md"), "wifi".to_string());
        lessons.insert(PathBuf::from("02-more/01-apps.md"), "apps".to_string());
        let mut files = BTreeMap::new();
        let image = ImageInfo { size: Some((320, 180)), ..ImageInfo::default() };
        files.insert(
            PathBuf::from("assets/phone.svg"),
            CourseFile { hash: "abc123".to_string(), bytes: 900, image: Some(image), stamp: None },
        );
        files.insert(
            PathBuf::from("01-basics/starter/index.html"),
            CourseFile { hash: "def456".to_string(), bytes: 3000, image: None, stamp: None },
        );
        let folders = ["assets", "01-basics", "01-basics/starter", "02-more"].map(PathBuf::from).into();
        Fixture { lessons, files, folders }
    }

    fn render(&self, markdown: &str) -> (Rendered, Vec<super::super::problem::Problem>) {
        let targets = LinkTargets {
            course_id: "phones",
            folder: Path::new("01-basics"),
            lessons: &self.lessons,
            files: &self.files,
            folders: &self.folders,
            referenced: &Default::default(),
        };
        let mut problems = Problems::default();
        let path = PathBuf::from("courses/phones/01-basics/01-intro.md");
        let source = Source { path: &path, first_line: 5, language: Language::En, original_images: &[] };
        let rendered = render(markdown, &source, &targets, &mut problems);
        (rendered, problems.into_vec())
    }
}

#[test]
fn headings_get_anchors_and_make_the_table_of_contents() {
    let (rendered, problems) = Fixture::new().render("## First steps\n\ntext\n\n### Detail\n\n## First steps\n");
    assert!(problems.is_empty());
    assert!(rendered.html.contains(r#"<h2 id="first-steps">First steps</h2>"#), "{}", rendered.html);
    assert!(rendered.html.contains(r#"<h2 id="first-steps-2">"#));
    let anchors: Vec<_> = rendered.contents.iter().map(|e| (e.level, e.anchor.as_str())).collect();
    assert_eq!(anchors, [(2, "first-steps"), (3, "detail"), (2, "first-steps-2")]);
}

#[test]
fn links_to_lesson_files_become_lesson_addresses() {
    let (rendered, problems) = Fixture::new()
        .render("[wifi](02-wifi.md) and [apps](../02-more/01-apps.md#install) and [web](https://example.org)");
    assert!(problems.is_empty(), "{problems:?}");
    assert!(rendered.html.contains(r#"href="/courses/phones/wifi""#), "{}", rendered.html);
    assert!(rendered.html.contains(r#"href="/courses/phones/apps#install""#));
    assert!(rendered.html.contains(r#"href="https://example.org""#));
}

#[test]
fn broken_links_are_reported_at_their_line() {
    let (_, problems) = Fixture::new().render("fine\n\n[gone](03-missing.md)\n\n[bad](javascript:alert(1))\n");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(problems[0].line, 7);
    assert!(problems[0].message.contains("points at nothing"));
    assert!(problems.iter().all(|p| !p.is_error()), "a broken link is a warning: {problems:?}");
    assert_eq!(problems[1].line, 9);
}

#[test]
fn images_come_from_assets_with_a_hash_and_need_alt_text() {
    let (rendered, problems) = Fixture::new().render("![The home screen](../assets/phone.svg)");
    assert!(problems.is_empty(), "{problems:?}");
    assert!(rendered.html.contains(r#"src="/media/phones/assets/phone.svg?v=abc123""#), "{}", rendered.html);
    assert!(rendered.html.contains(r#"alt="The home screen""#));
    assert!(rendered.html.contains(r#"width="320" height="180""#), "{}", rendered.html);

    let (_, problems) = Fixture::new().render("![](../assets/phone.svg)\n\n![x](../assets/missing.png)\n");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].message.contains("alt text"));
    assert!(problems[1].message.contains("not found"));
    assert!(problems.iter().all(|p| !p.is_error()), "{problems:?}");
    assert_eq!(problems[1].line, 7);
}

#[test]
fn raw_html_is_sanitised() {
    let (rendered, _) = Fixture::new().render(
        "<script>alert(1)</script>\n\n<p onclick=\"x()\">hi</p>\n\n<a href=\"javascript:x()\">link</a>\n\n<form><input></form>\n",
    );
    assert!(!rendered.html.contains("<script"), "{}", rendered.html);
    assert!(!rendered.html.contains("onclick"));
    assert!(!rendered.html.contains("javascript:"));
    assert!(!rendered.html.contains("<form"));
    assert!(!rendered.html.contains("<input"));
}

#[test]
fn raw_html_links_follow_the_rule_of_markdown_links() {
    for hostile in [
        "//evil.example",
        "/\\evil.example",
        " //evil.example",
        "/\t/evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "JaVaScRiPt:x",
        "data:text/html,x",
        "evil.example",
    ] {
        let (rendered, _) = Fixture::new().render(&format!("<a href=\"{hostile}\">x</a>\n"));
        assert!(!rendered.html.contains("href"), "{hostile:?} kept: {}", rendered.html);
    }
    for fine in ["https://example.org/a", "mailto:help@example.org", "#top", "/courses/phones/wifi"] {
        let (rendered, _) = Fixture::new().render(&format!("<a href=\"{fine}\">x</a>\n"));
        assert!(rendered.html.contains(&format!("href=\"{fine}\"")), "{fine:?} lost: {}", rendered.html);
    }
}

#[test]
fn raw_html_cannot_take_page_ids_tab_order_or_outside_images() {
    let (rendered, _) = Fixture::new()
        .render("<div id=\"main\" tabindex=\"5\">x</div>\n\n<img src=\"https://tracker.example/p.gif\" alt=\"x\">\n");
    assert!(!rendered.html.contains("id=\"main\""), "{}", rendered.html);
    assert!(!rendered.html.contains("tabindex"), "{}", rendered.html);
    assert!(!rendered.html.contains("tracker.example"), "{}", rendered.html);
}

#[test]
fn tables_footnotes_and_task_lists_render() {
    let (rendered, problems) = Fixture::new()
        .render("| a | b |\n|---|---|\n| 1 | 2 |\n\nA note[^n].\n\n[^n]: The note.\n\n- [ ] to do\n- [x] done\n");
    assert!(problems.is_empty(), "{problems:?}");
    assert!(rendered.html.contains(r#"<div class="table-wrap" tabindex="0"><table>"#), "{}", rendered.html);
    assert!(rendered.html.contains(r#"class="footnote-reference""#));
    assert!(rendered.html.contains(r#"class="footnote-definition""#));
    assert!(rendered.html.contains("☐"));
    assert!(rendered.html.contains("☑"));
    assert!(!rendered.html.contains("<input"));
    let (rendered, _) = Fixture::new().render("## Prices\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    assert!(
        rendered
            .html
            .contains(r#"<div class="table-wrap" tabindex="0" role="region" aria-labelledby="prices"><table>"#),
        "a table under a heading is a region named by it: {}",
        rendered.html
    );
}

#[test]
fn every_table_column_needs_a_heading() {
    let (_, problems) = Fixture::new().render("text\n\n| | b |\n|---|---|\n| 1 | 2 |\n");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, 7);
    assert!(problems[0].message.contains("no heading"));
}

#[test]
fn fragments_lose_their_single_paragraph() {
    let fixture = Fixture::new();
    let targets = LinkTargets {
        course_id: "phones",
        folder: Path::new("01-basics"),
        lessons: &fixture.lessons,
        files: &fixture.files,
        folders: &fixture.folders,
        referenced: &Default::default(),
    };
    let mut problems = Problems::default();
    let path = PathBuf::from("x.md");
    let source = Source { path: &path, first_line: 1, language: Language::En, original_images: &[] };
    let html = render_fragment("Use **four** words", &source, &targets, &mut problems);
    assert_eq!(html, "Use <strong>four</strong> words");
}

#[test]
fn a_linked_video_thumbnail_becomes_a_card_that_fetches_nothing() {
    let (rendered, problems) = Fixture::new().render(
        "[![Intro to HTML (12:05)](https://img.youtube.com/vi/abc/0.jpg)](https://youtube.com/watch?v=abc \"Intro to HTML\")\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert!(!rendered.html.contains("img.youtube.com"), "{}", rendered.html);
    assert!(!rendered.html.contains("<img"), "{}", rendered.html);
    assert!(
        rendered.html.contains(r#"class="video-card" href="https://youtube.com/watch?v=abc""#),
        "{}",
        rendered.html
    );
    assert!(rendered.html.contains("Intro to HTML</span>"), "{}", rendered.html);
    assert!(rendered.html.contains("opens YouTube · 12:05"), "{}", rendered.html);
}

#[test]
fn an_outside_image_becomes_a_link_with_a_warning() {
    let (rendered, problems) = Fixture::new().render("![A badge](https://shields.example/b.svg)\n");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(!problems[0].is_error());
    assert!(!rendered.html.contains("<img"), "{}", rendered.html);
    assert!(rendered.html.contains(r#"href="https://shields.example/b.svg""#), "{}", rendered.html);
}

#[test]
fn files_and_folders_of_the_course_are_downloads_with_their_size() {
    let (rendered, problems) = Fixture::new().render("[the starter page](starter/index.html)\n");
    assert!(problems.is_empty(), "{problems:?}");
    assert!(
        rendered.html.contains(r#"href="/media/phones/01-basics/starter/index.html?v=def456""#),
        "{}",
        rendered.html
    );
    assert!(rendered.html.contains("(HTML, 3 KB)"), "{}", rendered.html);
    let (rendered, problems) = Fixture::new().render("[starter files](./starter/)\n");
    assert!(problems.is_empty(), "{problems:?}");
    assert!(rendered.html.contains(r#"href="/media/phones/01-basics/starter.zip?v="#), "{}", rendered.html);
    assert!(rendered.html.contains("(ZIP, 3 KB, one file)"), "{}", rendered.html);
    let (_, problems) = Fixture::new().render("[nothing here](../02-more/)\n");
    assert!(problems[0].message.contains("no files in it"), "{problems:?}");
}

#[test]
fn a_quoted_address_is_named_as_the_cause() {
    let (_, problems) = Fixture::new().render("[x]('#')\n");
    assert!(problems[0].message.contains("the quotes are part of the address"), "{problems:?}");
    assert!(problems[0].message.contains("`(#)`"), "{problems:?}");
}

#[test]
fn what_the_sanitiser_removes_is_reported() {
    let (rendered, problems) = Fixture::new().render("If applied, this commit will <your subject line here>\n");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message.contains("`<your subject line here>`"), "{problems:?}");
    assert!(!rendered.html.contains("your subject"), "{}", rendered.html);
    let (rendered, problems) = Fixture::new().render("If applied, this commit will `<your subject line here>`\n");
    assert!(problems.is_empty());
    assert!(rendered.html.contains("&lt;your subject line here&gt;"), "{}", rendered.html);
}

#[test]
fn a_row_with_more_cells_than_the_heading_is_reported() {
    let (_, problems) = Fixture::new().render("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| 4 \\| x | `|` |\n");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, 7);
    assert!(problems[0].message.contains("3 cells"), "{problems:?}");
}

#[test]
fn code_blocks_keep_their_language_as_a_label_and_are_highlighted() {
    let (rendered, problems) = Fixture::new().render("```bash\n# go home\ncd ~\n```\n\n```\nplain\n```\n");
    assert!(problems.is_empty(), "{problems:?}");
    assert!(
        rendered.html.contains(
            r#"<div class="code-block"><span class="code-language">bash</span><pre><code><span class="hl-c">"#
        ),
        "{}",
        rendered.html
    );
    assert!(rendered.html.contains("<pre><code>plain\n</code></pre>"), "{}", rendered.html);
    let (_, problems) = Fixture::new().render("text\n\n```mermaid\ngraph TD\n  A --> B\n```\n");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message.contains("`mermaid` diagram is shown as its source"), "{problems:?}");
    assert_eq!(problems[0].line, 7);
}

#[test]
fn a_flood_of_raw_html_is_refused_before_any_parser_sees_it() {
    let mut flood = String::from("<p>");
    for i in 0..600 {
        flood.push_str(&format!("<b title={i}>"));
    }
    flood.push_str(&"<p>a".repeat(600));
    let started = std::time::Instant::now();
    let (rendered, problems) = Fixture::new().render(&flood);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert!(rendered.html.is_empty());
    assert!(problems.iter().any(|p| p.is_error() && p.message.contains("raw HTML tags")), "{problems:?}");
}

/// As loading renders a lesson: question blocks (and fenced divs' fences)
/// read first, then the rest rendered.
fn render_lesson(markdown: &str) -> (Rendered, Vec<super::super::problem::Problem>) {
    let mut problems = Problems::default();
    let extracted =
        crate::catalog::quiz::extract_questions(markdown, 5, Path::new("01-basics/01-intro.md"), &mut problems);
    let (rendered, mut more) = Fixture::new().render(&extracted.markdown);
    let mut found = problems.into_vec();
    found.append(&mut more);
    (rendered, found)
}

#[test]
fn a_workbench_challenge_is_a_box_and_its_solution_is_folded() {
    let lesson = "Intro.\n:::::::::::::::::::::::::::::::::::::: challenge\n## Exploring `ls` flags\nWhat does `ls -l` show?\n\n:::::::::::::::  solution\n## Solution\nThe **long** listing.\n:::::::::::::::::::::::::\n::::::::::::::::::::::::::::::::::::::::::::::::::\n\n:::: keypoints\n- `ls` lists files.\n::::\n\nAfter.\n";
    let (rendered, problems) = render_lesson(lesson);
    assert!(problems.is_empty(), "{problems:?}");
    let html = &rendered.html;
    let challenge = html.find("<div class=\"box box-challenge\"><p class=\"box-label\">Try it</p>").expect(html);
    let heading = html.find("<h2 id=\"exploring-ls-flags\">").expect(html);
    let solution = html.find("<details class=\"box-folded\"><summary>Show the solution</summary>").expect(html);
    let answer = html.find("<strong>long</strong>").expect(html);
    let closed = html.find("</details>").expect(html);
    assert!(challenge < heading && heading < solution && solution < answer && answer < closed, "{html}");
    assert!(html.contains("<div class=\"box box-keypoints\"><p class=\"box-label\">Key points</p>"), "{html}");
    assert!(html.contains("<li><code>ls</code> lists files.</li>"), "{html}");
    assert!(html.contains("<p>After.</p>"), "{html}");
    let contents: Vec<&str> = rendered.contents.iter().map(|entry| entry.text.as_str()).collect();
    assert_eq!(contents, ["Exploring ls flags"], "a solution's heading is not in the contents");
    assert!(!html.contains(":::"), "no fence is shown as text: {html}");
    assert_eq!(html.matches("<div").count(), html.matches("</div>").count(), "{html}");
}

#[test]
fn a_box_left_open_is_closed_at_the_end_and_said() {
    let (rendered, problems) = render_lesson("::: callout\nNote this.\n");
    assert!(rendered.html.contains("<div class=\"box box-callout\">"), "{}", rendered.html);
    assert!(rendered.html.trim_end().ends_with("</div>"), "{}", rendered.html);
    assert!(problems.iter().any(|problem| problem.line == 5 && problem.message.contains("not closed")), "{problems:?}");
}

#[test]
fn attribute_lists_are_read_not_shown() {
    let (rendered, problems) = Fixture::new().render(
        "![Figure 1: a phone](../assets/phone.svg){alt='A phone with three apps on its screen' width=\"50%\"}\n\n\
         A [working directory]{#working-directory} is where you are; see [the apps](../02-more/01-apps.md){target=\"_blank\"} and `ls`{.bash}.\n\n\
         Braces in prose stay: {name}.\n",
    );
    let html = &rendered.html;
    assert!(problems.is_empty(), "{problems:?}");
    assert!(html.contains("alt=\"A phone with three apps on its screen\""), "{html}");
    assert!(html.contains("<span class=\"figure-caption\">Figure 1: a phone</span>"), "{html}");
    assert!(html.contains("A <span id=\"working-directory\">working directory</span> is where"), "{html}");
    assert!(html.contains("the apps</a> and <code>ls</code>."), "{html}");
    assert!(
        !html.contains("{alt") && !html.contains("{#") && !html.contains("{.") && !html.contains("target"),
        "{html}"
    );
    assert!(html.contains("{name}"), "{html}");
}

#[test]
fn a_translation_shows_its_originals_picture_where_its_own_is_missing() {
    let fixture = Fixture::new();
    let targets = LinkTargets {
        course_id: "phones",
        folder: Path::new("01-basics"),
        lessons: &fixture.lessons,
        files: &fixture.files,
        folders: &fixture.folders,
        referenced: &Default::default(),
    };
    let original = [("../assets/phone.svg".to_string(), 900)];
    let path = PathBuf::from("courses/phones/01-basics/01-intro.ur.md");
    let source = Source { path: &path, first_line: 5, language: Language::Ur, original_images: &original };
    let mut problems = Problems::default();
    let rendered = render("![فون](../assets/translated/phone.ur.png)\n", &source, &targets, &mut problems);
    assert!(rendered.html.contains("<img src=\"/media/phones/assets/phone.svg"), "{}", rendered.html);
    assert!(rendered.html.contains("alt=\"فون\""), "{}", rendered.html);
    assert_eq!(rendered.images.len(), 1);
    let problems = problems.into_vec();
    assert!(
        problems[0].message.contains("the original lesson's picture `../assets/phone.svg` is shown"),
        "{problems:?}"
    );
    assert!(!problems[0].is_error());
    // Only a picture of the same name stands in: another is not a translation of it.
    let mut problems = Problems::default();
    let rendered = render("![نقشہ](../assets/map.ur.png)\n", &source, &targets, &mut problems);
    assert!(!rendered.html.contains("<img"), "{}", rendered.html);
    assert!(problems.into_vec()[0].message.contains("its alt text is shown instead"));
}

#[test]
fn an_animated_gif_is_a_still_with_a_link_that_plays_it() {
    use super::super::images::{Encoding, Variant};
    let mut fixture = Fixture::new();
    let still = |encoding| Variant { width: 720, height: 360, encoding, bytes: 30_000, path: PathBuf::from("x") };
    let image = ImageInfo {
        size: Some((1200, 600)),
        variants: vec![still(Encoding::Webp), still(Encoding::Png)],
        animated: true,
        ..ImageInfo::default()
    };
    fixture.files.insert(
        PathBuf::from("assets/demo.gif"),
        CourseFile { hash: "9f9f".to_string(), bytes: 2_495_000, image: Some(image), stamp: None },
    );
    let (rendered, problems) = fixture.render("![Opening the settings](../assets/demo.gif)\n");
    let html = &rendered.html;
    assert!(html.contains("f=webp"), "a still in copies: {html}");
    assert!(
        html.contains("href=\"/media/phones/assets/demo.gif?v=9f9f\" rel=\"noopener noreferrer\">Play the animation"),
        "{html}"
    );
    assert!(html.contains("<span class=\"file-size\">(GIF, "), "its size beside it: {html}");
    assert_eq!(rendered.images, [("../assets/demo.gif".to_string(), 30_000)], "the page weighs the still");
    assert!(problems.iter().any(|problem| problem.message.contains("is an animated GIF of 2437 KB")), "{problems:?}");
}

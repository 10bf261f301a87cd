//! The studio's two figures: the server's time to preview a 20 KB lesson
//! (the draft loaded as learners would get it, with the text not saved
//! yet), and the time from a publish on one instance to the new page on
//! another instance of the same database. Run: `make bench` (release).
//!
//! Options: `studio [PREVIEWS] [PUBLISHES]` (default 40 and 8).

use std::path::Path;
use std::time::{Duration, Instant};

use server::config::Settings;
use server::startup::Application;

const PASSWORD: &str = "river mango lantern";
const COURSE: &str = "bench-studio";
const LESSON: &str = "01-introduction/01-welcome.md";

fn settings(data: &Path, database: &str, courses: &Path) -> Settings {
    Settings {
        database_url: Some(database.to_string()),
        site_dir: data.to_path_buf(),
        ..Settings::on_free_port(data, courses)
    }
}

/// A lesson of about 20 KB: headings, paragraphs, a list, code, a quiz.
fn lesson(version: usize) -> String {
    let mut text = format!("+++\ntitle = \"Welcome\"\nminutes = 20\n+++\n\nVersion {version}.\n\n");
    let mut section = 0;
    while text.len() < 20 * 1024 {
        section += 1;
        text.push_str(&format!(
            "## Part {section}\n\nA phone is a small computer. Keep it charged, keep it updated, and keep \
             your codes to yourself: **nobody** from a bank or an office ever asks for them. Read each \
             message twice before you tap a link in it.\n\n- Charge it at night\n- Update its apps\n- \
             Lock it with a PIN\n\n```\nSettings → Security → Screen lock\n```\n\n"
        ));
    }
    text.push_str(
        "::: question first single\nWhat do you do first?\n\n- [x] Charge the phone {#charge}\n  It lasts \
         the lesson.\n- [ ] Nothing {#nothing}\n:::\n",
    );
    text
}

struct Client {
    http: reqwest::Client,
    base: String,
    cookie: String,
}

impl Client {
    async fn post(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.http
            .post(format!("{}{path}", self.base))
            .header("origin", &self.base)
            .header("accept", "text/html")
            .header("referer", format!("{}/studio", self.base))
            .header("cookie", &self.cookie)
            .form(form)
            .send()
            .await
            .unwrap()
    }
}

async fn start(settings: Settings) -> String {
    let application = Application::build(settings).await.expect("the instance starts");
    let address = format!("http://{}", application.local_addr());
    tokio::spawn(application.run_until_stopped());
    address
}

fn median_and_p95(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let at = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1000.0;
    (at(0.5), at(0.95))
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let previews: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(40);
    let publishes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(8);
    let folder = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}?mode=rwc", folder.path().join("learn.db").display());
    let courses = Path::new(env!("CARGO_MANIFEST_DIR")).join("../courses");
    let (one, two) = (folder.path().join("one"), folder.path().join("two"));
    let first = start(settings(&one, &database, &courses)).await;
    let second = start(settings(&two, &database, &courses)).await;
    let create = server::cli::UsersCommand::Create {
        username: "root".into(),
        display_name: "Root".into(),
        role: "admin".into(),
        settings: settings(&one, &database, &courses),
    };
    server::users::run(create, &mut format!("{PASSWORD}\n").as_bytes()).await.unwrap();
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let login = http
        .post(format!("{first}/api/login"))
        .header("origin", &first)
        .header("accept", "text/html")
        .form(&[("username", "root"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let cookie = login
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with("session="))
        .map(|value| value.split(';').next().unwrap().to_string())
        .expect("signed in");
    let client = Client { http: http.clone(), base: first.clone(), cookie };
    let created = client
        .post(
            "/api/create_studio_course",
            &[("id", COURSE), ("title", "Bench"), ("language", "en"), ("level", "beginner")],
        )
        .await;
    assert_eq!(created.status(), 303);

    // Previewing a text not saved yet, as the editor's script does.
    let db = app::db::Db::connect(&database, None).await.unwrap();
    let mut times = Vec::new();
    let mut through_http = Vec::new();
    for n in 0..previews {
        let text = lesson(n);
        let started = Instant::now();
        let draft = app::studio::preview::load_draft(
            &db.reader,
            &one.join("studio-drafts-bench"),
            COURSE,
            Some((LESSON.to_string(), text.clone().into_bytes())),
            app::catalog::LoadOptions {
                image_cache: Some(one.join("image-cache")),
                studio: None,
                ..app::catalog::LoadOptions::new(app::catalog::BrokenCourses::Skip)
            },
        )
        .await
        .unwrap();
        times.push(started.elapsed());
        assert!(draft.course.is_some());
        let kept = client
            .post(
                "/api/save_studio_file",
                &[("course", COURSE), ("path", LESSON), ("revision", ""), ("text", &text), ("intent", "preview")],
            )
            .await;
        let location = kept.headers()["location"].to_str().unwrap().to_string();
        let hash = location.split("unsaved=").nth(1).unwrap().split('#').next().unwrap().to_string();
        let started = Instant::now();
        let page = http
            .get(format!("{first}/studio/{COURSE}/preview/welcome?path={}&unsaved={hash}", LESSON.replace('/', "%2F")))
            .header("cookie", &client.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        through_http.push(started.elapsed());
        assert!(page.contains(&format!("Version {n}.")), "the preview shows the text");
    }
    let (median, p95) = median_and_p95(times);
    let (page_median, page_p95) = median_and_p95(through_http);
    println!(
        "studio preview of a {} KB lesson not saved yet: {median:.1} ms median, {p95:.1} ms p95 (loading the draft); \
         the whole preview page {page_median:.1} ms median, {page_p95:.1} ms p95 ({previews} runs)",
        lesson(0).len() / 1024
    );

    // Publish here, read there.
    let mut delays = Vec::new();
    for n in 0..publishes {
        let revision =
            app::studio::store::draft_file(&db.reader, COURSE, LESSON).await.unwrap().map(|row| row.revision);
        let revision = revision.map(|revision| revision.to_string()).unwrap_or_default();
        let marker = format!("Published {n} at once.");
        let text = lesson(1000 + n).replace("Version", &marker);
        let saved = client
            .post(
                "/api/save_studio_file",
                &[("course", COURSE), ("path", LESSON), ("revision", &revision), ("text", &text), ("intent", "save")],
            )
            .await;
        assert!(saved.headers()["location"].to_str().unwrap().contains("saved=1"));
        let draft = app::studio::store::course(&db.reader, COURSE).await.unwrap().unwrap().draft_revision.to_string();
        // Publishes spread over the other instance's look-again period, not
        // in step with it (each run would otherwise wait a whole period).
        tokio::time::sleep(server::publication::FOLLOW_EVERY.mul_f64((n as f64 * 0.37) % 1.0)).await;
        let started = Instant::now();
        let published = client
            .post("/api/publish_studio_course", &[("course", COURSE), ("revision", &draft), ("message", &marker)])
            .await;
        assert!(published.headers()["location"].to_str().unwrap().contains("published=1"), "{:?}", published.headers());
        loop {
            let page = http.get(format!("{second}/courses/{COURSE}/welcome")).send().await.unwrap();
            if page.status() == 200 && page.text().await.unwrap().contains(&marker) {
                break;
            }
            assert!(started.elapsed() < Duration::from_secs(30), "the other instance never served it");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        delays.push(started.elapsed());
    }
    let (median, p95) = median_and_p95(delays);
    println!(
        "studio publish on one instance to the new page on another: {median:.0} ms median, {p95:.0} ms p95 \
         ({publishes} publishes; instances look every {} s)",
        server::publication::FOLLOW_EVERY.as_secs()
    );
}

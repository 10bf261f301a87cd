//! The server over HTTP, against nginx serving the same bytes, in one run.
//!
//! 1. Pages: an anonymous and a signed-in lesson page, each fetched once
//!    from the release server and written to files that Debian's nginx
//!    (one worker, gzip on) serves; `wrk -t1 -c32` (gzip asked for) drives
//!    nginx and the server in turn (the signed-in page read by 100 signed-in
//!    learners in turn, each request with the next one's session), and the ratios of requests per second
//!    are printed, with the server's allocations per page (its allocator's
//!    count, `learn_allocations_total` in `/metrics`, over the pages served).
//! 2. Learners: N learners (default 2,000) sign in within 30 s, reading and
//!    completing lessons with think time while others still sign in, then
//!    go on reading and completing; p50/p95/p99 per kind of request for the
//!    sign-in phase and the steady state, failures, and the server's
//!    memory (RSS) before, after, and idle after `SIGN_INS` sign-ins in all
//!    (default 10,000).
//!
//! Run: `make bench` (release build). Options, as environment variables:
//! `LEARNERS`, `SIGN_INS`, `WRK_SECONDS` (default 10).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::entities::{enrolment, user};
use sea_orm::{ActiveValue::Set, EntityTrait};
use tokio::sync::Mutex;

const COURSE: &str = "smartphone-basics";
/// Learners reading the signed-in page in turn.
const READERS: usize = 100;
const PASSWORD: &str = "river mango lantern";

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|value| value.parse().ok()).unwrap_or(default)
}

/// The release server, beside this benchmark's own binary.
fn server_binary() -> PathBuf {
    let here = std::env::current_exe().expect("the benchmark's path");
    let binary = here.parent().unwrap().join("server");
    assert!(binary.exists(), "build the server first: cargo build --release -p server ({})", binary.display());
    binary
}

struct Server {
    child: Child,
    address: String,
    /// Where the server's `/metrics` is.
    metrics: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// A counter's value in the server's `/metrics`, summed over its labels.
    async fn counter(&self, name: &str) -> f64 {
        let text = reqwest::get(&self.metrics).await.unwrap().text().await.unwrap();
        text.lines()
            .filter(|line| line.split(['{', ' ']).next() == Some(name))
            .filter_map(|line| line.rsplit(' ').next()?.parse::<f64>().ok())
            .sum()
    }

    /// Allocations per page while `load` runs: the allocator's count over
    /// the pages the server answered.
    async fn allocations_per_page(&self, load: impl FnOnce() -> f64) -> (f64, f64) {
        let (allocations, pages) =
            (self.counter("learn_allocations_total").await, self.counter("learn_http_requests_total").await);
        let rate = load();
        let allocations = self.counter("learn_allocations_total").await - allocations;
        let pages = self.counter("learn_http_requests_total").await - pages;
        (rate, allocations / pages.max(1.0))
    }

    /// Resident memory of the server process, in MB.
    fn rss_mb(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        let kb: f64 = status
            .lines()
            .find_map(|line| line.strip_prefix("VmRSS:"))
            .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0.0);
        kb / 1024.0
    }
}

fn start_server(data: &Path, courses: &Path) -> Server {
    let mut child = Command::new(server_binary())
        .args(["serve", "--address", "127.0.0.1:0"])
        .arg("--data-dir")
        .arg(data)
        .arg("--courses-dir")
        .arg(courses)
        .arg("--site-dir")
        .arg(data)
        .args(["--metrics-address", "127.0.0.1:0"])
        .env("RUST_LOG", "error")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the server starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    lines.read_line(&mut line).unwrap();
    let address = line.trim().strip_prefix("listening on ").expect("the server's address").to_string();
    line.clear();
    lines.read_line(&mut line).unwrap();
    let metrics = line.trim().strip_prefix("metrics on ").expect("the metrics address").to_string();
    Server { child, address, metrics }
}

/// nginx serving `folder` on `port`: one worker, gzip on, as a plain
/// static site would be set up.
struct Nginx {
    child: Child,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let _ = self.child.wait();
    }
}

fn start_nginx(folder: &Path, port: u16) -> Nginx {
    let dir = folder.display();
    let config = format!(
        "daemon off;\nworker_processes 1;\npid {dir}/nginx.pid;\nerror_log {dir}/error.log error;\n\
         events {{ worker_connections 1024; }}\n\
         http {{\n access_log off;\n client_body_temp_path {dir}/body;\n proxy_temp_path {dir}/proxy;\n\
         fastcgi_temp_path {dir}/fastcgi;\n uwsgi_temp_path {dir}/uwsgi;\n scgi_temp_path {dir}/scgi;\n\
         default_type text/html;\n gzip on;\n gzip_types text/html;\n\
         server {{\n listen 127.0.0.1:{port};\n root {dir}/site;\n }}\n}}\n"
    );
    std::fs::write(folder.join("nginx.conf"), config).unwrap();
    let nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].into_iter().find(|path| Path::new(path).exists());
    let child = Command::new(nginx.expect("Debian's nginx (apt-get install nginx)"))
        .arg("-c")
        .arg(folder.join("nginx.conf"))
        .arg("-p")
        .arg(folder)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        std::thread::sleep(Duration::from_millis(50));
    }
    Nginx { child }
}

/// Requests per second wrk measured; with `cookies`, each request carries
/// the next of them in turn (a wrk script), as many readers would.
fn wrk(url: &str, cookies: &[String], seconds: usize) -> f64 {
    let mut command = Command::new("wrk");
    command.args(["-t1", "-c32", &format!("-d{seconds}s"), "-H", "Accept-Encoding: gzip"]);
    let script = tempfile::NamedTempFile::new().unwrap();
    if !cookies.is_empty() {
        let quoted: Vec<String> = cookies.iter().map(|cookie| format!("{cookie:?}")).collect();
        let lua = format!(
            "local cookies = {{ {} }}\nlocal i = 0\nrequest = function()\n  i = i % #cookies + 1\n  \
             return wrk.format(nil, nil, {{ [\"Cookie\"] = cookies[i], [\"Accept-Encoding\"] = \"gzip\" }})\nend\n",
            quoted.join(", ")
        );
        std::fs::write(script.path(), lua).unwrap();
        command.arg("-s").arg(script.path());
    }
    let output = command.arg(url).output().expect("wrk (apt-get install wrk)");
    let text = String::from_utf8_lossy(&output.stdout);
    let rate = text.lines().find_map(|line| line.strip_prefix("Requests/sec:")).and_then(|v| v.trim().parse().ok());
    let errors = text.lines().any(|line| line.contains("Non-2xx") || line.contains("Socket errors"));
    if errors {
        eprintln!("wrk against {url} saw errors:\n{text}");
    }
    rate.unwrap_or(0.0)
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .gzip(true)
        .pool_max_idle_per_host(4)
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap()
}

/// Signs `username` in; the session cookie.
async fn sign_in(client: &reqwest::Client, base: &str, username: &str) -> Result<String, String> {
    let response = client
        .post(format!("{base}/api/login"))
        .header("origin", base)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("username={username}&password={}", PASSWORD.replace(' ', "+")))
        .send()
        .await
        .map_err(|error| error.to_string())?;
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with("session="))
        .map(|value| value.split(';').next().unwrap().to_string())
        .ok_or_else(|| format!("no session ({})", response.status()))
}

/// Latencies by (phase, kind), and failures.
#[derive(Default)]
struct Record {
    times: BTreeMap<(&'static str, &'static str), Vec<Duration>>,
    failures: BTreeMap<(&'static str, &'static str), usize>,
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index].as_secs_f64() * 1000.0
}

async fn prepare(data: &Path, courses: &Path, learners: usize) {
    let settings = server::config::Settings {
        site_dir: data.to_path_buf(),
        ..server::config::Settings::on_free_port(data, courses)
    };
    let db = server::startup::connect_and_migrate(&settings).await.unwrap();
    // One hash for everyone: each sign-in still checks it in full.
    let hash = app::accounts::hash_password(PASSWORD).await.unwrap().into_stored();
    let now = time::OffsetDateTime::now_utc();
    for chunk in (0..learners).collect::<Vec<_>>().chunks(500) {
        user::Entity::insert_many(chunk.iter().map(|n| user::ActiveModel {
            username: Set(format!("learner{n:05}")),
            display_name: Set(format!("Learner {n}")),
            password_hash: Set(hash.clone()),
            role: Set("learner".into()),
            created_at: Set(now),
            ..Default::default()
        }))
        .exec_without_returning(&db.writer)
        .await
        .unwrap();
    }
    let users = user::Entity::find().all(&db.reader).await.unwrap();
    for chunk in users.chunks(500) {
        enrolment::Entity::insert_many(chunk.iter().map(|user| enrolment::ActiveModel {
            user_id: Set(user.id),
            course_id: Set(COURSE.into()),
            enrolled_at: Set(now),
            ..Default::default()
        }))
        .exec_without_returning(&db.writer)
        .await
        .unwrap();
    }
}

#[tokio::main]
async fn main() {
    let learners = env_number("LEARNERS", 2_000);
    let sign_ins = env_number("SIGN_INS", 10_000);
    let seconds = env_number("WRK_SECONDS", 10);
    let folder = tempfile::tempdir().unwrap();
    let data = folder.path().join("data");
    let courses = Path::new(env!("CARGO_MANIFEST_DIR")).join("../courses");
    prepare(&data, &courses, learners).await;
    let server = start_server(&data, &courses);
    let base = server.address.clone();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let idle_at_start = server.rss_mb();
    let http = client();

    // 1. Pages, against nginx on the same bytes.
    let lessons: Vec<String> = {
        let catalog = app::catalog::load(&courses, app::catalog::BrokenCourses::Refuse).unwrap().catalog;
        catalog.course(COURSE).unwrap().lessons().map(|(_, lesson)| lesson.id.clone()).collect()
    };
    let lesson_path = format!("/courses/{COURSE}/{}", lessons[1]);
    // The signed-in page is read by this many learners in turn, each with
    // their own session and name (all enrolled, none further on: one place).
    let mut cookies = Vec::new();
    for n in 0..READERS.min(learners) {
        cookies.push(sign_in(&http, &base, &format!("learner{n:05}")).await.unwrap());
    }
    let cookie = cookies[0].clone();
    let plain = reqwest::Client::builder().no_gzip().build().unwrap();
    let anonymous = plain.get(format!("{base}{lesson_path}")).send().await.unwrap().bytes().await.unwrap();
    let signed = plain
        .get(format!("{base}{lesson_path}"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let site = folder.path().join("nginx/site");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("anonymous.html"), &anonymous).unwrap();
    std::fs::write(site.join("signed-in.html"), &signed).unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let nginx = start_nginx(&folder.path().join("nginx"), port);
    let reference = format!("http://127.0.0.1:{port}");
    let mut rates: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    let mut allocations: BTreeMap<&str, f64> = BTreeMap::new();
    for _ in 0..2 {
        rates.entry("nginx anonymous").or_default().push(wrk(&format!("{reference}/anonymous.html"), &[], seconds));
        let (rate, per_page) = server.allocations_per_page(|| wrk(&format!("{base}{lesson_path}"), &[], seconds)).await;
        rates.entry("server anonymous").or_default().push(rate);
        allocations.insert("anonymous", per_page);
        rates.entry("nginx signed-in").or_default().push(wrk(&format!("{reference}/signed-in.html"), &[], seconds));
        let (rate, per_page) =
            server.allocations_per_page(|| wrk(&format!("{base}{lesson_path}"), &cookies, seconds)).await;
        rates.entry("server signed-in").or_default().push(rate);
        allocations.insert("signed-in", per_page);
    }
    drop(nginx);
    let best = |name: &str| rates[name].iter().copied().fold(0.0, f64::max);
    println!("## Pages: wrk -t1 -c32 -d{seconds}s, gzip, best of two rounds, same run");
    println!();
    println!("| page | bytes | server req/s | nginx req/s | ratio | allocations per page |");
    println!("| --- | --- | --- | --- | --- | --- |");
    for (kind, bytes) in [("anonymous", anonymous.len()), ("signed-in", signed.len())] {
        let ours = best(&format!("server {kind}"));
        let theirs = best(&format!("nginx {kind}"));
        let per_page = allocations[kind];
        println!("| {kind} lesson | {bytes} | {ours:.0} | {theirs:.0} | {:.2} | {per_page:.0} |", ours / theirs);
    }
    println!();

    // 2. Learners signing in within 30 s, then learning with think time.
    let record = Arc::new(Mutex::new(Record::default()));
    // Each learner's own client, made beforehand: making 2,000 takes
    // seconds, which would otherwise stretch the 30 s window.
    let clients: Vec<reqwest::Client> = (0..learners).map(|_| client()).collect();
    let started = Instant::now();
    let sign_in_window = Duration::from_secs(30);
    let steady_until = sign_in_window + Duration::from_secs(30);
    let before = server.rss_mb();
    let mut tasks = Vec::new();
    for (n, http) in clients.into_iter().enumerate() {
        let (base, record, lessons) = (base.clone(), record.clone(), lessons.clone());
        tasks.push(tokio::spawn(async move {
            // On schedule from the start, however long spawning took.
            let offset = sign_in_window.mul_f64(n as f64 / learners as f64);
            tokio::time::sleep_until((started + offset).into()).await;
            let phase =
                |at: Instant| if at.duration_since(started) < sign_in_window { "sign-in phase" } else { "steady" };
            // Timed from when it is sent; how late this busy machine woke
            // the learner (the bench's own delay, shared cores) is its own row.
            let begun = Instant::now();
            let late = begun.duration_since(started + offset);
            record.lock().await.times.entry((phase(begun), "late start (bench)")).or_default().push(late);
            let cookie = match sign_in(&http, &base, &format!("learner{n:05}")).await {
                Ok(cookie) => cookie,
                Err(_) => {
                    *record.lock().await.failures.entry((phase(begun), "sign in")).or_default() += 1;
                    return;
                }
            };
            let took = begun.elapsed();
            record.lock().await.times.entry((phase(begun), "sign in")).or_default().push(took);
            let mut step = 0usize;
            while started.elapsed() < steady_until {
                let lesson = &lessons[step % lessons.len()];
                let at = Instant::now();
                let read = http.get(format!("{base}/courses/{COURSE}/{lesson}")).header("cookie", &cookie).send().await;
                // The whole page, read: the time a learner waits for it.
                let read = match read {
                    Ok(response) if response.status().is_success() => response.bytes().await.is_ok(),
                    _ => false,
                };
                let took = at.elapsed();
                let mut kept = record.lock().await;
                match read {
                    true => kept.times.entry((phase(at), "lesson page")).or_default().push(took),
                    _ => *kept.failures.entry((phase(at), "lesson page")).or_default() += 1,
                }
                drop(kept);
                tokio::time::sleep(Duration::from_millis(4_000 + (n as u64 * 37 + step as u64 * 101) % 4_000)).await;
                let at = Instant::now();
                let done = http
                    .post(format!("{base}/api/complete_lesson"))
                    .header("origin", &base)
                    .header("cookie", &cookie)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(format!("course={COURSE}&lesson={lesson}"))
                    .send()
                    .await
                    .map(|response| response.status().as_u16() < 400);
                let took = at.elapsed();
                let mut kept = record.lock().await;
                match done {
                    Ok(true) => kept.times.entry((phase(at), "completion")).or_default().push(took),
                    _ => *kept.failures.entry((phase(at), "completion")).or_default() += 1,
                }
                drop(kept);
                step += 1;
                tokio::time::sleep(Duration::from_millis(4_000 + (n as u64 * 53 + step as u64 * 71) % 4_000)).await;
            }
        }));
    }
    for task in tasks {
        let _ = task.await;
    }
    let after = server.rss_mb();
    let record = record.lock().await;
    println!("## Learners: {learners} signing in within 30 s, reading and completing lessons every 4 to 8 s");
    println!();
    println!("| phase | request | count | p50 ms | p95 ms | p99 ms | failures |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for ((phase, kind), times) in &record.times {
        let mut sorted = times.clone();
        sorted.sort();
        let failures = record.failures.get(&(*phase, *kind)).copied().unwrap_or(0);
        println!(
            "| {phase} | {kind} | {} | {:.1} | {:.1} | {:.1} | {failures} |",
            sorted.len(),
            percentile(&sorted, 0.5),
            percentile(&sorted, 0.95),
            percentile(&sorted, 0.99)
        );
    }
    for ((phase, kind), failures) in record.failures.iter().filter(|(key, _)| !record.times.contains_key(key)) {
        println!("| {phase} | {kind} | 0 | | | | {failures} |");
    }
    println!();
    // All learners come from one address, as a classroom behind one router.
    println!("Tries held back by the guessing limits: {}.", server.counter("learn_throttled_total").await as u64);
    println!();

    // 3. Memory after many sign-ins, idle.
    let more = sign_ins.saturating_sub(learners + 1);
    let chunks: Vec<usize> = (0..more).collect();
    for chunk in chunks.chunks(64) {
        let signing: Vec<_> = chunk
            .iter()
            .map(|n| {
                let (http, base) = (http.clone(), base.clone());
                let username = format!("learner{:05}", n % learners);
                async move { sign_in(&http, &base, &username).await.is_ok() }
            })
            .collect();
        futures::future::join_all(signing).await;
    }
    tokio::time::sleep(Duration::from_secs(5)).await;
    let idle_after = server.rss_mb();
    println!("## Memory (RSS of the server process)");
    println!();
    println!("| when | MB |");
    println!("| --- | --- |");
    println!("| idle after start | {idle_at_start:.1} |");
    println!("| before the learners | {before:.1} |");
    println!("| after the learners | {after:.1} |");
    println!("| idle after {} sign-ins | {idle_after:.1} |", more + learners + 1);
    println!();
    println!("Password hashers: {} (one per core).", app::accounts::hashers());
}

//! Course files and folder ZIPs, sent from disk as clients read them: a
//! client that opens many connections and reads nothing holds a chunk on
//! each, not the files (it once took the server from 71 MB to 440 MB
//! without signing in). Files only a course's learners may fetch are
//! checked with the server before each use, so that a shared phone shows
//! them to nobody once its learner signs out.

use std::fs;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpSocket, TcpStream};

use crate::courses_reload::copy_folder;
use crate::helpers::{
    Backend, TestApp, call, post_form, sample_courses, signed_in_as, spawn_app, spawn_app_with_courses, test_issuer_key,
};

const MB: u64 = 1024 * 1024;

/// Bytes that do not compress (xorshift), different for each seed.
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut bytes = Vec::with_capacity(len + 8);
    while bytes.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        bytes.extend_from_slice(&state.to_le_bytes());
    }
    bytes.truncate(len);
    bytes
}

/// A course, `downloads`, whose one lesson links to `recording.bin`
/// (`file_bytes` of noise, returned) and to the folder `project/` (a ZIP of
/// `folder_bytes` of noise and a note).
fn course_with_downloads(courses: &Path, file_bytes: usize, folder_bytes: usize) -> Vec<u8> {
    let write = |relative: &str, bytes: &[u8]| {
        let path = courses.join("downloads").join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    };
    write("course.toml", b"title = \"Downloads\"\nsummary = \"Files to take home.\"\n");
    write("01-files/module.toml", b"title = \"Files\"\n");
    write(
        "01-files/01-take-home.md",
        b"+++\ntitle = \"Take home\"\n+++\n\n[The recording](recording.bin) and [the project](./project/)\n",
    );
    let recording = noise(file_bytes, 1);
    write("01-files/recording.bin", &recording);
    write("01-files/project/data.bin", &noise(folder_bytes, 2));
    write("01-files/project/README.txt", b"Open data.bin with the program from the lesson.\n");
    recording
}

/// The server as a process of its own, so that its memory is its own.
pub(crate) struct Server {
    pub(crate) child: Child,
    address: SocketAddr,
}

impl Server {
    pub(crate) fn start(data: &Path, courses: &Path) -> Server {
        Server::start_with(data, courses, &[])
    }

    fn start_with(data: &Path, courses: &Path, options: &[&str]) -> Server {
        Server::spawn(Command::new(env!("CARGO_BIN_EXE_server")), data, courses, options)
    }

    /// Started as a shell would start it with `ulimit -S -n soft -H -n hard`.
    fn start_with_open_files(data: &Path, courses: &Path, soft: u64, hard: u64) -> Server {
        use std::os::unix::process::CommandExt;
        let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
        let limit = libc::rlimit { rlim_cur: soft, rlim_max: hard };
        // SAFETY: between fork and exec, only setrlimit (async-signal-safe)
        // on a value copied into the child.
        unsafe {
            command.pre_exec(move || {
                if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) == 0 {
                    Ok(())
                } else {
                    Err(std::io::Error::last_os_error())
                }
            })
        };
        Server::spawn(command, data, courses, &[])
    }

    fn spawn(mut command: Command, data: &Path, courses: &Path, options: &[&str]) -> Server {
        let mut child = command
            .args(["serve", "--address", "127.0.0.1:0"])
            .args(options)
            .arg("--data-dir")
            .arg(data)
            .arg("--site-dir")
            .arg(data)
            .arg("--courses-dir")
            .arg(courses)
            .env("LEARN_ISSUER_KEY", test_issuer_key())
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the server binary starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let address = line.trim().strip_prefix("listening on http://").expect("the server says where it listens");
        Server { address: address.parse().unwrap(), child }
    }

    pub(crate) fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// How many files (sockets included) the server process holds open.
    fn open_files(&self) -> usize {
        fs::read_dir(format!("/proc/{}/fd", self.child.id())).expect("Linux's /proc").count()
    }

    /// What the server process holds in memory (`VmRSS`), in bytes.
    fn resident_bytes(&self) -> u64 {
        let status = fs::read_to_string(format!("/proc/{}/status", self.child.id())).expect("Linux's /proc");
        let kilobytes: u64 = status
            .lines()
            .find_map(|line| line.strip_prefix("VmRSS:"))
            .and_then(|value| value.trim().strip_suffix("kB"))
            .and_then(|value| value.trim().parse().ok())
            .expect("VmRSS in /proc/<pid>/status");
        kilobytes * 1024
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A connection that asks for `path` and then reads nothing. Its receive
/// buffer is kept small, so that the kernel does not take the file off
/// the server's hands.
async fn never_reading(address: SocketAddr, path: &str) -> TcpStream {
    let socket = TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(16 * 1024).unwrap();
    let mut stream = socket.connect(address).await.expect("the server accepts");
    stream.write_all(format!("GET {path} HTTP/1.1\r\nHost: {address}\r\n\r\n").as_bytes()).await.unwrap();
    stream
}

/// Waits until the server has begun to answer on `stream`, and returns the
/// start of its status line, without taking anything off the connection.
async fn answer_begun(stream: &TcpStream) -> String {
    let started = Instant::now();
    let mut start = [0u8; 12];
    loop {
        let peeked = tokio::time::timeout(Duration::from_secs(60), stream.peek(&mut start))
            .await
            .expect("the server answers within a minute")
            .unwrap();
        if peeked == start.len() || peeked == 0 || started.elapsed() > Duration::from_secs(60) {
            return String::from_utf8_lossy(&start[..peeked]).into_owned();
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The folder ZIPs kept in the server's cache folder.
fn kept_zips(data: &Path) -> Vec<PathBuf> {
    let Ok(listing) = fs::read_dir(data.join("image-cache")) else { return Vec::new() };
    let mut found: Vec<PathBuf> = listing
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.file_name().unwrap().to_string_lossy().starts_with("folder-"))
        .filter(|path| path.extension().is_some_and(|extension| extension == "zip"))
        .collect();
    found.sort();
    found
}

#[tokio::test]
async fn forty_downloads_that_are_never_read_hold_a_chunk_each_not_the_files() {
    let (courses, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let recording = course_with_downloads(courses.path(), 8 * MB as usize, 8 * MB as usize + 512 * 1024);
    let server = Server::start(data.path(), courses.path());
    let client = reqwest::Client::builder().no_gzip().no_brotli().build().unwrap();
    let file = "/media/downloads/01-files/recording.bin";
    let zip = "/media/downloads/01-files/project.zip";

    // Read whole, the file arrives as it is on disk (and the server has
    // served once before its memory is measured).
    let response = client.get(server.url(file)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-length"], recording.len().to_string().as_str());
    let body = response.bytes().await.unwrap();
    assert_eq!(Sha256::digest(&body), Sha256::digest(&recording), "the download is the file");
    assert!(kept_zips(data.path()).is_empty(), "no ZIP is made before it is asked for");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let before = server.resident_bytes();

    // Forty connections, half for the file and half for the ZIP (made once,
    // while they wait), none of them reading.
    let mut connections = Vec::new();
    for n in 0..40 {
        connections.push(never_reading(server.address, if n % 2 == 0 { file } else { zip }).await);
    }
    for connection in &connections {
        assert_eq!(answer_begun(connection).await, "HTTP/1.1 200");
    }
    // Time to fill every buffer the server would fill; the most it held.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let mut most = 0;
    for _ in 0..20 {
        most = most.max(server.resident_bytes());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let grown = most.saturating_sub(before);
    assert!(
        grown < 100 * MB,
        "the server grew by {} MB with 40 downloads pending ({} MB before): each holds its file, not a chunk",
        grown / MB,
        before / MB
    );
    drop(connections);

    // The ZIP was made once into the cache folder, and is sent from there.
    let kept = kept_zips(data.path());
    assert_eq!(kept.len(), 1, "one ZIP for the folder's one version: {kept:?}");
    let made = fs::metadata(&kept[0]).unwrap().modified().unwrap();
    for _ in 0..2 {
        let response = client.get(server.url(zip)).send().await.unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "application/zip");
        let body = response.bytes().await.unwrap();
        assert!(body.starts_with(b"PK\x03\x04"));
        assert!(body.windows(18).any(|name| name == b"project/README.txt"), "named inside by its folder");
        assert_eq!(body, fs::read(&kept[0]).unwrap(), "the ZIP kept is the ZIP sent");
    }
    assert_eq!(kept_zips(data.path()), kept);
    assert_eq!(fs::metadata(&kept[0]).unwrap().modified().unwrap(), made, "not made again");
}

/// Connections that never read are closed by the system once nothing has
/// been taken off the server's hands for the send timeout: a thousand of
/// them cannot hold a thousand sockets for ever.
#[tokio::test]
async fn connections_that_never_read_are_let_go_after_the_send_timeout() {
    let (courses, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    course_with_downloads(courses.path(), 4 * MB as usize, 64 * 1024);
    let server = Server::start_with(data.path(), courses.path(), &["--send-timeout-seconds", "2"]);
    let file = "/media/downloads/01-files/recording.bin";
    let idle = server.open_files();
    let mut connections = Vec::new();
    for _ in 0..10 {
        connections.push(never_reading(server.address, file).await);
    }
    for connection in &connections {
        assert_eq!(answer_begun(connection).await, "HTTP/1.1 200");
    }
    let held = server.open_files();
    assert!(held >= idle + 10, "each stalled download holds a socket: {idle} open, then {held}");
    let started = Instant::now();
    let mut open = held;
    while open > idle + 2 && started.elapsed() < Duration::from_secs(30) {
        tokio::time::sleep(Duration::from_millis(250)).await;
        open = server.open_files();
    }
    assert!(open <= idle + 2, "the stalled connections were let go: {idle} open idle, {held} held, {open} after 30 s");
    // A reader is served as before.
    let response = reqwest::get(server.url(file)).await.unwrap();
    assert_eq!(response.bytes().await.unwrap().len(), 4 * MB as usize);
    drop(connections);
}

/// The address a lesson links a course file by.
fn file_address(app: &TestApp, course: &str, path: &str) -> String {
    let catalog = app.state.catalog.current();
    let found = catalog.course(course).unwrap().files.get(Path::new(path)).expect("the file was loaded").clone();
    format!("/media/{course}/{path}?v={}", found.hash)
}

/// Asks for `path` as a browser that keeps `tag`, signed in with `cookie`.
async fn fetch(app: &TestApp, path: &str, cookie: Option<&str>, tag: Option<&str>) -> reqwest::Response {
    let mut request = app.client.get(format!("{}{path}", app.address));
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    if let Some(tag) = tag {
        request = request.header("if-none-match", tag);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn a_file_only_learners_may_fetch_is_checked_before_each_use_and_refused_once_signed_out() {
    let courses = tempfile::tempdir().unwrap();
    copy_folder(&sample_courses(), courses.path());
    let course = courses.path().join("online-safety");
    let manifest = fs::read_to_string(course.join("course.toml")).unwrap();
    fs::write(course.join("course.toml"), format!("access = \"enrolled\"\n{manifest}")).unwrap();
    fs::write(course.join("01-accounts/worksheet.txt"), "for enrolled learners").unwrap();
    let lesson = course.join("01-accounts/02-password-managers.md");
    let text = fs::read_to_string(&lesson).unwrap();
    fs::write(&lesson, format!("{text}\n\n[The worksheet](worksheet.txt)\n")).unwrap();
    let app = spawn_app_with_courses(Backend::Sqlite, courses.path().to_path_buf()).await;
    let worksheet = file_address(&app, "online-safety", "01-accounts/worksheet.txt");
    let learner = signed_in_as(&app, "bahor", "learner").await;
    assert_eq!(call(&app, "/api/enrol", "course=online-safety", Some(&learner)).await, 200);

    let response = fetch(&app, &worksheet, Some(&learner), None).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "private, no-cache", "never kept for good, nor by a shared cache");
    let tag = response.headers()["etag"].to_str().unwrap().to_string();
    assert!(tag.contains(worksheet.split("?v=").nth(1).unwrap()), "the ETag is the content hash: {tag}");
    assert_eq!(response.text().await.unwrap(), "for enrolled learners");

    let again = fetch(&app, &worksheet, Some(&learner), Some(&tag)).await;
    assert_eq!(again.status(), 304, "the browser's copy is still the file");
    assert_eq!(again.headers()["cache-control"], "private, no-cache");
    assert_eq!(again.headers()["etag"], tag.as_str());
    assert!(again.bytes().await.unwrap().is_empty());

    assert_eq!(fetch(&app, &worksheet, None, Some(&tag)).await.status(), 404, "a visitor is refused, copy or not");
    let response = post_form(&app, "/api/logout", "/", "", Some(&learner)).await;
    assert_eq!(response.status(), 303);
    let after = fetch(&app, &worksheet, Some(&learner), Some(&tag)).await;
    assert_eq!(after.status(), 404, "signed out on a shared phone, the browser's copy is not confirmed");
}

#[tokio::test]
async fn an_open_file_is_kept_for_good_and_confirmed_by_its_etag() {
    let app = spawn_app(Backend::Sqlite).await;
    let (_, lesson) = app.get_text("/courses/smartphone-basics/connecting-to-the-internet").await;
    let src = lesson.split("src=\"/media/").nth(1).expect("the lesson shows an image").split('"').next().unwrap();
    let src = format!("/media/{}", src.replace("&amp;", "&"));
    let image = fetch(&app, &src, None, None).await;
    assert_eq!(image.status(), 200, "{src}");
    assert_eq!(image.headers()["cache-control"], "public, max-age=31536000, immutable");
    let tag = image.headers()["etag"].to_str().unwrap().to_string();
    let length: usize = image.headers()["content-length"].to_str().unwrap().parse().unwrap();
    assert_eq!(image.bytes().await.unwrap().len(), length);
    let again = fetch(&app, &src, None, Some(&format!("\"other\", {tag}"))).await;
    assert_eq!(again.status(), 304, "any tag of the list matches");
    assert_eq!(fetch(&app, &src, None, Some("\"other\"")).await.status(), 200);
}

/// Every connection is an open file. A server started from a shell with
/// the usual soft limit (1,024 on Debian; 256 here) raises it to the hard
/// limit, so that a few hundred phones, or one client holding connections
/// open, do not keep everyone else out.
#[tokio::test]
async fn a_low_soft_limit_of_open_files_does_not_keep_clients_out() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start_with_open_files(data.path(), &crate::helpers::sample_courses(), 256, 2048);
    let mut held = Vec::new();
    for _ in 0..400 {
        held.push(TcpStream::connect(server.address).await.expect("the server accepts"));
    }
    let started = Instant::now();
    while server.open_files() < 400 && started.elapsed() < Duration::from_secs(10) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(server.open_files() >= 400, "the server holds {} files", server.open_files());
    let page = tokio::time::timeout(Duration::from_secs(10), reqwest::get(server.url("/courses/online-safety")))
        .await
        .expect("a new client is answered")
        .unwrap();
    assert_eq!(page.status(), 200);
    drop(held);
}

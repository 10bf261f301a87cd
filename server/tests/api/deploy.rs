//! The shipped deployment, as an operator installs it: the server started
//! with the command line of `deploy/learn.service` (the release binary
//! under `make test`, `LEARN_RELEASE_BIN`), behind Debian's nginx with
//! `deploy/nginx.conf` and a self-signed certificate made here. Over https
//! and HTTP/2: plain http is sent to https, the session cookie is
//! `__Host-`, the client's address is the one nginx saw (not one the client
//! claims), a learner registers, signs in and completes a lesson, and
//! answers are compressed once.

use std::io::{BufRead, BufReader};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn binary() -> String {
    std::env::var("LEARN_RELEASE_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_server").to_string())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.0.id().to_string()]).status();
        let _ = self.0.wait();
    }
}

/// The unit's `ExecStart=` command line, split into words.
fn exec_start(unit: &str) -> Vec<String> {
    let line = unit.lines().find_map(|line| line.strip_prefix("ExecStart=")).expect("the unit has ExecStart=");
    line.split_whitespace().map(str::to_string).collect()
}

#[tokio::test]
async fn the_shipped_service_and_proxy_serve_over_https() {
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path();
    let unit = std::fs::read_to_string(repository().join("deploy/learn.service")).unwrap();

    // systemd reads the unit as it is shipped (with this machine's binary).
    let checked = dir.join("learn.service");
    std::fs::write(&checked, unit.replace("/opt/learn/server", &binary())).unwrap();
    let verify = Command::new("systemd-analyze").arg("verify").arg(&checked).output().expect("systemd-analyze");
    assert!(verify.status.success(), "systemd-analyze verify: {}", String::from_utf8_lossy(&verify.stderr));
    for hardening in ["NoNewPrivileges=yes", "ProtectSystem=strict", "Restart=on-failure", "User=learn"] {
        assert!(unit.contains(hardening), "the unit sets {hardening}");
    }

    // A certificate for this machine's name, from a certificate authority
    // the test's browser trusts.
    let (authority, certificate, key) = (dir.join("ca.pem"), dir.join("cert.pem"), dir.join("key.pem"));
    std::fs::write(dir.join("leaf.ext"), "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\n").unwrap();
    for args in [
        "req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=learn-test-authority -keyout ca.key -out ca.pem",
        "req -newkey rsa:2048 -nodes -subj /CN=localhost -keyout key.pem -out leaf.csr",
        "x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 1 -extfile leaf.ext -out cert.pem",
    ] {
        let made = Command::new("openssl").args(args.split(' ')).current_dir(dir).output().expect("openssl");
        assert!(made.status.success(), "openssl {args}: {}", String::from_utf8_lossy(&made.stderr));
    }

    // The server, with the unit's own command line, on this machine's folders.
    let (https_port, http_port) = (free_port(), free_port());
    let public = format!("https://localhost:{https_port}");
    let data = dir.join("data");
    let words: Vec<String> = exec_start(&unit)
        .into_iter()
        .map(|word| match word.as_str() {
            "/opt/learn/server" => binary(),
            "/var/lib/learn" => data.display().to_string(),
            "/opt/learn/courses" => repository().join("courses").display().to_string(),
            "/opt/learn/site" => dir.join("site").display().to_string(),
            "https://learn.example.org" => public.clone(),
            "127.0.0.1:3000" => "127.0.0.1:0".to_string(),
            _ => word,
        })
        .collect();
    let mut server = Command::new(&words[0])
        .args(&words[1..])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .expect("the server starts");
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let _server = Killed(server);
    let upstream =
        line.trim().strip_prefix("listening on http://").expect("the server says where it listens").to_string();

    // Administrator and learner accounts, from the command line as an operator makes them.
    let cli = |args: &[&str]| {
        let mut child = Command::new(binary())
            .args(args)
            .arg("--data-dir")
            .arg(&data)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(b"river mango lantern\n").unwrap();
        assert!(child.wait().unwrap().success(), "server {args:?}");
    };
    cli(&["users", "create", "--username", "root", "--display-name", "Root", "--role", "admin"]);

    // nginx with the shipped site, changed only in names, ports and paths.
    let site = std::fs::read_to_string(repository().join("deploy/nginx.conf"))
        .unwrap()
        .replace("127.0.0.1:3000", &upstream)
        .replace("listen [::]:80;", "")
        .replace("listen [::]:443 ssl http2;", "")
        .replace("listen 80;", &format!("listen 127.0.0.1:{http_port};"))
        .replace("listen 443 ssl http2;", &format!("listen 127.0.0.1:{https_port} ssl http2;"))
        .replace("/etc/letsencrypt/live/learn.example.org/fullchain.pem", &certificate.display().to_string())
        .replace("/etc/letsencrypt/live/learn.example.org/privkey.pem", &key.display().to_string())
        .replace("learn.example.org", "localhost");
    std::fs::write(dir.join("site.conf"), site).unwrap();
    let d = dir.display();
    std::fs::write(
        dir.join("nginx.conf"),
        format!(
            "daemon off;\nworker_processes 1;\npid {d}/nginx.pid;\nerror_log {d}/error.log warn;\n\
             events {{ worker_connections 256; }}\n\
             http {{\n access_log off;\n client_body_temp_path {d}/body;\n proxy_temp_path {d}/proxy;\n\
             fastcgi_temp_path {d}/fastcgi;\n uwsgi_temp_path {d}/uwsgi;\n scgi_temp_path {d}/scgi;\n\
             include {d}/site.conf;\n}}\n"
        ),
    )
    .unwrap();
    let nginx =
        ["/usr/sbin/nginx", "/usr/bin/nginx"].into_iter().find(|p| Path::new(p).exists()).expect("Debian's nginx");
    let proxy = Command::new(nginx)
        .arg("-c")
        .arg(dir.join("nginx.conf"))
        .arg("-p")
        .arg(dir)
        .stderr(std::fs::File::create(dir.join("nginx.stderr")).unwrap())
        .spawn()
        .expect("nginx starts");
    let _proxy = Killed(proxy);

    // A browser on another address of this machine, trusting the certificate.
    let client_address: IpAddr = "127.0.0.5".parse().unwrap();
    let client = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(&std::fs::read(&authority).unwrap()).unwrap())
        .resolve("localhost", format!("127.0.0.1:{https_port}").parse().unwrap())
        .local_address(client_address)
        .redirect(reqwest::redirect::Policy::none())
        .no_gzip()
        .no_brotli()
        .build()
        .unwrap();
    let mut answer = String::new();
    for _ in 0..100 {
        match client.get(format!("{public}/livez")).send().await {
            Ok(response) if response.status() == 200 => {
                answer.clear();
                break;
            }
            Ok(response) => answer = format!("status {}", response.status()),
            Err(error) => answer = format!("{error:?}"),
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let log = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    assert!(answer.is_empty(), "the site answers over https: {answer} {}{}", log("nginx.stderr"), log("error.log"));

    let plain = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let insecure = plain.get(format!("http://127.0.0.1:{http_port}/courses")).send().await.unwrap();
    assert_eq!(insecure.status(), 301, "plain http goes to https");

    let post = |path: &str, body: String, cookie: Option<String>| {
        let mut request = client
            .post(format!("{public}{path}"))
            .header("accept", "text/html")
            .header("origin", public.as_str())
            .header("referer", format!("{public}/"))
            .header("content-type", "application/x-www-form-urlencoded")
            // A client's claim about its own address is not believed.
            .header("x-forwarded-for", "203.0.113.77")
            .body(body);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.send()
    };
    let registered = post(
        "/api/register",
        "username=amina&display_name=Amina&password=river+mango+lantern&language=en".into(),
        None,
    )
    .await
    .unwrap();
    assert_eq!(registered.status(), 303, "a learner registers over https");
    assert_eq!(registered.version(), reqwest::Version::HTTP_2, "nginx speaks HTTP/2");
    let session_cookie = |response: &reqwest::Response| {
        response
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|value| value.to_str().unwrap().to_string())
            .find(|value| value.contains("session="))
            .expect("a session cookie")
    };
    let set_cookie = session_cookie(&registered);
    assert!(set_cookie.starts_with("__Host-session="), "{set_cookie}");
    assert!(
        set_cookie.contains("Secure") && set_cookie.contains("HttpOnly") && set_cookie.contains("Path=/"),
        "{set_cookie}"
    );
    let amina = set_cookie.split(';').next().unwrap().to_string();
    assert_eq!(post("/api/enrol", "course=online-safety".into(), Some(amina.clone())).await.unwrap().status(), 303);
    let completed =
        post("/api/complete_lesson", "course=online-safety&lesson=strong-passwords".into(), Some(amina.clone()))
            .await
            .unwrap();
    assert_eq!(completed.status(), 303, "a lesson completion through the proxy");
    let my = client
        .get(format!("{public}/my"))
        .header("cookie", &amina)
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(my.headers().get_all("content-encoding").iter().count(), 1, "compressed once");
    let my = client.get(format!("{public}/my")).header("cookie", &amina).send().await.unwrap().text().await.unwrap();
    assert!(my.contains("1 of 10 lessons done"), "the completion is kept");

    // The administrator signs in; the audit trail has the address nginx saw.
    let root = post("/api/login", "username=root&password=river+mango+lantern".into(), None).await.unwrap();
    assert_eq!(root.status(), 303);
    let root = session_cookie(&root).split(';').next().unwrap().to_string();
    let audit =
        client.get(format!("{public}/admin/audit")).header("cookie", root).send().await.unwrap().text().await.unwrap();
    assert!(audit.contains("127.0.0.5"), "the client's address, through the proxy");
    assert!(!audit.contains("203.0.113.77"), "not the one the client claimed");
}

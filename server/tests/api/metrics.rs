//! `/metrics` on its own address, in the Prometheus text format; never on
//! the public site.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[tokio::test]
async fn metrics_count_requests_and_failures_on_their_own_address() {
    let folder = tempfile::tempdir().unwrap();
    let courses = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../courses");
    let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["serve", "--address", "127.0.0.1:0", "--metrics-address", "127.0.0.1:0"])
        .arg("--data-dir")
        .arg(folder.path())
        .arg("--courses-dir")
        .arg(&courses)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let (mut site, mut metrics) = (String::new(), String::new());
    out.read_line(&mut site).unwrap();
    out.read_line(&mut metrics).unwrap();
    let site = site.trim().strip_prefix("listening on ").unwrap().to_string();
    let metrics = metrics.trim().strip_prefix("metrics on ").expect("the metrics address is printed").to_string();

    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    assert_eq!(client.get(format!("{site}/courses/online-safety")).send().await.unwrap().status(), 200);
    let refused = client
        .post(format!("{site}/api/login"))
        .header("accept", "text/html")
        .header("origin", site.as_str())
        .header("referer", format!("{site}/login"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("username=nobody&password=wrong+horse+battery")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 303);
    assert_eq!(client.get(format!("{site}/metrics")).send().await.unwrap().status(), 404, "not on the public site");

    let text = client.get(&metrics).send().await.unwrap().text().await.unwrap();
    let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    let _ = child.wait();
    for wanted in [
        "learn_http_requests_total{route=\"/courses/{course}\",status=\"200\"} 1",
        "learn_http_requests_total{route=\"page\",status=\"404\"} 1",
        "learn_http_requests_total{route=\"/api/{*function}\",status=\"303\"} 1",
        "learn_http_request_duration_seconds_bucket{route=\"/courses/{course}\",le=\"0.1\"}",
        "learn_sign_in_failures_total 1",
        "learn_db_pool_connections{pool=\"writer\"} ",
    ] {
        assert!(text.contains(wanted), "{wanted} in:\n{text}");
    }
}

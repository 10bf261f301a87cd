//! `LEARN_LOG_FORMAT=json`: every log line is a JSON object, and a
//! request's lines carry the id its response names in `X-Request-Id`.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[tokio::test]
async fn json_log_lines_carry_the_request_id_of_the_response() {
    let folder = tempfile::tempdir().unwrap();
    let courses = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../courses");
    let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["serve", "--address", "127.0.0.1:0"])
        .arg("--data-dir")
        .arg(folder.path())
        .arg("--courses-dir")
        .arg(&courses)
        .env("LEARN_LOG_FORMAT", "json")
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let address = line.trim().strip_prefix("listening on ").unwrap().to_string();
    let response = reqwest::get(format!("{address}/courses/online-safety")).await.unwrap();
    assert_eq!(response.status(), 200);
    let id = response.headers()["x-request-id"].to_str().unwrap().to_string();
    let other = reqwest::get(format!("{address}/livez")).await.unwrap();
    assert_ne!(other.headers()["x-request-id"].to_str().unwrap(), id, "each request has its own id");
    let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let lines: Vec<serde_json::Value> =
        stderr.lines().map(|line| serde_json::from_str(&line.unwrap()).expect("every log line is JSON")).collect();
    let _ = child.wait();
    let served = lines
        .iter()
        .find(|line| line["span"]["request_id"] == id.as_str())
        .unwrap_or_else(|| panic!("no line of request {id} in {lines:#?}"));
    assert_eq!(served["fields"]["message"], "served");
    assert_eq!(served["fields"]["status"], 200);
    assert_eq!(served["span"]["path"], "/courses/online-safety");
    assert_eq!(served["span"]["client"], "127.0.0.1");
}

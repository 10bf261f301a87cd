//! Connections: a client that stops halfway through a request (or never
//! starts one) is let go after the read timeout; one that keeps sending,
//! however slowly, is served.

use std::time::{Duration, Instant};

use app::entities::user;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{Backend, TestApp, spawn_app_with};

async fn with_read_timeout_of_two_seconds() -> TestApp {
    spawn_app_with(Backend::Sqlite, |settings| settings.read_timeout_seconds = 2).await
}

fn host(app: &TestApp) -> &str {
    app.address.trim_start_matches("http://")
}

/// Reads what comes until the server closes the connection; how long that
/// took, or `None` if it was still open after `most`.
async fn closed_within(stream: &mut TcpStream, most: Duration) -> Option<Duration> {
    let started = Instant::now();
    let mut buffer = [0u8; 4096];
    loop {
        match tokio::time::timeout(most.saturating_sub(started.elapsed()), stream.read(&mut buffer)).await {
            Err(_) => return None,
            Ok(Ok(0) | Err(_)) => return Some(started.elapsed()),
            Ok(Ok(_)) => {}
        }
    }
}

#[tokio::test]
async fn a_client_that_stops_halfway_through_a_request_is_let_go() {
    let app = with_read_timeout_of_two_seconds().await;
    let host = host(&app);
    let silent = TcpStream::connect(host).await.unwrap();
    let mut half_headers = TcpStream::connect(host).await.unwrap();
    half_headers.write_all(format!("GET / HTTP/1.1\r\nHost: {host}\r\n").as_bytes()).await.unwrap();
    let mut half_body = TcpStream::connect(host).await.unwrap();
    let headers = format!(
        "POST /api/login HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nusername=",
        app.address
    );
    half_body.write_all(headers.as_bytes()).await.unwrap();
    // A whole request answered, then nothing: kept alive for the timeout.
    let mut idle = TcpStream::connect(host).await.unwrap();
    idle.write_all(format!("GET /livez HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    while !String::from_utf8_lossy(&answer).ends_with("alive") {
        let mut buffer = [0u8; 1024];
        let read = tokio::time::timeout(Duration::from_secs(10), idle.read(&mut buffer)).await.unwrap().unwrap();
        assert!(read > 0, "answered before closing: {}", String::from_utf8_lossy(&answer));
        answer.extend_from_slice(&buffer[..read]);
    }
    let cases =
        [("nothing sent", silent), ("half the headers", half_headers), ("half a body", half_body), ("idle", idle)];
    for (what, mut stream) in cases {
        let closed = closed_within(&mut stream, Duration::from_secs(20)).await;
        let closed = closed.unwrap_or_else(|| panic!("{what}: still open after 20 s"));
        assert!(closed < Duration::from_secs(10), "{what}: closed after {closed:?}");
    }
    // The server serves on.
    assert_eq!(app.get("/").await.status(), 200);
}

#[tokio::test]
async fn a_slow_phone_that_keeps_sending_is_served_however_long_it_takes() {
    let app = with_read_timeout_of_two_seconds().await;
    let host = host(&app);
    let body = "display_name=Slow+Phone&username=slowphone&password=seven+blue+camels&language=en";
    let mut stream = TcpStream::connect(host).await.unwrap();
    let headers = format!(
        "POST /api/register HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\nAccept: text/html\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        app.address,
        body.len()
    );
    stream.write_all(headers.as_bytes()).await.unwrap();
    // Five pieces a second apart: four seconds in all, twice the timeout,
    // but never two seconds without a byte.
    for piece in body.as_bytes().chunks(body.len().div_ceil(5)) {
        tokio::time::sleep(Duration::from_secs(1)).await;
        stream.write_all(piece).await.unwrap();
    }
    let mut answer = String::new();
    tokio::time::timeout(Duration::from_secs(20), stream.read_to_string(&mut answer)).await.unwrap().unwrap();
    assert!(answer.starts_with("HTTP/1.1 303"), "registered: {}", answer.lines().next().unwrap_or_default());
    let found = user::Entity::find().filter(user::Column::Username.eq("slowphone")).one(&app.state.db.reader).await;
    assert!(found.unwrap().is_some(), "the account was made");
}

//! Accepting connections and serving HTTP/1.1 on them, with a bound on
//! every way a client can hold one without finishing (see [`Timeouts`]).
//! On shutdown no connection is taken any more, and those open finish the
//! request they are on.

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::{TcpListener, TcpStream};
use tower::ServiceExt;

/// How long a client may hold a connection without doing its part
/// (`--read-timeout-seconds`, `--send-timeout-seconds`).
#[derive(Clone, Copy, Debug)]
pub struct Timeouts {
    /// Headers: a request's headers must arrive within this of the server
    /// starting to wait for them (an idle kept-alive connection waits the
    /// same, then is closed). Bodies: each piece must come within this of
    /// the last (the router's `RequestBodyTimeoutLayer`), so a slow phone
    /// uploading steadily is never cut.
    pub read: Duration,
    /// Answers: what the server sends must be acknowledged, or a full
    /// window read, within this ([`stalled_clients_let_go`]).
    pub send: Duration,
}

/// The most a connection buffers of a request's headers.
const HEADERS_AT_MOST: usize = 64 * 1024;
/// How long the open connections have to finish at shutdown (systemd's
/// `TimeoutStopSec` in deploy/learn.service is 30 s).
const DRAINED_WITHIN: Duration = Duration::from_secs(20);

/// Serves `app` on what `listener` accepts until `shutdown` completes, then
/// waits for the open connections to finish their requests.
pub async fn serve(listener: TcpListener, app: Router, timeouts: Timeouts, shutdown: impl Future<Output = ()>) {
    let connections = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (mut stream, client) = tokio::select! {
            accepted = accept(&listener) => accepted,
            () = &mut shutdown => break,
        };
        stalled_clients_let_go(&mut stream, timeouts.send);
        let app = app.clone();
        let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(client));
            app.clone().oneshot(request)
        });
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(timeouts.read)
            // A request's headers fit in far less (hyper would buffer 400 KB).
            .max_buf_size(HEADERS_AT_MOST)
            .serve_connection(TokioIo::new(stream), service);
        let watched = connections.watch(connection);
        tokio::spawn(async move {
            if let Err(error) = watched.await {
                tracing::debug!(%error, "a connection ended with an error");
            }
        });
    }
    // New clients are refused at once (a proxy tries another instance),
    // and the open connections finish what they are on, for so long.
    drop(listener);
    if tokio::time::timeout(DRAINED_WITHIN, connections.shutdown()).await.is_err() {
        tracing::warn!("connections still open at shutdown are closed");
    }
}

/// The next connection. Errors that concern one connection (it was reset
/// before being accepted) are passed over; others (too many open files)
/// are logged and the listener rests a second before trying again.
async fn accept(listener: &TcpListener) -> (TcpStream, SocketAddr) {
    loop {
        match listener.accept().await {
            Ok(accepted) => return accepted,
            Err(error) if concerns_one_connection(&error) => {}
            Err(error) => {
                tracing::error!(%error, "cannot accept a connection");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
}

fn concerns_one_connection(error: &std::io::Error) -> bool {
    use std::io::ErrorKind;
    matches!(error.kind(), ErrorKind::ConnectionRefused | ErrorKind::ConnectionAborted | ErrorKind::ConnectionReset)
}

/// Has the system close `connection` once what the server sends goes
/// unacknowledged, or a full window unread, for `timeout`: a client that
/// never reads holds its connection (and the chunk being sent) that long,
/// no more. Answers stream from disk, so memory is bounded already; this
/// bounds the connections.
fn stalled_clients_let_go(connection: &mut TcpStream, timeout: Duration) {
    use std::os::fd::AsRawFd;
    let milliseconds = libc::c_uint::try_from(timeout.as_millis()).unwrap_or(libc::c_uint::MAX);
    // SAFETY: a valid socket of ours, and a value of the size given.
    let set = unsafe {
        libc::setsockopt(
            connection.as_raw_fd(),
            libc::IPPROTO_TCP,
            libc::TCP_USER_TIMEOUT,
            std::ptr::from_ref(&milliseconds).cast(),
            std::mem::size_of::<libc::c_uint>() as libc::socklen_t,
        )
    };
    if set != 0 {
        tracing::warn!(error = %std::io::Error::last_os_error(), "TCP_USER_TIMEOUT not set on a connection");
    }
}

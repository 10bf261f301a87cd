//! Figures to watch, in the Prometheus text format, on their own address
//! (`--metrics-address`, off unless set): never on the public site.
//!
//! Requests by route and status with their latency, database pool use,
//! and what the services count themselves (`app` records them through the
//! `metrics` facade): sign-in failures and throttles, completion batch
//! sizes, course reloads.

use std::sync::OnceLock;

use axum::extract::State;
use axum::routing::get;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use tokio::net::TcpListener;

/// The process's one recorder, installed the first time it is asked for.
pub fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets(&[0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0])
            .expect("fixed buckets are valid")
            .set_buckets_for_metric(
                metrics_exporter_prometheus::Matcher::Full("learn_completion_batch_size".into()),
                &[1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0],
            )
            .expect("fixed buckets are valid")
            .build_recorder();
        let handle = recorder.handle();
        // A second recorder (several applications in one test process) is refused: the first stays.
        let _ = metrics::set_global_recorder(recorder);
        handle
    })
}

/// One request answered: `route` is the route's pattern (never the path
/// itself, which would make a series per learner).
pub fn record_request(route: &str, status: u16, seconds: f64) {
    let labels = [("route", route.to_string()), ("status", status.to_string())];
    metrics::counter!("learn_http_requests_total", &labels).increment(1);
    metrics::histogram!("learn_http_request_duration_seconds", "route" => route.to_string()).record(seconds);
}

async fn render(State(db): State<app::db::Db>) -> String {
    for (pool, connection) in [("writer", &db.writer), ("reader", &db.reader)] {
        let (size, idle) = if db.is_postgres() {
            let pool = connection.get_postgres_connection_pool();
            (pool.size(), pool.num_idle() as u32)
        } else {
            let pool = connection.get_sqlite_connection_pool();
            (pool.size(), pool.num_idle() as u32)
        };
        metrics::gauge!("learn_db_pool_connections", "pool" => pool).set(f64::from(size));
        metrics::gauge!("learn_db_pool_idle_connections", "pool" => pool).set(f64::from(idle));
    }
    metrics::counter!("learn_allocations_total").absolute(crate::allocations::total());
    handle().render()
}

/// Serves `/metrics` on `listener` until the process stops.
pub async fn serve(listener: TcpListener, db: app::db::Db, timeouts: crate::connections::Timeouts) {
    let app = axum::Router::new().route("/metrics", get(render)).with_state(db);
    crate::connections::serve(listener, app, timeouts, std::future::pending()).await
}

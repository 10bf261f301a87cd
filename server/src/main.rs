use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

/// mimalloc: faster than glibc's allocator for the many small allocations
/// of rendering a page, and it gives freed memory back to the system;
/// counted, for `/metrics` (`server::allocations`).
#[global_allocator]
static ALLOCATOR: server::allocations::Counting = server::allocations::Counting;

fn main() -> ExitCode {
    // No transparent huge pages: mimalloc asks for them, and a 2 MiB page
    // for every few kilobytes in use makes a small server look large (and
    // be large, on a 1 GB machine).
    // SAFETY: prctl with these arguments only sets a flag of this process.
    unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0) };
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build();
    match runtime {
        Ok(runtime) => runtime.block_on(serve()),
        Err(error) => {
            eprintln!("could not start: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn serve() -> ExitCode {
    let cli = server::cli::Cli::parse();
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "info,sqlx=warn,sea_orm=warn,tower_sessions=warn".into());
    // `LEARN_LOG_FORMAT=json`: one JSON object per line, each with the
    // fields of its request (method, path, client, request id).
    if std::env::var("LEARN_LOG_FORMAT").is_ok_and(|format| format == "json") {
        tracing_subscriber::fmt().json().with_env_filter(filter).with_writer(std::io::stderr).init();
    } else {
        tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(std::io::stderr().is_terminal())
            .with_writer(std::io::stderr)
            .init();
    }
    server::cli::run(cli).await
}

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

/// mimalloc: faster than glibc's allocator for the many small allocations
/// of rendering a page, and it gives freed memory back to the system;
/// counted, for `/metrics` (`server::allocations`).
#[global_allocator]
static ALLOCATOR: server::allocations::Counting = server::allocations::Counting;

fn main() -> ExitCode {
    huge_pages_only_where_asked_for();
    as_many_open_files_as_allowed();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build();
    match runtime {
        Ok(runtime) => runtime.block_on(serve()),
        Err(error) => {
            eprintln!("could not start: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `PR_THP_DISABLE_EXCEPT_ADVISED`, Linux 6.18's exception to
/// `PR_SET_THP_DISABLE` (not in the `libc` crate yet).
const EXCEPT_WHERE_ASKED: libc::c_ulong = 1 << 1;

/// No transparent huge pages but where asked for. Given them, mimalloc
/// takes a 2 MiB page for every few kilobytes in use, which makes a small
/// server look large (and be large, on a 1 GB machine); it is built not to
/// ask (its `no_thp` feature), and this keeps it from getting them on a
/// system that gives them to everyone. The password hashers ask for them
/// for their 19 MiB, where they make each hash faster
/// (`app::accounts::password`). A kernel older than 6.18 cannot make the
/// exception: no huge pages at all there.
fn huge_pages_only_where_asked_for() {
    let (yes, none): (libc::c_ulong, libc::c_ulong) = (1, 0);
    // SAFETY: prctl with these arguments only sets a flag of this process;
    // a kernel that does not know the exception refuses and changes nothing.
    let refused = unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, yes, EXCEPT_WHERE_ASKED, none, none) } != 0;
    if refused {
        // SAFETY: as above, with no exception.
        unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, yes, none, none, none) };
    }
}

/// Every connection is an open file, and the usual soft limit (1,024 on a
/// shell of Debian's) would have a few hundred slow phones, or one client
/// holding connections open, keep everyone else out long before the
/// machine is busy. The soft limit is raised to the hard one, as nginx and
/// Go's runtime do; the hard one is the administrator's (deploy/
/// learn.service sets 65,536).
fn as_many_open_files_as_allowed() {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: reads this process's limit into a value of the right type.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } == 0 && limit.rlim_cur < limit.rlim_max {
        limit.rlim_cur = limit.rlim_max;
        // SAFETY: sets this process's own soft limit within its hard one.
        unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &limit) };
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

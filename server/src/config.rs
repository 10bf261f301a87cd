//! Configuration: defaults, overridden by environment variables, overridden
//! by command-line flags. `server serve --help` lists every setting.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use app::catalog::{BrokenCourses, LoadOptions};
use app::state::AccountPolicy;
use clap::Args;
use ipnet::IpNet;

#[derive(Args, Clone, Debug)]
pub struct Settings {
    /// Address and port to listen on; port 0 picks a free port (tests do).
    #[arg(long, env = "LEARN_ADDRESS", default_value = "127.0.0.1:3000")]
    pub address: SocketAddr,

    /// Folder for the SQLite database (and, later, backups and the signing key).
    #[arg(long, env = "LEARN_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    /// `sqlite://path/to/file.db` or `postgres://user@host/database`.
    /// Default: the SQLite file `learn.db` in the data folder.
    #[arg(long, env = "LEARN_DATABASE_URL")]
    pub database_url: Option<String>,

    /// PostgreSQL only: the schema to keep every table in (created if
    /// missing), so that several installations or test runs can share one
    /// database.
    #[arg(long, env = "LEARN_DATABASE_SCHEMA")]
    pub database_schema: Option<String>,

    /// PostgreSQL only: a read replica (streaming replication of the same
    /// database) that statistics and exports read, so that reports do not
    /// load the primary. Everything else reads and writes the primary.
    #[arg(long, env = "LEARN_DATABASE_REPLICA_URL")]
    pub database_replica_url: Option<String>,

    /// The folder of course folders.
    #[arg(long, env = "LEARN_COURSES_DIR", default_value = "courses")]
    pub courses_dir: PathBuf,

    /// Refuse to start (or reload) when any course has an error. Without
    /// it, what has errors is left out alone (a lesson, a translation, a
    /// course whose course.toml cannot be read), logged, and shown to staff.
    #[arg(long, env = "LEARN_REFUSE_BROKEN_COURSES")]
    pub refuse_broken_courses: bool,

    /// Kept for service files written before leaving out broken lessons
    /// became the default; it changes nothing.
    #[arg(long, env = "LEARN_SKIP_BROKEN_COURSES", hide = true)]
    pub skip_broken_courses: bool,

    /// Reload the courses whenever their files change: for instructors
    /// writing a course, who edit and refresh the page.
    #[arg(long, env = "LEARN_WATCH_COURSES")]
    pub watch_courses: bool,

    /// The folder `make` builds the browser code into (served at /pkg).
    #[arg(long, env = "LEARN_SITE_DIR", default_value = "target/site")]
    pub site_dir: PathBuf,

    /// The address learners use to reach the site, for links that leave it
    /// (certificates, QR codes). Default: http:// and the listening address.
    /// An https:// address also marks the session cookie `Secure`.
    #[arg(long, env = "LEARN_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Reverse proxies whose `X-Forwarded-For` header is believed, as a
    /// comma-separated list of addresses or networks (`10.0.0.0/8,::1`).
    /// Requests from anywhere else are attributed to their own address.
    #[arg(long, env = "LEARN_TRUSTED_PROXIES", value_delimiter = ',', value_parser = address_or_network)]
    pub trusted_proxies: Vec<IpNet>,

    /// Where to serve `/metrics` (Prometheus text format), e.g.
    /// `127.0.0.1:9464`: an address of its own, never the public site.
    /// Off unless set.
    #[arg(long, env = "LEARN_METRICS_ADDRESS")]
    pub metrics_address: Option<SocketAddr>,

    /// Days a sign-in lasts without being used. Default 14: a learner who
    /// studies once a week on their own phone stays signed in.
    #[arg(long, env = "LEARN_SESSION_IDLE_DAYS", default_value_t = 14, value_parser = clap::value_parser!(u16).range(1..=365))]
    pub session_idle_days: u16,

    /// Days a sign-in lasts at most, however much it is used. Default 30:
    /// a shared or lost phone does not stay signed in for ever.
    #[arg(long, env = "LEARN_SESSION_MAX_DAYS", default_value_t = 30, value_parser = clap::value_parser!(u16).range(1..=365))]
    pub session_max_days: u16,

    /// Hours a password reset code works. Default 24: long enough to reach
    /// a learner after class, short enough that a lost slip of paper expires.
    #[arg(long, env = "LEARN_RESET_CODE_HOURS", default_value_t = 24, value_parser = clap::value_parser!(u16).range(1..=720))]
    pub reset_code_hours: u16,

    /// Days a set-password code from a bulk enrolment works. Default 30:
    /// time to print the list and hand the slips out in class.
    #[arg(long, env = "LEARN_SET_PASSWORD_CODE_DAYS", default_value_t = 30, value_parser = clap::value_parser!(u16).range(1..=365))]
    pub set_password_code_days: u16,

    /// Statistics by gender, age band and region show a group of fewer
    /// people than this as "fewer than N" (and hide one more, so that it
    /// cannot be worked out from the totals).
    #[arg(long, env = "LEARN_SMALL_GROUP_THRESHOLD", default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub small_group_threshold: u64,

    /// The largest bulk enrolment file accepted, in megabytes. Default 32:
    /// 100,000 learners with long names fit.
    #[arg(long, env = "LEARN_IMPORT_MAX_MB", default_value_t = 32, value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub import_max_mb: u32,

    /// How long a connection may take nothing off the server's hands (no
    /// byte of an answer acknowledged, or a full window left unread)
    /// before the system closes it, in seconds: a client that never reads
    /// holds a connection this long, no more (`TCP_USER_TIMEOUT`; nginx's
    /// `send_timeout` is 60 s too).
    #[arg(long, env = "LEARN_SEND_TIMEOUT_SECONDS", default_value_t = 60, value_parser = clap::value_parser!(u32).range(1..=3600))]
    pub send_timeout_seconds: u32,

    /// How long a client may take to send a request's headers (an idle
    /// kept-alive connection waits as long), or pause between two pieces
    /// of its body, before its connection is closed, in seconds: a client
    /// that sends half a request and stops holds nothing longer (nginx's
    /// `client_header_timeout` and `client_body_timeout` are 60 s too).
    #[arg(long, env = "LEARN_READ_TIMEOUT_SECONDS", default_value_t = 60, value_parser = clap::value_parser!(u32).range(1..=3600))]
    pub read_timeout_seconds: u32,

    /// The key certificates are signed with (RSA, PKCS#8 PEM): a path to
    /// the file, or the PEM itself. Every instance must share it. Without
    /// it, `issuer-key.pem` in the data folder is used, generated on first
    /// start. Never stored in the database.
    #[arg(long, env = "LEARN_ISSUER_KEY", hide_env_values = true)]
    pub issuer_key: Option<String>,

    /// The programme's logo for certificate pages: a PNG, JPEG or SVG file
    /// of at most 200 KB.
    #[arg(long, env = "LEARN_PROGRAMME_LOGO")]
    pub programme_logo: Option<std::path::PathBuf>,

    /// A TOML file of partners' identity providers (OpenID Connect) that
    /// people may sign in with: issuer, client id and secret, names in four
    /// languages, the organisation their people join. See
    /// docs/operators.md, "Signing in with a partner's identity provider".
    #[arg(long, env = "LEARN_IDENTITY_PROVIDERS")]
    pub identity_providers: Option<PathBuf>,

    /// A TOML file of partners' learning platforms (LTI 1.3) that place
    /// courses in theirs and take scores back: this tool's key file, and
    /// each platform's issuer, client id, deployment ids and addresses.
    /// See docs/operators.md, "Courses in a partner's learning platform".
    #[arg(long, env = "LEARN_LTI_PLATFORMS")]
    pub lti_platforms: Option<PathBuf>,

    /// A learning record store (xAPI) to send learning records to: its
    /// xAPI address, e.g. `https://lrs.example.org/xAPI`. Off unless set.
    /// See docs/operators.md, "Learning records to a learning record store".
    #[arg(long, env = "LEARN_LRS_ENDPOINT")]
    pub lrs_endpoint: Option<String>,

    /// The learning record store's username (HTTP basic authentication).
    #[arg(long, env = "LEARN_LRS_USERNAME", default_value = "")]
    pub lrs_username: String,

    /// The learning record store's password.
    #[arg(long, env = "LEARN_LRS_PASSWORD", default_value = "", hide_env_values = true, hide_default_value = true)]
    pub lrs_password: String,

    /// Send learners' display names to the learning record store too
    /// (without it, each learner is a pseudonym only).
    #[arg(long, env = "LEARN_LRS_NAMES")]
    pub lrs_names: bool,

    /// The programme's name: certificates name it as their issuer.
    #[arg(long, env = "LEARN_PROGRAMME_NAME", default_value = "Digital Skills Programme")]
    pub programme_name: String,
}

impl Settings {
    /// Every setting as the command line leaves it, but on a free port,
    /// with data in `data_dir` (the site's files in its `site` folder) and
    /// the courses of `courses_dir`: where tests and benchmarks start, and
    /// change what they need. `the_free_port_settings_are_the_command_lines`
    /// keeps these defaults the command line's.
    pub fn on_free_port(data_dir: &Path, courses_dir: &Path) -> Settings {
        Settings {
            address: SocketAddr::from(([127, 0, 0, 1], 0)),
            data_dir: data_dir.to_path_buf(),
            database_url: None,
            database_schema: None,
            database_replica_url: None,
            courses_dir: courses_dir.to_path_buf(),
            skip_broken_courses: false,
            refuse_broken_courses: false,
            watch_courses: false,
            site_dir: data_dir.join("site"),
            public_url: None,
            trusted_proxies: Vec::new(),
            metrics_address: None,
            session_idle_days: 14,
            session_max_days: 30,
            reset_code_hours: 24,
            set_password_code_days: 30,
            small_group_threshold: 5,
            import_max_mb: 32,
            send_timeout_seconds: 60,
            read_timeout_seconds: 60,
            programme_name: "Digital Skills Programme".into(),
            issuer_key: None,
            programme_logo: None,
            identity_providers: None,
            lti_platforms: None,
            lrs_endpoint: None,
            lrs_username: String::new(),
            lrs_password: String::new(),
            lrs_names: false,
        }
    }

    pub fn database_url(&self) -> String {
        self.database_url.clone().unwrap_or_else(|| format!("sqlite://{}", self.data_dir.join("learn.db").display()))
    }

    pub fn public_url(&self) -> String {
        let url = self.public_url.clone().unwrap_or_else(|| format!("http://{}", self.address));
        url.trim_end_matches('/').to_string()
    }

    pub fn broken_courses(&self) -> BrokenCourses {
        if self.refuse_broken_courses { BrokenCourses::Refuse } else { BrokenCourses::Skip }
    }

    /// How courses are loaded: resized images kept in the data folder.
    pub fn load_options(&self) -> LoadOptions {
        LoadOptions {
            broken: self.broken_courses(),
            image_cache: Some(self.data_dir.join("image-cache")),
            studio: Some(self.data_dir.join("studio")),
        }
    }

    pub fn account_policy(&self) -> AccountPolicy {
        AccountPolicy {
            idle_lifetime: time::Duration::days(self.session_idle_days.into()),
            absolute_lifetime: time::Duration::days(self.session_max_days.into()),
            reset_code_lifetime: time::Duration::hours(self.reset_code_hours.into()),
            set_password_code_lifetime: time::Duration::days(self.set_password_code_days.into()),
        }
    }

    /// The learning record store, if one is configured.
    pub fn learning_record_store(&self) -> Option<crate::xapi::Store> {
        let endpoint = self.lrs_endpoint.as_deref()?.trim().trim_end_matches('/').to_string();
        Some(crate::xapi::Store {
            endpoint,
            username: self.lrs_username.clone(),
            password: self.lrs_password.clone(),
            names: self.lrs_names,
        })
    }

    /// How long a client may hold a connection without sending or taking
    /// what it should (see `connections`).
    pub fn timeouts(&self) -> crate::connections::Timeouts {
        crate::connections::Timeouts {
            read: std::time::Duration::from_secs(self.read_timeout_seconds.into()),
            send: std::time::Duration::from_secs(self.send_timeout_seconds.into()),
        }
    }

    /// Cookies are sent only over https when the site is served over https.
    pub fn secure_cookies(&self) -> bool {
        self.public_url().starts_with("https://")
    }
}

/// `10.0.0.0/8`, or a lone address (`127.0.0.1`, `::1`) as a network of one.
fn address_or_network(text: &str) -> Result<IpNet, String> {
    let text = text.trim();
    text.parse::<IpNet>()
        .or_else(|_| text.parse::<std::net::IpAddr>().map(IpNet::from))
        .map_err(|_| format!("`{text}` is neither an address nor a network such as 10.0.0.0/8"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct CommandLine {
        #[command(flatten)]
        settings: Settings,
    }

    #[test]
    fn the_free_port_settings_are_the_command_lines() {
        let (data, courses) = (Path::new("/srv/learn/data"), Path::new("/srv/learn/courses"));
        let given = CommandLine::try_parse_from([
            "server",
            "--address",
            "127.0.0.1:0",
            "--data-dir",
            "/srv/learn/data",
            "--courses-dir",
            "/srv/learn/courses",
            "--site-dir",
            "/srv/learn/data/site",
        ])
        .unwrap()
        .settings;
        // Compared whole: a setting added to one and not the other fails here.
        assert_eq!(format!("{:?}", Settings::on_free_port(data, courses)), format!("{given:?}"));
    }

    #[test]
    fn a_trusted_proxy_is_an_address_or_a_network() {
        assert_eq!(address_or_network("127.0.0.1").unwrap().to_string(), "127.0.0.1/32");
        assert_eq!(address_or_network("::1").unwrap().to_string(), "::1/128");
        assert_eq!(address_or_network(" 10.0.0.0/8 ").unwrap().to_string(), "10.0.0.0/8");
        assert!(address_or_network("proxy.example").is_err());
    }
}

//! The authorisation matrix: every server function, every plain route and
//! every page, called by each kind of person, against one table of what
//! each must get. A route or server function without a row fails the test,
//! so nothing new can be added without deciding who may use it.
//!
//! What each answer means: `ok` the request was allowed (any status below
//! 400 but a redirect to the login page); `in` sent to log in (401, or a
//! redirect to `/login`); `403` refused; `404` not found (what the person
//! may not know exists); `422` allowed, but the input refused.

mod setup;
mod table;

use app::entities::cohort;

use crate::helpers::{Backend, TestApp, spawn_app};
use setup::world;
use table::rows;

/// The people, in the order of every row's answers.
const PEOPLE: [&str; 10] = [
    "visitor",
    "learner",
    "another learner",
    "the course's instructor",
    "another course's instructor",
    "manager of A",
    "manager of B",
    "programme-wide manager",
    "administrator",
    "deleted account",
];

/// What is asked: a server function with its form, or a GET of a path.
enum Ask {
    Call(&'static str, String),
    Get(String),
    Upload,
    /// A picture posted to a studio course's files.
    StudioUpload(String),
    /// A JSON body posted as a page's script does.
    Json(String, String),
}

struct Row {
    /// The route or server function, as registered.
    route: &'static str,
    ask: Ask,
    expect: [&'static str; 10],
}

/// Everything the rows refer to.
struct World {
    cookies: Vec<Option<String>>,
    cohort_a: cohort::Model,
    lesson: String,
    /// A quiz of the course and its right answers, as a form sends them.
    quiz: (String, String),
    certificate: String,
    import_a: i64,
    organisation_b: i64,
    asset: String,
    /// The course's content version, as a phone saving it names it.
    version: String,
}

/// The studio course of the matrix, which farida teaches.
const STUDIO: &str = "matrix-studio";

/// Short names for the answers.
const OK: &str = "ok";
const IN: &str = "in";
const NO: &str = "403";
const NF: &str = "404";
const BAD: &str = "422";

/// What a person got, in the matrix's words.
fn answer(status: u16, location: Option<&str>) -> &'static str {
    match status {
        401 => IN,
        300..=399 if location.is_some_and(|l| l.starts_with("/login")) => IN,
        0..=399 => OK,
        403 => NO,
        404 => NF,
        400 | 422 => BAD,
        _ => "other",
    }
}

async fn ask(app: &TestApp, ask: &Ask, cookie: Option<&str>) -> (u16, Option<String>) {
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).gzip(true).build().unwrap();
    let mut request = match ask {
        Ask::Call(path, body) => client
            .post(format!("{}{path}", app.address))
            .header("origin", app.address.as_str())
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.clone()),
        Ask::Get(path) => client.get(format!("{}{path}", app.address)),
        Ask::Json(path, body) => client
            .post(format!("{}{path}", app.address))
            .header("origin", app.address.as_str())
            .header("content-type", "application/json")
            .body(body.clone()),
        Ask::StudioUpload(course) => {
            let png = b"\x89PNG\r\n\x1a\n0000".to_vec();
            let part = reqwest::multipart::Part::bytes(png).file_name("matrix.png");
            client
                .post(format!("{}/studio/{course}/files", app.address))
                .header("origin", app.address.as_str())
                .multipart(reqwest::multipart::Form::new().text("folder", "assets").part("file", part))
        }
        Ask::Upload => {
            let part = reqwest::multipart::Part::bytes(b"name,username,cohort\n".to_vec()).file_name("x.csv");
            client
                .post(format!("{}/manage/import", app.address))
                .header("origin", app.address.as_str())
                .multipart(reqwest::multipart::Form::new().part("file", part))
        }
    };
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let response = request.send().await.unwrap();
    let location = response.headers().get("location").and_then(|l| l.to_str().ok()).map(str::to_string);
    (response.status().as_u16(), location)
}

#[tokio::test]
async fn every_entry_point_answers_each_kind_of_person_as_the_matrix_says() {
    let app = spawn_app(Backend::Sqlite).await;
    let world = world(&app).await;
    let rows = rows(&world);

    // Every route and server function has a row.
    let mut routes: Vec<String> =
        leptos::server_fn::axum::server_fn_paths().map(|(path, _)| path.to_string()).collect();
    routes.extend(server::router::plain_routes(&app.state).into_iter().map(|(path, _)| path.to_string()));
    routes.extend(server::router::page_routes());
    let missing: Vec<&String> =
        routes.iter().filter(|route| !rows.iter().any(|row| row.route == route.as_str())).collect();
    assert!(missing.is_empty(), "no row in the authorisation matrix for {missing:?}");
    let stale: Vec<&str> =
        rows.iter().map(|row| row.route).filter(|route| !routes.iter().any(|known| known == route)).collect();
    assert!(stale.is_empty(), "rows for routes that do not exist: {stale:?}");

    let mut wrong = Vec::new();
    for row in &rows {
        for (person, cookie) in PEOPLE.iter().zip(&world.cookies) {
            let index = PEOPLE.iter().position(|p| p == person).unwrap();
            let (status, location) = ask(&app, &row.ask, cookie.as_deref()).await;
            let got = answer(status, location.as_deref());
            if got != row.expect[index] {
                wrong.push(format!("{} as {person}: expected {}, got {got} ({status})", row.route, row.expect[index]));
            }
        }
    }
    assert!(wrong.is_empty(), "{} answers differ from the matrix:\n{}", wrong.len(), wrong.join("\n"));
}

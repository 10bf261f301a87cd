//! Input no form would send: refused with a clear answer, nothing stored,
//! and the server keeps serving.

use app::entities::user;
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::helpers::{Backend, post_form, refusal, spawn_app};

#[tokio::test]
async fn invalid_utf8_control_characters_and_huge_fields_change_nothing() {
    let app = spawn_app(Backend::Sqlite).await;
    let cases = [
        // %FF is not UTF-8.
        (
            "username=amina&display_name=%FF%FE&password=river+mango+lantern&language=en",
            Some("display-name-characters"),
        ),
        ("username=amina&display_name=Amina&password=river+mango+%C3%28x&language=en", Some("password-characters")),
        (
            "username=amina&display_name=Amina%00Khan&password=river+mango+lantern&language=en",
            Some("display-name-characters"),
        ),
        ("username=ami%07na&display_name=Amina&password=river+mango+lantern&language=en", Some("username-characters")),
        ("username=amina&display_name=Amina&password=&language=en", Some("password-too-short")),
        ("username=&display_name=&password=&language=", Some("username-length")),
        ("display_name=Amina", None),
        ("%%%&&&===", None),
    ];
    for (body, expected) in cases {
        let response = post_form(&app, "/api/register", "/register", body, None).await;
        let status = response.status().as_u16();
        assert!(status == 303 || status == 400, "{body}: {status}");
        if let Some(message) = expected {
            assert!(refusal(&response).contains(message), "{body}: {}", refusal(&response));
        }
    }
    let huge = format!("username=amina&display_name={}&password=river+mango+lantern&language=en", "x".repeat(200_000));
    let response = post_form(&app, "/api/register", "/register", &huge, None).await;
    assert!(matches!(response.status().as_u16(), 303 | 400 | 413), "{}", response.status());

    assert_eq!(user::Entity::find().count(&app.state.db.reader).await.unwrap(), 0, "nothing stored");
    assert_eq!(app.get("/healthz").await.status(), 200, "still serving");
}

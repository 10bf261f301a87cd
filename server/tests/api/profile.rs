//! The optional profile questions: each kept only with its consent,
//! withdrawn at any time, gone with the account.

use app::entities::profile_answer;
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::helpers::{
    AMINA, BACKENDS, Backend, TestApp, audit_actions, call, cookie_pair, page_with, post_form, refusal, set_cookie,
    spawn_app,
};

async fn answers(app: &TestApp) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = profile_answer::Entity::find()
        .all(&app.state.db.reader)
        .await
        .unwrap()
        .into_iter()
        .map(|row| (row.question, row.answer))
        .collect();
    rows.sort();
    rows
}

#[tokio::test]
async fn an_answer_without_its_consent_is_refused_and_nothing_is_stored() {
    let app = spawn_app(Backend::Sqlite).await;
    let body = format!("{AMINA}&gender=female&gender_consent=on&age_band=18-24&region=");
    let response = post_form(&app, "/api/register", "/register", &body, None).await;
    let refused = refusal(&response);
    assert!(refused.contains("age_band_consent") && refused.contains("profile-consent-needed"), "{refused}");
    assert_eq!(app::entities::user::Entity::find().count(&app.state.db.reader).await.unwrap(), 0);
    assert!(answers(&app).await.is_empty());

    // The form comes back as it was sent.
    let back = response.headers()["location"].to_str().unwrap();
    let form = app.client.get(back).send().await.unwrap().text().await.unwrap();
    assert!(form.contains("<option value=\"female\" selected"), "the chosen answer is kept");
    assert!(form.contains("id=\"age_band-error\""), "the error sits by its question");

    let unknown = format!("{AMINA}&region=atlantis&region_consent=on");
    let response = post_form(&app, "/api/register", "/register", &unknown, None).await;
    assert!(refusal(&response).contains("profile-choice-unknown"));
}

#[tokio::test]
async fn consented_answers_are_kept_shown_downloaded_and_withdrawn() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let body =
            format!("{AMINA}&gender=female&gender_consent=on&age_band=18-24&age_band_consent=on&region_consent=on");
        let response = post_form(&app, "/api/register", "/register", &body, None).await;
        assert_eq!(response.headers()["location"], "/", "{backend:?}: {}", refusal(&response));
        let cookie = cookie_pair(&set_cookie(&response).unwrap());
        let expected =
            vec![("age_band".to_string(), "18-24".to_string()), ("gender".to_string(), "female".to_string())];
        assert_eq!(answers(&app).await, expected, "{backend:?}: consent without an answer keeps nothing");

        let account = page_with(&app, "/account", &cookie).await;
        assert!(account.contains("<option value=\"18-24\" selected"), "the saved answers are shown");
        assert!(account.contains("action=\"/api/withdraw_consent\""));
        let data = page_with(&app, "/account/data", &cookie).await;
        assert!(data.contains("\"answer\":\"female\"") || data.contains("\"answer\": \"female\""), "{data}");

        // Unticking one consent deletes that answer only.
        let fewer = "gender=female&age_band=18-24&age_band_consent=on";
        let saved = post_form(&app, "/api/save_profile", "/account", fewer, Some(&cookie)).await;
        assert!(refusal(&saved).contains("profile-consent-needed"), "an answer without consent is refused");
        let fewer = "gender=&age_band=18-24&age_band_consent=on";
        let saved = post_form(&app, "/api/save_profile", "/account", fewer, Some(&cookie)).await;
        assert_eq!(saved.headers()["location"], "/account?profile=saved#profile", "{backend:?}");
        assert_eq!(answers(&app).await, vec![("age_band".to_string(), "18-24".to_string())]);

        let withdrawn = post_form(&app, "/api/withdraw_consent", "/account", "", Some(&cookie)).await;
        assert_eq!(withdrawn.headers()["location"], "/account?profile=withdrawn#profile");
        assert!(answers(&app).await.is_empty(), "{backend:?}: withdrawn means deleted");
        let actions = audit_actions(&app).await;
        assert!(actions.contains(&"profile.consent_given".to_string()), "{actions:?}");
        assert!(actions.contains(&"profile.consent_withdrawn".to_string()), "{actions:?}");

        assert_eq!(call(&app, "/api/withdraw_consent", "", None).await, 401, "only for oneself, signed in");
        assert_eq!(call(&app, "/api/my_profile", "", None).await, 401);
    }
}

#[tokio::test]
async fn deleting_the_account_erases_the_answers() {
    let app = spawn_app(Backend::Sqlite).await;
    let body = format!("{AMINA}&region=pk&region_consent=on");
    let cookie = cookie_pair(&set_cookie(&post_form(&app, "/api/register", "/register", &body, None).await).unwrap());
    assert_eq!(answers(&app).await.len(), 1);
    let deleted =
        post_form(&app, "/api/delete_account", "/account", "delete_password=river+mango+lantern", Some(&cookie)).await;
    assert_eq!(deleted.headers()["location"], "/");
    assert!(answers(&app).await.is_empty());
}

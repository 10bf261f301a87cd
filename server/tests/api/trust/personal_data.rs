//! Personal data that must go: a deleted account stays deleted and leaves
//! no name behind; withdrawn consent is erased from stored enrolment files.

use app::entities::{certificate, enrolment, import, user};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::join;
use crate::helpers::{BACKENDS, Backend, call, page_with, post_form, set_cookie, signed_in_as, spawn_app};
use crate::learning::COURSE;
use crate::statistics::{register, upload};

/// Registers, completes the course (a certificate), joins a cohort, is
/// named in a stored enrolment file with answers, then deletes the account.
#[tokio::test]
async fn a_deleted_account_stays_deleted_and_its_personal_data_is_gone_everywhere() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let manager = signed_in_as(&app, "maryam", "manager").await;
        let instructor = signed_in_as(&app, "farida", "instructor").await;
        let cohort = crate::statistics::new_cohort(&app, &manager, COURSE, "Evening", None).await;
        let amina = register(&app, "amina", "Amina Khan").await;
        join(&app, &amina, &cohort).await;
        crate::certificates::complete_all_but(&app, &amina, 0).await;
        let code = app::codes::grouped(
            &certificate::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap().verify_code,
        );
        let file = format!(
            "name,username,cohort,gender,consent\nAmina Khan,amina,{},female,yes\n",
            app::codes::grouped(&cohort.code)
        );
        upload(&app, &manager, file.into_bytes()).await;

        let response =
            post_form(&app, "/api/delete_account", "/account", "delete_password=river+mango+lantern", Some(&amina))
                .await;
        assert_eq!(response.headers()["location"], "/", "{backend:?}: deleted");
        let deleted = user::Entity::find()
            .filter(user::Column::DeletedAt.is_not_null())
            .one(&app.state.db.reader)
            .await
            .unwrap()
            .unwrap();

        // Nobody can bring it back.
        let username = format!("username={}", deleted.username);
        for (who, cookie) in [("manager", &manager), ("instructor", &instructor)] {
            let status = call(&app, "/api/issue_reset_code", &username, Some(cookie)).await;
            assert!(
                status == 404 || status == 403,
                "{backend:?}: {who} issued a code for a deleted account ({status})"
            );
        }
        let cli = server::cli::UsersCommand::ResetCode {
            username: deleted.username.clone(),
            settings: app.database().settings(crate::helpers::sample_courses()),
        };
        assert!(server::users::run(cli, &mut "".as_bytes()).await.is_err(), "{backend:?}: nor from the command line");
        let admin = signed_in_as(&app, "root", "admin").await;
        assert_eq!(call(&app, "/api/change_role", &format!("{username}&role=admin"), Some(&admin)).await, 404);
        let login = format!("{username}&password=river+mango+lantern");
        let response = post_form(&app, "/api/login", "/login", &login, None).await;
        assert!(set_cookie(&response).is_none(), "{backend:?}: no sign-in");

        // Its name is nowhere a person can read it.
        let (_, verify) = app.get_text(&format!("/verify/{code}?lang=en")).await;
        assert!(!verify.contains("Amina"), "{backend:?}: the verify page names nobody");
        assert!(verify.contains("deleted their account"), "{backend:?}");
        let files = import::Entity::find().all(&app.state.db.reader).await.unwrap();
        assert!(
            files.iter().all(|file| !file.content.contains("Amina") && !file.content.contains("female")),
            "{backend:?}: {files:?}"
        );
        let report = page_with(&app, &format!("/manage/import/{}?lang=en", files[0].id), &manager).await;
        assert!(!report.contains("Amina"), "{backend:?}: nor the dry-run page");
        let addresses = app::entities::audit_log::Entity::find()
            .filter(app::entities::audit_log::Column::SubjectId.eq(deleted.id))
            .all(&app.state.db.reader)
            .await
            .unwrap();
        assert!(addresses.iter().all(|entry| entry.client_address.is_none()), "{backend:?}: addresses erased");
        let certificate = certificate::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap();
        assert_eq!(certificate.learner_name, "");
        let places = enrolment::Entity::find()
            .filter(enrolment::Column::UserId.eq(deleted.id))
            .filter(enrolment::Column::LeftAt.is_null())
            .count(&app.state.db.reader)
            .await
            .unwrap();
        assert_eq!(places, 0, "{backend:?}: the cohort place is given up");
    }
}

#[tokio::test]
async fn withdrawing_consent_erases_the_answer_from_stored_enrolment_files_too() {
    let app = spawn_app(Backend::Sqlite).await;
    let manager = signed_in_as(&app, "maryam", "manager").await;
    let cohort = crate::statistics::new_cohort(&app, &manager, COURSE, "Evening", None).await;
    let code = app::codes::grouped(&cohort.code);
    let file =
        format!("name,username,cohort,gender,consent\nBibi,bibi,{code},female,yes\nNoor,noor,{code},female,yes\n");
    let report = upload(&app, &manager, file.into_bytes()).await;
    let stored = import::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap();
    assert!(stored.content.contains("female"), "kept for the dry run");
    let id = report.trim_start_matches("/manage/import/");
    post_form(&app, "/api/apply_import", &report, &format!("id={id}"), Some(&manager)).await;
    let stored = import::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap();
    assert!(!stored.content.contains("female"), "applied: the answers live in the profiles, with their consent");
    assert!(stored.content.contains("bibi"));

    // A file not yet applied names an existing learner with an answer; she withdraws.
    let pending = format!("name,username,cohort,gender,consent\nBibi,bibi,{code},female,yes\n");
    upload(&app, &manager, pending.into_bytes()).await;
    let bibi = user::Entity::find()
        .filter(user::Column::Username.eq("bibi"))
        .one(&app.state.db.reader)
        .await
        .unwrap()
        .unwrap();
    let actor = app::accounts::Actor { user_id: Some(bibi.id), client_address: None };
    app::accounts::save_profile(&app.state.db, bibi.id, &Vec::new(), &actor).await.unwrap();
    for file in import::Entity::find().all(&app.state.db.reader).await.unwrap() {
        assert!(!file.content.contains("female"), "file {}: {}", file.id, file.content);
    }
}

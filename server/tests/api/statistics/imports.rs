//! Bulk enrolment from a CSV file: checked in a dry run, applied once, with
//! the new learners' codes sealed for the applying browser; unreadable files
//! refused with a reason.

use app::entities::{enrolment, import, profile_answer, user};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::{multipart_file, new_cohort, register, upload};
use crate::helpers::{BACKENDS, Backend, page_caching, page_with, post_form, signed_in_as, spawn_app, spawn_app_with};
use crate::learning::COURSE;

#[tokio::test]
async fn a_bulk_enrolment_file_is_checked_then_applied_once() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let manager = signed_in_as(&app, "maryam", "manager").await;
        let cohort = new_cohort(&app, &manager, COURSE, "Evening", None).await;
        register(&app, "amina", "Amina").await;
        let code = app::codes::grouped(&cohort.code);
        let file = format!(
            "\u{feff}name,username,cohort,gender,consent\r\n\
             عائشہ بی بی,ayesha.bibi,{code},female,yes\r\n\
             Гульнора Каримова,gulnora,{code},,\r\n\
             Amina,amina,{code},,\r\n\
             Bad Name,no spaces allowed,{code},,\r\n\
             Twice,gulnora,{code},,\r\n\
             Nowhere,nowhere,ZZZZ-ZZZZ,,\r\n\
             Unconsented,unconsented,{code},male,\r\n"
        );
        let users_before = user::Entity::find().count(&app.state.db.reader).await.unwrap();
        let report = upload(&app, &manager, file.clone().into_bytes()).await;
        assert!(report.starts_with("/manage/import/"), "{report}");
        let page = page_with(&app, &report, &manager).await;
        assert_eq!(user::Entity::find().count(&app.state.db.reader).await.unwrap(), users_before, "a dry run");
        for reason in [
            "Use only the letters a–z, digits",
            "This username is on an earlier row of the file.",
            "No cohort has this code.",
            "Profile answers are kept only with consent",
        ] {
            assert!(page.contains(reason), "{backend:?}: the report says {reason:?}");
        }
        assert!(page.contains("Apply the 3 valid rows"), "{backend:?}");
        let id: i64 = report.rsplit('/').next().unwrap().parse().unwrap();

        let response = post_form(&app, "/api/apply_import", &report, &format!("id={id}"), Some(&manager)).await;
        assert_eq!(response.headers()["location"], format!("/manage/import/{id}#codes"));
        let created = user::Entity::find()
            .filter(user::Column::PasswordHash.eq(app::learning::bulk::NO_PASSWORD_YET))
            .all(&app.state.db.reader)
            .await
            .unwrap();
        let mut usernames: Vec<&str> = created.iter().map(|user| user.username.as_str()).collect();
        usernames.sort();
        assert_eq!(usernames, ["ayesha.bibi", "gulnora"], "{backend:?}");
        let members = enrolment::Entity::find()
            .filter(enrolment::Column::CohortId.eq(cohort.id))
            .count(&app.state.db.reader)
            .await
            .unwrap();
        assert_eq!(members, 3, "{backend:?}: two new accounts and amina");
        let consented = profile_answer::Entity::find().count(&app.state.db.reader).await.unwrap();
        assert_eq!(consented, 1, "{backend:?}: ayesha's answer, given with consent");
        let again = post_form(&app, "/api/apply_import", &report, &format!("id={id}"), Some(&manager)).await;
        assert!(crate::helpers::refusal(&again).contains("import-already-applied"), "{backend:?}");

        // The printed code sets the new learner's password. The list is
        // sealed for the browser that applied the file: the database holds
        // no code, another browser of the same manager sees none.
        let key = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find(|value| value.starts_with(&format!("import-{id}-codes=")))
            .map(|value| value.split(';').next().unwrap().to_string())
            .expect("the applying browser is given the list's key");
        let stored = import::Entity::find_by_id(id).one(&app.state.db.reader).await.unwrap().unwrap();
        let sealed = stored.codes.clone().unwrap();
        assert!(!sealed.contains("gulnora"), "{backend:?}: the stored list is sealed");
        let elsewhere = page_with(&app, &report, &manager).await;
        assert!(!elsewhere.contains("id=\"import-codes\""), "{backend:?}: no list without the key");
        assert!(elsewhere.contains("only the browser that applied this file"), "{backend:?}: the page says why");
        // The key alone opens nothing: an administrator or another
        // manager who got hold of the cookie sees no list.
        for (name, role) in [("zarina", "admin"), ("olga", "manager")] {
            let other = signed_in_as(&app, name, role).await;
            let seen = page_with(&app, &report, &format!("{other}; {key}")).await;
            assert!(!seen.contains("id=\"import-codes\""), "{backend:?}: {role} with the key sees no list");
        }
        let page = page_with(&app, &report, &format!("{manager}; {key}")).await;
        let list = page.split("id=\"import-codes\"").nth(1).expect("the list to print");
        let kept = page_caching(&app, &report, &format!("{manager}; {key}")).await;
        assert_eq!(kept, "private, no-store", "{backend:?}: the codes are kept by no cache");
        let row = list.split("gulnora").nth(1).expect("her row in the list");
        let grouped = |at: usize| {
            let candidate = row.get(at..at + 14)?;
            let shape = candidate
                .char_indices()
                .all(|(i, c)| if i == 4 || i == 9 { c == '-' } else { c.is_ascii_digit() || c.is_ascii_uppercase() });
            shape.then_some(candidate)
        };
        let gulnora = (0..row.len()).find_map(grouped).expect("her code, grouped");
        assert!(!sealed.contains(gulnora), "{backend:?}");
        let body = format!("code={gulnora}&new_password=a+new+long+password");
        let redeemed = post_form(&app, "/api/redeem_reset_code", "/reset", &body, None).await;
        assert_eq!(redeemed.status().as_u16(), 303, "{backend:?}");
        let login =
            post_form(&app, "/api/login", "/login", "username=gulnora&password=a+new+long+password", None).await;
        assert_eq!(login.headers()["location"], "/", "{backend:?}: she logs in");

        // The same file again changes nothing.
        let second = upload(&app, &manager, file.into_bytes()).await;
        let page = page_with(&app, &second, &manager).await;
        assert!(!page.contains("Apply the"), "{backend:?}: nothing left to apply");
        let users = user::Entity::find().count(&app.state.db.reader).await.unwrap();
        let second_id: i64 = second.rsplit('/').next().unwrap().parse().unwrap();
        post_form(&app, "/api/apply_import", &second, &format!("id={second_id}"), Some(&manager)).await;
        assert_eq!(user::Entity::find().count(&app.state.db.reader).await.unwrap(), users, "{backend:?}");
        let members_after = enrolment::Entity::find()
            .filter(enrolment::Column::CohortId.eq(cohort.id))
            .count(&app.state.db.reader)
            .await
            .unwrap();
        assert_eq!(members_after, 3, "{backend:?}");
    }
}

#[tokio::test]
async fn enrolment_files_that_cannot_be_read_are_refused_with_a_reason() {
    let app = spawn_app_with(Backend::Sqlite, |settings| settings.import_max_mb = 1).await;
    let manager = signed_in_as(&app, "maryam", "manager").await;
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (b"name,username,cohort\n\xff\xfe\xfd,x,y\n".to_vec(), "refused=import-error-encoding"),
        (b"name,login,cohort\nA,a,b\n".to_vec(), "refused=import-error-unknown-column&detail=login"),
        (b"name,username\nA,a\n".to_vec(), "refused=import-error-missing-column&detail=cohort"),
        (Vec::new(), "refused=import-error-empty"),
        (
            format!("name,username,cohort\n{}", "Someone,someone,ABCD-EFGH\n".repeat(60_000)).into_bytes(),
            "refused=import-error-too-large",
        ),
    ];
    for (bytes, expected) in cases {
        let location = upload(&app, &manager, bytes).await;
        assert!(location.contains(expected), "{location} should say {expected}");
        let page = page_with(&app, &location, &manager).await;
        assert!(page.contains("field-error"), "the upload page explains: {location}");
    }
    assert_eq!(import::Entity::find().count(&app.state.db.reader).await.unwrap(), 0, "nothing kept");
    let learner = register(&app, "amina", "Amina").await;
    let response = app
        .client
        .post(format!("{}/manage/import", app.address))
        .header("cookie", &learner)
        .header("origin", app.address.as_str())
        .multipart(multipart_file("x.csv", b"name,username,cohort\n".to_vec()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 403);
}

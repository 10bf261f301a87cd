//! Certificates: issued once on completion, shown to their learner only,
//! verifiable by anyone, revocable by managers.

use app::entities::{audit_log, certificate};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::{BACKENDS, Backend, TestApp, call, page_with, post_form, refusal, signed_in_as, spawn_app};
use crate::learning::{COURSE, lessons, register_amina};

/// Completes every lesson but the last `left` lessons without a quiz; returns those.
pub async fn complete_all_but(app: &TestApp, cookie: &str, left: usize) -> Vec<String> {
    post_form(app, "/api/enrol", "/", &format!("course={COURSE}"), Some(cookie)).await;
    let lessons = lessons(app, COURSE);
    let plain: Vec<String> = lessons.iter().filter(|(_, quiz)| quiz.is_none()).map(|(id, _)| id.clone()).collect();
    let (done, rest) = plain.split_at(plain.len() - left);
    for lesson in done {
        post_form(app, "/api/complete_lesson", "/", &format!("course={COURSE}&lesson={lesson}"), Some(cookie)).await;
    }
    for (lesson, answers) in &lessons {
        if let Some((right, _)) = answers {
            let body = format!("course={COURSE}&lesson={lesson}&attempt_key=AAAABBBBCCCCDDDD{right}");
            post_form(app, "/api/submit_quiz", "/", &body, Some(cookie)).await;
        }
    }
    rest.to_vec()
}

async fn certificates(app: &TestApp) -> Vec<certificate::Model> {
    certificate::Entity::find().all(&app.state.db.reader).await.unwrap()
}

#[tokio::test]
async fn completing_the_course_issues_exactly_one_certificate_even_when_completions_race() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let amina = register_amina(&app).await;
        let last_two = complete_all_but(&app, &amina, 2).await;
        assert!(certificates(&app).await.is_empty(), "{backend:?}: not before the course is complete");
        let user_id = app::entities::user::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap().id;
        let course = app.state.catalog.current().course(COURSE).unwrap().clone();
        let racing: Vec<_> = last_two
            .iter()
            .chain(&last_two)
            .map(|lesson| {
                let (writer, course, lesson) = (app.state.completions.clone(), course.clone(), lesson.clone());
                tokio::spawn(async move { writer.complete(course, &lesson, user_id).await.unwrap() })
            })
            .collect();
        for call in racing {
            call.await.unwrap();
        }
        let issued = certificates(&app).await;
        assert_eq!(issued.len(), 1, "{backend:?}: one certificate");
        assert_eq!(issued[0].learner_name, "عائشہ", "the name exactly as registered");
        assert_eq!(issued[0].verify_code.len(), 16);
    }
}

#[tokio::test]
async fn the_certificate_page_is_the_learners_own_and_anyone_can_verify_it() {
    let app = spawn_app(Backend::Sqlite).await;
    let amina = register_amina(&app).await;
    assert!(complete_all_but(&app, &amina, 0).await.is_empty());
    let page = page_with(&app, &format!("/my/certificates/{COURSE}?lang=en"), &amina).await;
    assert!(page.contains("عائشہ") && page.contains("<svg"), "the name and a QR code");
    let issued = &certificates(&app).await[0];
    let grouped = app::codes::grouped(&issued.verify_code);
    let verify_path = format!("/verify/{grouped}");
    assert!(page.contains(&format!("{}{verify_path}", app.address)), "the public address, in full");
    let course_page = page_with(&app, &format!("/courses/{COURSE}?lang=en"), &amina).await;
    assert!(course_page.contains(&format!("/my/certificates/{COURSE}")), "linked from the course page");

    let bilal = signed_in_as(&app, "bilal", "learner").await;
    let theirs = app
        .client
        .get(format!("{}/my/certificates/{COURSE}", app.address))
        .header("cookie", &bilal)
        .send()
        .await
        .unwrap();
    assert_eq!(theirs.status(), 404, "only one's own certificate: another learner has none to see");

    let (status, verified) = app.get_text(&format!("{verify_path}?lang=en")).await;
    assert_eq!(status, 200);
    assert!(verified.contains("Valid") && verified.contains("عائشہ"));
    assert!(!verified.contains("amina") && !verified.contains("revoke_certificate"), "nothing more to a visitor");
    let typed = format!("/verify/{}", grouped.to_lowercase().replace('-', ""));
    assert_eq!(app.get_text(&typed).await.0, 200, "typing forgives case and dashes");
    for bad in ["/verify/AAAA-BBBB-CCCC-DDDD", "/verify/not-a-code", &format!("/verify/{}", "A".repeat(5000))] {
        let (status, page) = app.get_text(&format!("{bad}?lang=en")).await;
        assert_eq!(status, 404, "{bad}");
        assert!(page.contains("No certificate has this code"), "{bad}");
    }
}

#[tokio::test]
async fn managers_revoke_with_a_reason_and_the_verify_page_says_so_at_once() {
    for backend in BACKENDS {
        let app = spawn_app(backend).await;
        let amina = register_amina(&app).await;
        complete_all_but(&app, &amina, 0).await;
        let code = app::codes::grouped(&certificates(&app).await[0].verify_code);
        let manager = signed_in_as(&app, "malika", "manager").await;

        assert_eq!(call(&app, "/api/revoke_certificate", &format!("code={code}&reason=x"), Some(&amina)).await, 403);
        let unknown = "code=AAAA-BBBB-CCCC-DDDD&reason=Fraud";
        assert_eq!(call(&app, "/api/revoke_certificate", unknown, Some(&manager)).await, 404, "{backend:?}");
        let no_reason =
            post_form(&app, "/api/revoke_certificate", "/", &format!("code={code}&reason=+"), Some(&manager)).await;
        assert!(refusal(&no_reason).contains("revoke-reason-needed"));
        assert!(certificates(&app).await[0].revoked_at.is_none(), "nothing changed");

        let page = page_with(&app, &format!("/verify/{code}?lang=en"), &manager).await;
        assert!(page.contains("action=\"/api/revoke_certificate\""), "managers see the revoke form");
        let body = format!("code={code}&reason=Copied+the+quiz+answers");
        let revoked = post_form(&app, "/api/revoke_certificate", "/", &body, Some(&manager)).await;
        assert_eq!(revoked.headers()["location"], format!("/verify/{code}"), "{backend:?}");
        let (status, page) = app.get_text(&format!("/verify/{code}?lang=en")).await;
        assert_eq!(status, 200);
        assert!(page.contains("Revoked on"), "{backend:?}");
        let audited = audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("certificate.revoked"))
            .count(&app.state.db.reader)
            .await
            .unwrap();
        assert_eq!(audited, 1);
        assert!(page_with(&app, &format!("/my/certificates/{COURSE}?lang=en"), &amina).await.contains("was revoked"));
    }
}

#[tokio::test]
async fn the_issuer_key_is_generated_on_first_start_kept_out_of_the_database_and_published() {
    let app = crate::helpers::spawn_app_with(Backend::Sqlite, |settings| settings.issuer_key = None).await;
    let path = app.database().data_dir.path().join("issuer-key.pem");
    let pem = std::fs::read_to_string(&path).expect("generated into the data folder");
    assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600, "readable by its owner only");
    }
    let again =
        app::credentials::IssuerKey::load_or_create(None, app.database().data_dir.path(), &app.address).unwrap();
    let (status, jwks) = app.get_text("/.well-known/jwks.json").await;
    assert_eq!(status, 200);
    let jwks: serde_json::Value = serde_json::from_str(&jwks).unwrap();
    assert_eq!(jwks["keys"].as_array().unwrap().len(), 1, "one key");
    assert_eq!(jwks["keys"][0], *again.public_jwk(), "the same key on the next start");
    assert!(jwks["keys"][0].get("d").is_none(), "never the private part");
    assert_eq!(jwks["keys"][0]["alg"], "RS256");
    let (_, issuer) = app.get_text("/issuer").await;
    assert!(issuer.contains("\"Profile\"") && issuer.contains("Digital Skills Programme"));
    let issuer: serde_json::Value = serde_json::from_str(&issuer).unwrap();
    assert_eq!(issuer["publicKey"], jwks["keys"][0], "the profile carries the same public key");
}

#[tokio::test]
async fn the_credential_is_the_learners_own_and_names_its_key() {
    use base64::Engine;
    let app = spawn_app(Backend::Sqlite).await;
    let amina = register_amina(&app).await;
    complete_all_but(&app, &amina, 0).await;
    let path = format!("/my/certificates/{COURSE}/credential.jwt");
    let response = app.client.get(format!("{}{path}", app.address)).header("cookie", &amina).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let token = response.text().await.unwrap();
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3);
    let decode = |part: &str| -> serde_json::Value {
        serde_json::from_slice(&base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(part).unwrap()).unwrap()
    };
    let (header, payload) = (decode(parts[0]), decode(parts[1]));
    let (_, jwks) = app.get_text("/.well-known/jwks.json").await;
    let jwks: serde_json::Value = serde_json::from_str(&jwks).unwrap();
    assert_eq!(header["alg"], "RS256");
    assert_eq!(header["kid"], jwks["keys"][0]["kid"], "the kid resolves to the published key");
    assert_eq!(payload["type"][1], "OpenBadgeCredential");
    assert_eq!(payload["credentialSubject"]["identifier"][0]["identityHash"], "عائشہ");
    let cert = &certificates(&app).await[0];
    assert_eq!(payload["credentialStatus"]["statusListIndex"], cert.id.to_string());

    let bilal = signed_in_as(&app, "bilal", "learner").await;
    let theirs = app.client.get(format!("{}{path}", app.address)).header("cookie", &bilal).send().await.unwrap();
    assert_eq!(theirs.status(), 404, "only one's own credential");
    let visitor = app.client.get(format!("{}{path}", app.address)).send().await.unwrap();
    assert_eq!(visitor.status(), 303, "a visitor is sent to log in");
}

#[tokio::test]
async fn the_pdf_carries_urdu_and_cyrillic_names_as_searchable_text() {
    use unicode_normalization::UnicodeNormalization;
    let app = spawn_app(Backend::Sqlite).await;
    let amina = register_amina(&app).await;
    let dilnoza_form = "username=dilnoza&display_name=%D0%94%D0%B8%D0%BB%D0%BD%D0%BE%D0%B7%D0%B0+%D0%9A%D0%B0%D1%80%D0%B8%D0%BC%D0%BE%D0%B2%D0%B0&password=seven+blue+camels&language=ru";
    let response = post_form(&app, "/api/register", "/register", dilnoza_form, None).await;
    let dilnoza = crate::helpers::cookie_pair(&crate::helpers::set_cookie(&response).unwrap());
    for (cookie, name) in [(&amina, "عائشہ"), (&dilnoza, "Дилноза Каримова")] {
        complete_all_but(&app, cookie, 0).await;
        let path = format!("/my/certificates/{COURSE}/certificate.pdf");
        let response = app.client.get(format!("{}{path}", app.address)).header("cookie", cookie).send().await.unwrap();
        assert_eq!(response.status(), 200, "{name}");
        assert_eq!(response.headers()["content-type"], "application/pdf");
        let pdf = response.bytes().await.unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("certificate.pdf");
        std::fs::write(&file, &pdf).unwrap();
        if let Some(keep) = std::env::var_os("KEEP_CERTIFICATE_PDFS") {
            // To look at them: KEEP_CERTIFICATE_PDFS=/tmp cargo test … the_pdf
            std::fs::write(std::path::Path::new(&keep).join(format!("certificate-{}.pdf", name.len())), &pdf).unwrap();
        }
        let output = std::process::Command::new("pdftotext")
            .arg("-enc")
            .arg("UTF-8")
            .arg(&file)
            .arg("-")
            .output()
            .expect("pdftotext (Debian's poppler-utils; `make test` installs it)");
        let text: String = String::from_utf8_lossy(&output.stdout).nfkc().collect();
        let wanted: String = name.nfkc().collect();
        assert!(text.contains(&wanted), "{name} not found as text in:\n{text}");
        assert!(
            text.contains(&app::codes::grouped(&certificates(&app).await.last().unwrap().verify_code))
                || text.contains("verify")
        );
        // An accessible PDF: tagged, titled, in its reader's language, the
        // verify address a link.
        let info = std::process::Command::new("pdfinfo").arg(&file).output().expect("pdfinfo (poppler-utils)");
        let info = String::from_utf8_lossy(&info.stdout);
        assert!(info.contains("Tagged:          yes"), "{info}");
        assert!(info.lines().any(|line| line.starts_with("Title:") && line.contains(name)), "{info}");
        let raw = String::from_utf8_lossy(&pdf);
        let lang = if name.starts_with('Д') { "/Lang (ru)" } else { "/Lang (ur)" };
        assert!(raw.contains(lang), "the document's language is set");
        assert!(raw.contains("/URI (http") && raw.contains("/verify/"), "the verify address is a link");
    }
    let visitor = app.client.get(format!("{}/my/certificates/{COURSE}/certificate.pdf", app.address)).send().await;
    assert_eq!(visitor.unwrap().status(), 303);
}

#[tokio::test]
async fn a_configured_logo_appears_on_certificates_and_a_wrong_one_stops_the_start() {
    let folder = tempfile::tempdir().unwrap();
    let logo = folder.path().join("logo.svg");
    std::fs::write(&logo, r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>"#).unwrap();
    let path = logo.clone();
    let app = crate::helpers::spawn_app_with(Backend::Sqlite, move |s| s.programme_logo = Some(path)).await;
    let response = app.get("/programme-logo").await;
    assert_eq!(response.headers()["content-type"], "image/svg+xml");
    let amina = register_amina(&app).await;
    complete_all_but(&app, &amina, 0).await;
    assert!(page_with(&app, &format!("/my/certificates/{COURSE}"), &amina).await.contains("src=\"/programme-logo\""));

    let wrong = folder.path().join("logo.txt");
    std::fs::write(&wrong, "not an image").unwrap();
    let database = crate::helpers::TestDatabase::new(Backend::Sqlite);
    let mut settings = database.settings(crate::helpers::sample_courses());
    settings.programme_logo = Some(wrong);
    let error = server::startup::Application::build(settings).await.err().expect("refused");
    assert!(error.to_string().contains(".png, .jpg or .svg"), "{error}");
}

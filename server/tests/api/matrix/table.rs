//! The matrix itself: one row per route, server function and page, with
//! what each kind of person must get.

use super::{Ask, BAD, IN, NF, NO, OK, Row, STUDIO, World};
use crate::learning::COURSE;

pub(super) fn rows(w: &World) -> Vec<Row> {
    let call = |path: &'static str, body: String| Ask::Call(path, body);
    let get = Ask::Get;
    let cohort = w.cohort_a.id;
    let code = &w.certificate;
    let lesson = &w.lesson;
    // Signed in, whoever: allowed; a visitor (or a deleted account): log in.
    let signed_in = [IN, OK, OK, OK, OK, OK, OK, OK, OK, IN];
    let signed_in_bad = [IN, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD, IN];
    let anyone = [OK; 10];
    let anyone_bad = [BAD; 10];
    let staff = [IN, NO, NO, OK, OK, OK, OK, OK, OK, IN];
    let managers = [IN, NO, NO, NO, NO, OK, OK, OK, OK, IN];
    let admins = [IN, NO, NO, NO, NO, NO, NO, NO, OK, IN];
    // Cohort A (of organisation A, of the course farida teaches).
    let cohort_a = [IN, NO, NO, OK, NO, OK, NO, OK, OK, IN];
    let holder = [IN, OK, NF, NF, NF, NF, NF, NF, NF, IN];
    let whole_course = [IN, NO, NO, OK, NO, NO, NO, OK, OK, IN];
    let breakdowns = [IN, NO, NO, NO, NO, OK, OK, OK, OK, IN];
    let import_a = [IN, NO, NO, NO, NO, OK, NF, NF, OK, IN];
    let studio = [IN, NO, NO, OK, OK, NO, NO, NO, OK, IN];
    let authors = [IN, NO, NO, OK, NF, NF, NF, NF, OK, IN];
    let encoded_lesson = "01-introduction%2F01-welcome.md";
    vec![
        // Reading the catalogue: anyone.
        Row { route: "/api/courses", ask: call("/api/courses", String::new()), expect: anyone },
        Row { route: "/api/course", ask: call("/api/course", format!("course={COURSE}")), expect: anyone },
        Row {
            route: "/api/lesson",
            ask: call("/api/lesson", format!("course={COURSE}&lesson={lesson}")),
            expect: anyone,
        },
        // Accounts.
        Row {
            route: "/api/register",
            ask: call("/api/register", "username=x&display_name=X&password=short&language=en".into()),
            expect: anyone_bad,
        },
        Row {
            route: "/api/login",
            ask: call("/api/login", "username=nobody-here&password=not+the+one".into()),
            expect: anyone_bad,
        },
        Row {
            route: "/api/redeem_reset_code",
            ask: call("/api/redeem_reset_code", "code=AAAA-BBBB-CCCC&new_password=seven+blue+camels".into()),
            expect: anyone_bad,
        },
        // After a partner's identity provider vouched for someone: nothing
        // waits in these sessions (and no provider is configured here; the
        // flow itself is in `identity`).
        Row { route: "/api/welcome", ask: call("/api/welcome", String::new()), expect: anyone },
        Row {
            route: "/api/create_provider_account",
            ask: call("/api/create_provider_account", String::new()),
            expect: anyone_bad,
        },
        Row {
            route: "/api/link_provider_account",
            ask: call("/api/link_provider_account", "username=farida&password=river+mango+lantern".into()),
            expect: anyone_bad,
        },
        Row {
            route: "/api/unlink_identity",
            ask: call("/api/unlink_identity", "provider=one-window".into()),
            expect: signed_in_bad,
        },
        Row { route: "/api/save_language", ask: call("/api/save_language", "language=en".into()), expect: signed_in },
        Row {
            route: "/api/change_password",
            ask: call("/api/change_password", "current_password=not+it+at+all&new_password=seven+blue+camels".into()),
            expect: signed_in_bad,
        },
        Row {
            route: "/api/delete_account",
            ask: call("/api/delete_account", "delete_password=not+it+at+all".into()),
            expect: signed_in_bad,
        },
        Row { route: "/api/save_profile", ask: call("/api/save_profile", String::new()), expect: signed_in },
        Row { route: "/api/withdraw_consent", ask: call("/api/withdraw_consent", String::new()), expect: signed_in },
        Row { route: "/api/my_profile", ask: call("/api/my_profile", String::new()), expect: signed_in },
        // Looking after accounts: amina is in cohort A only.
        Row { route: "/api/users_page", ask: call("/api/users_page", "query=".into()), expect: managers },
        Row {
            route: "/api/issue_reset_code",
            ask: call("/api/issue_reset_code", "username=amina".into()),
            expect: [IN, NO, NO, OK, NO, OK, NO, OK, OK, IN],
        },
        Row {
            route: "/api/change_role",
            ask: call("/api/change_role", "username=target&role=learner".into()),
            expect: admins,
        },
        Row { route: "/api/audit_log", ask: call("/api/audit_log", String::new()), expect: admins },
        Row { route: "/api/partners", ask: call("/api/partners", String::new()), expect: admins },
        // Learning: one's own only.
        Row { route: "/api/enrol", ask: call("/api/enrol", "course=smartphone-basics".into()), expect: signed_in },
        Row {
            route: "/api/unenrol",
            ask: call("/api/unenrol", "course=freelancing-first-steps".into()),
            expect: signed_in,
        },
        Row {
            route: "/api/complete_lesson",
            ask: call("/api/complete_lesson", format!("course={COURSE}&lesson={lesson}")),
            expect: [IN, OK, BAD, BAD, BAD, BAD, BAD, BAD, BAD, IN],
        },
        Row {
            route: "/api/submit_quiz",
            ask: call(
                "/api/submit_quiz",
                format!("course={COURSE}&lesson={}&attempt_key=MATRIXMATRIXMATRIX{}", w.quiz.0, w.quiz.1),
            ),
            expect: [IN, OK, BAD, BAD, BAD, BAD, BAD, BAD, BAD, IN],
        },
        Row { route: "/api/my_courses", ask: call("/api/my_courses", String::new()), expect: signed_in },
        Row {
            route: "/api/join_cohort",
            ask: call("/api/join_cohort", "code=ZZZZ-ZZZZ".into()),
            expect: signed_in_bad,
        },
        // Cohorts.
        Row { route: "/api/cohorts", ask: call("/api/cohorts", String::new()), expect: staff },
        Row { route: "/api/cohort", ask: call("/api/cohort", format!("id={cohort}")), expect: cohort_a },
        Row {
            route: "/api/create_cohort",
            ask: call(
                "/api/create_cohort",
                format!("course_id={COURSE}&name=Made&time_zone=UTC&starts_on=&ends_on=&capacity="),
            ),
            expect: managers,
        },
        // Certificates: amina's, earned in cohort A.
        Row {
            route: "/api/my_certificate",
            ask: call("/api/my_certificate", format!("course={COURSE}")),
            expect: holder,
        },
        Row {
            route: "/api/verify_certificate",
            ask: call("/api/verify_certificate", format!("code={code}")),
            expect: anyone,
        },
        Row {
            route: "/api/revoke_certificate",
            ask: call("/api/revoke_certificate", format!("code={code}&reason=Checked")),
            expect: [IN, NO, NO, NO, NO, OK, NO, OK, OK, IN],
        },
        // Statistics.
        Row { route: "/api/dashboard", ask: call("/api/dashboard", String::new()), expect: managers },
        Row { route: "/api/teach", ask: call("/api/teach", String::new()), expect: staff },
        // Bulk enrolment: manager A's file.
        Row { route: "/api/imports_page", ask: call("/api/imports_page", String::new()), expect: managers },
        Row {
            route: "/api/import_report",
            ask: call("/api/import_report", format!("id={}", w.import_a)),
            expect: import_a,
        },
        Row {
            route: "/api/apply_import",
            ask: call("/api/apply_import", format!("id={}", w.import_a)),
            expect: [IN, NO, NO, NO, NO, OK, NF, NF, BAD, IN],
        },
        Row {
            route: "/api/forget_import_codes",
            ask: call("/api/forget_import_codes", format!("id={}", w.import_a)),
            expect: import_a,
        },
        // Organisations.
        Row { route: "/api/organisations", ask: call("/api/organisations", String::new()), expect: managers },
        Row {
            route: "/api/create_organisation",
            ask: call("/api/create_organisation", "name=Partner+C".into()),
            expect: [IN, NO, NO, NO, NO, NO, NO, OK, BAD, IN],
        },
        Row {
            route: "/api/assign_organisation",
            ask: call("/api/assign_organisation", format!("username=manager-b&organisation={}", w.organisation_b)),
            expect: admins,
        },
        // The studio: instructors and administrators; a course's draft only
        // its instructors and administrators (to anyone else it does not
        // exist); creating courses and naming instructors administrators.
        Row { route: "/api/studio_home", ask: call("/api/studio_home", String::new()), expect: studio },
        Row {
            route: "/api/create_studio_course",
            ask: call("/api/create_studio_course", "id=matrix-made&title=Made&language=en&level=beginner".into()),
            expect: admins,
        },
        Row {
            route: "/api/studio_course",
            ask: call("/api/studio_course", format!("course={STUDIO}")),
            expect: authors,
        },
        Row {
            route: "/api/studio_editor",
            ask: call("/api/studio_editor", format!("course={STUDIO}&path={}", encoded_lesson)),
            expect: authors,
        },
        Row {
            route: "/api/save_studio_file",
            ask: call(
                "/api/save_studio_file",
                format!("course={STUDIO}&path={encoded_lesson}&revision=&text=Hello&intent=preview"),
            ),
            expect: authors,
        },
        Row {
            route: "/api/save_studio_settings",
            ask: call(
                "/api/save_studio_settings",
                format!(
                    "course={STUDIO}&title=Matrix&summary=&language=en&level=beginner&hours=&access=open\
                     &enrolment=open&min_average_score=&revision=0"
                ),
            ),
            // Authors reach the save, which finds course.toml newer than
            // revision 0: refused, nothing changed.
            expect: [IN, NO, NO, BAD, NF, NF, NF, NF, BAD, IN],
        },
        Row {
            route: "/api/add_studio_part",
            ask: call("/api/add_studio_part", format!("course={STUDIO}&title=Extra")),
            expect: authors,
        },
        Row {
            route: "/api/move_studio_lesson",
            ask: call("/api/move_studio_lesson", format!("course={STUDIO}&path={encoded_lesson}&direction=up")),
            expect: authors,
        },
        Row {
            route: "/api/remove_studio_file",
            ask: call("/api/remove_studio_file", format!("course={STUDIO}&path=assets%2Fmatrix.txt")),
            // The administrator, after farida, finds it removed already.
            expect: [IN, NO, NO, OK, NF, NF, NF, NF, NF, IN],
        },
        Row {
            route: "/api/publish_studio_course",
            ask: call("/api/publish_studio_course", format!("course={STUDIO}&revision=0&message=Go")),
            expect: [IN, NO, NO, BAD, NF, NF, NF, NF, BAD, IN],
        },
        Row {
            route: "/api/propose_studio_draft",
            // Revision 0 is long gone: allowed, and refused as changed since.
            ask: call("/api/propose_studio_draft", format!("course={STUDIO}&revision=0&message=Look")),
            expect: [IN, NO, NO, BAD, NF, NF, NF, NF, BAD, IN],
        },
        Row {
            route: "/api/review_studio_draft",
            ask: call("/api/review_studio_draft", format!("course={STUDIO}&decision=send_back&comment=No")),
            // The administrator proposed it: farida may send it back; then
            // nothing is proposed, and nobody may review.
            expect: [IN, NO, NO, OK, NF, NF, NF, NF, NO, IN],
        },
        Row {
            route: "/api/studio_history",
            ask: call("/api/studio_history", format!("course={STUDIO}")),
            expect: authors,
        },
        Row {
            route: "/api/restore_studio_version",
            ask: call("/api/restore_studio_version", format!("course={STUDIO}&number=99")),
            expect: [IN, NO, NO, NF, NF, NF, NF, NF, NF, IN],
        },
        Row {
            route: "/api/manage_studio_course",
            ask: call("/api/manage_studio_course", format!("course={STUDIO}&instructors=farida")),
            expect: admins,
        },
        Row {
            route: "/api/take_into_studio",
            ask: call("/api/take_into_studio", "course=no-such-course".into()),
            expect: [IN, NO, NO, NO, NO, NO, NO, NO, NF, IN],
        },
        Row {
            route: "/api/preview_studio_lesson",
            ask: call("/api/preview_studio_lesson", format!("course={STUDIO}&lesson=welcome")),
            expect: authors,
        },
        // Plain routes.
        Row { route: "/healthz", ask: get("/healthz".into()), expect: anyone },
        Row { route: "/livez", ask: get("/livez".into()), expect: anyone },
        Row { route: "/readyz", ask: get("/readyz".into()), expect: anyone },
        Row { route: "/assets/{file}", ask: get(app::stylesheet::STYLESHEET.href().to_string()), expect: anyone },
        Row { route: "/media/{course}/{*file}", ask: get(w.asset.clone()), expect: anyone },
        Row { route: "/account/data", ask: get("/account/data".into()), expect: signed_in },
        Row { route: "/sign-in/{provider}", ask: call("/sign-in/one-window", String::new()), expect: [NF; 10] },
        Row {
            route: "/sign-in/{provider}/callback",
            ask: get("/sign-in/one-window/callback?code=x&state=y".into()),
            expect: [NF; 10],
        },
        // A partner's learning platform (LTI): none is registered here, so
        // a launch finds no platform, a token no state, a pick no request
        // (the flows themselves are in `lti`, with a platform).
        Row {
            route: "/lti/login",
            ask: get("/lti/login?iss=https%3A%2F%2Flms.example&login_hint=x".into()),
            expect: [NF; 10],
        },
        Row { route: "/lti/launch", ask: call("/lti/launch", "id_token=x.y.z&state=s".into()), expect: anyone_bad },
        Row {
            route: "/lti/deep-link",
            ask: call("/lti/deep-link", format!("request=x&place={COURSE}")),
            expect: anyone_bad,
        },
        Row { route: "/lti/jwks.json", ask: get("/lti/jwks.json".into()), expect: [NF; 10] },
        Row { route: "/.well-known/jwks.json", ask: get("/.well-known/jwks.json".into()), expect: anyone },
        Row { route: "/issuer", ask: get("/issuer".into()), expect: anyone },
        Row { route: "/programme-logo", ask: get("/programme-logo".into()), expect: [NF; 10] },
        Row { route: "/credentials/status/1", ask: get("/credentials/status/1".into()), expect: anyone },
        Row {
            route: "/my/certificates/{course}/credential.jwt",
            ask: get(format!("/my/certificates/{COURSE}/credential.jwt")),
            expect: holder,
        },
        Row {
            route: "/my/certificates/{course}/certificate.pdf",
            ask: get(format!("/my/certificates/{COURSE}/certificate.pdf")),
            expect: holder,
        },
        Row {
            route: "/manage/statistics/{table}",
            ask: get("/manage/statistics/gender.csv".into()),
            expect: breakdowns,
        },
        Row {
            route: "/manage/statistics/{table}",
            ask: get(format!("/manage/statistics/funnel.csv?cohort={cohort}")),
            expect: cohort_a,
        },
        Row {
            route: "/manage/courses/{course}/learners.csv",
            ask: get(format!("/manage/courses/{COURSE}/learners.csv")),
            expect: [IN, NO, NO, OK, NO, OK, OK, OK, OK, IN],
        },
        Row {
            route: "/manage/cohorts/{cohort}/learners.csv",
            ask: get(format!("/manage/cohorts/{cohort}/learners.csv")),
            expect: cohort_a,
        },
        Row { route: "/teach/{course}/{table}", ask: get(format!("/teach/{COURSE}/reach.csv")), expect: whole_course },
        Row { route: "/manage/import/template.csv", ask: get("/manage/import/template.csv".into()), expect: anyone },
        Row { route: "/manage/import", ask: Ask::Upload, expect: managers },
        Row {
            route: "/studio/{course}/export.zip",
            ask: get(format!("/studio/{STUDIO}/export.zip")),
            expect: [IN, NF, NF, OK, NF, NF, NF, NF, OK, IN],
        },
        Row {
            route: "/studio/{course}/files",
            ask: Ask::StudioUpload(STUDIO.into()),
            expect: [IN, NF, NF, OK, NF, NF, NF, NF, OK, IN],
        },
        // Offline learning: the worker is anyone's; saving a course (an open
        // one) and sending one's own outbox, anyone signed in.
        Row { route: "/sw.js", ask: get("/sw.js".into()), expect: anyone },
        Row {
            route: "/offline/{course}/{language}/{file}",
            ask: get(format!("/offline/{COURSE}/en/manifest.json")),
            expect: signed_in,
        },
        Row {
            route: "/offline/sync",
            ask: Ask::Json("/offline/sync".into(), r#"{"device":"matrix","events":[]}"#.into()),
            expect: signed_in,
        },
        Row {
            route: "/offline/{course}/saved",
            ask: Ask::Json(format!("/offline/{COURSE}/saved?v={}", w.version), String::new()),
            expect: signed_in,
        },
        Row { route: "/offline", ask: get("/offline".into()), expect: anyone },
        Row { route: "/offline/whoami", ask: get("/offline/whoami".into()), expect: anyone },
        // Pages: what their server functions allow.
        Row { route: "/", ask: get("/".into()), expect: anyone },
        Row { route: "/login", ask: get("/login".into()), expect: anyone },
        Row { route: "/register", ask: get("/register".into()), expect: anyone },
        Row { route: "/reset", ask: get("/reset".into()), expect: anyone },
        Row { route: "/reset/{code}", ask: get("/reset/ABCD-EFGH-JKMN".into()), expect: anyone },
        Row { route: "/join", ask: get("/join".into()), expect: anyone },
        Row { route: "/welcome", ask: get("/welcome".into()), expect: anyone },
        Row { route: "/join/{code}", ask: get("/join/ABCD-EFGH".into()), expect: anyone },
        Row { route: "/courses/{course}", ask: get(format!("/courses/{COURSE}")), expect: anyone },
        Row { route: "/courses/{course}/{lesson}", ask: get(format!("/courses/{COURSE}/{lesson}")), expect: anyone },
        Row { route: "/verify/{code}", ask: get(format!("/verify/{code}")), expect: anyone },
        Row { route: "/account", ask: get("/account".into()), expect: signed_in },
        Row { route: "/my", ask: get("/my".into()), expect: signed_in },
        Row { route: "/my/certificates/{course}", ask: get(format!("/my/certificates/{COURSE}")), expect: holder },
        Row { route: "/admin/audit", ask: get("/admin/audit".into()), expect: admins },
        Row { route: "/admin/partners", ask: get("/admin/partners".into()), expect: admins },
        Row { route: "/admin/users", ask: get("/admin/users".into()), expect: managers },
        Row { route: "/manage", ask: get("/manage".into()), expect: managers },
        Row { route: "/manage/courses/{course}", ask: get(format!("/manage/courses/{COURSE}")), expect: managers },
        Row { route: "/manage/import", ask: get("/manage/import".into()), expect: managers },
        Row { route: "/manage/import/{id}", ask: get(format!("/manage/import/{}", w.import_a)), expect: import_a },
        Row { route: "/manage/organisations", ask: get("/manage/organisations".into()), expect: managers },
        Row { route: "/manage/cohorts", ask: get("/manage/cohorts".into()), expect: staff },
        Row { route: "/manage/cohorts/{id}", ask: get(format!("/manage/cohorts/{cohort}")), expect: cohort_a },
        Row { route: "/teach", ask: get("/teach".into()), expect: staff },
        Row { route: "/studio", ask: get("/studio".into()), expect: studio },
        Row { route: "/studio/{course}", ask: get(format!("/studio/{STUDIO}")), expect: authors },
        Row {
            route: "/studio/{course}/edit",
            ask: get(format!("/studio/{STUDIO}/edit?path={encoded_lesson}")),
            expect: authors,
        },
        Row { route: "/studio/{course}/history", ask: get(format!("/studio/{STUDIO}/history")), expect: authors },
        Row {
            route: "/studio/{course}/preview/{lesson}",
            ask: get(format!("/studio/{STUDIO}/preview/welcome")),
            expect: authors,
        },
        // Last: it ends each person's session.
        Row { route: "/api/logout", ask: call("/api/logout", String::new()), expect: anyone },
    ]
}

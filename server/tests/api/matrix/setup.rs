//! The world the matrix is asked in: one person of each kind, a cohort of
//! organisation A, a certificate, an enrolment file and a studio course.

use app::entities::{import, user};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{STUDIO, World};
use crate::helpers::{TestApp, cookie_pair, post_form, set_cookie, signed_in_as};
use crate::learning::COURSE;

pub(super) async fn world(app: &TestApp) -> World {
    use crate::statistics::{new_cohort, register};
    let admin = signed_in_as(app, "root", "admin").await;
    let programme = signed_in_as(app, "programme", "manager").await;
    let mut organisations = Vec::new();
    for name in ["Partner+A", "Partner+B"] {
        post_form(app, "/api/create_organisation", "/manage/organisations", &format!("name={name}"), Some(&admin))
            .await;
        let found = app::entities::organisation::Entity::find()
            .filter(app::entities::organisation::Column::Name.eq(name.replace('+', " ")))
            .one(&app.state.db.reader)
            .await
            .unwrap()
            .unwrap();
        organisations.push(found.id);
    }
    let mut managers = Vec::new();
    for (username, organisation) in [("manager-a", organisations[0]), ("manager-b", organisations[1])] {
        signed_in_as(app, username, "manager").await;
        let body = format!("username={username}&organisation={organisation}");
        post_form(app, "/api/assign_organisation", "/manage/organisations", &body, Some(&admin)).await;
        let login = format!("username={username}&password=river+mango+lantern");
        managers.push(cookie_pair(&set_cookie(&post_form(app, "/api/login", "/login", &login, None).await).unwrap()));
    }
    let cohort_a = new_cohort(app, &admin, COURSE, "Cohort-A", Some(organisations[0])).await;
    let learner = register(app, "amina", "Amina").await;
    post_form(app, "/api/join_cohort", "/join", &format!("code={}", cohort_a.code), Some(&learner)).await;
    crate::certificates::complete_all_but(app, &learner, 0).await;
    let certificate = app::entities::certificate::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap();
    let other = register(app, "bilal", "Bilal").await;
    register(app, "target", "Target").await;
    let farida = signed_in_as(app, "farida", "instructor").await;
    let omar = signed_in_as(app, "omar", "instructor").await;
    // A file uploaded by manager A, for the import rows.
    let file = format!("name,username,cohort\nNew,newcomer,{}\n", app::codes::grouped(&cohort_a.code));
    crate::statistics::upload(app, &managers[0], file.into_bytes()).await;
    let import_a = import::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap().id;
    // A deleted account whose session somehow survived: the guard must still say no.
    let ghost = signed_in_as(app, "ghost", "admin").await;
    user::Entity::update_many()
        .col_expr(user::Column::DeletedAt, sea_orm::sea_query::Expr::value(time::OffsetDateTime::now_utc()))
        .filter(user::Column::Username.eq("ghost"))
        .exec(&app.state.db.writer)
        .await
        .unwrap();
    // A studio course farida teaches, with a file for the removal row.
    let studio = app::studio::CourseSettings {
        title: "Matrix".into(),
        summary: String::new(),
        language: app::language::Language::En,
        level: Default::default(),
        hours: None,
        access: Default::default(),
        enrolment: Default::default(),
        certificate_issued: true,
        min_average_score: None,
        translations: Default::default(),
    };
    let actor = app::accounts::Actor::command_line();
    app::studio::create_course(&app.state.db.writer, STUDIO, &studio, &["farida".into()], &[], &actor)
        .await
        .unwrap()
        .unwrap();
    app::studio::store::save(&app.state.db.writer, STUDIO, "assets/matrix.txt", Some(b"text"), None, &actor)
        .await
        .unwrap();
    // Published once, for the export row.
    let revision = app::studio::store::course(&app.state.db.reader, STUDIO).await.unwrap().unwrap().draft_revision;
    app::studio::versions::publish(&app.state.db.writer, STUDIO, revision, "First", None, &actor)
        .await
        .unwrap()
        .unwrap();
    // A draft the administrator proposed, for the review rows.
    let root = user::Entity::find().filter(user::Column::Username.eq("root")).one(&app.state.db.reader).await.unwrap();
    let by_root = app::accounts::Actor { user_id: root.map(|root| root.id), client_address: None };
    let revision = app::studio::store::course(&app.state.db.reader, STUDIO).await.unwrap().unwrap().draft_revision;
    app::studio::propose(&app.state.db.writer, STUDIO, revision, "Look", &by_root).await.unwrap();
    let course = app.state.catalog.current().course("smartphone-basics").unwrap().clone();
    let (path, file) = course.files.iter().next().unwrap();
    let asset = format!("/media/smartphone-basics/{}?v={}", path.display(), file.hash);
    let [manager_a, manager_b] = managers.try_into().unwrap();
    World {
        cookies: vec![
            None,
            Some(learner),
            Some(other),
            Some(farida),
            Some(omar),
            Some(manager_a),
            Some(manager_b),
            Some(programme),
            Some(admin),
            Some(ghost),
        ],
        lesson: crate::learning::lessons(app, COURSE)[0].0.clone(),
        quiz: crate::learning::lessons(app, COURSE)
            .into_iter()
            .find_map(|(id, answers)| answers.map(|(right, _)| (id, right)))
            .unwrap(),
        certificate: app::codes::grouped(&certificate.verify_code),
        cohort_a,
        import_a,
        organisation_b: organisations[1],
        asset,
        version: app.state.catalog.current().course(COURSE).unwrap().content_version.clone(),
    }
}

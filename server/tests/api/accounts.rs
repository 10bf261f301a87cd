//! Accounts from the command line: created, given roles, passwords reset,
//! every change in the audit log, bad input refused with nothing stored.

use app::accounts::{PasswordHash, Username, find_user, verify_password};
use app::entities::{audit_log, user};
use sea_orm::{EntityTrait, PaginatorTrait, QueryOrder};
use server::cli::UsersCommand;

use crate::helpers::{BACKENDS, TestDatabase, sample_courses};

async fn users(command: UsersCommand, stdin: &str) -> Result<String, String> {
    server::users::run(command, &mut stdin.as_bytes()).await
}

fn create(database: &TestDatabase, username: &str, role: &str) -> UsersCommand {
    UsersCommand::Create {
        username: username.to_string(),
        display_name: "عائشہ خان".to_string(),
        role: role.to_string(),
        settings: database.settings(sample_courses()),
    }
}

async fn audit_actions(database: &TestDatabase) -> Vec<String> {
    let db = database.connect().await;
    audit_log::Entity::find()
        .order_by_asc(audit_log::Column::Id)
        .all(&db.reader)
        .await
        .unwrap()
        .into_iter()
        .map(|entry| entry.action)
        .collect()
}

#[tokio::test]
async fn an_administrator_is_created_promoted_and_given_a_new_password_from_the_command_line() {
    for backend in BACKENDS {
        let database = TestDatabase::new(backend);
        let message = users(create(&database, "Aisha", "admin"), "river mango lantern\n").await.unwrap();
        assert!(message.contains("created aisha"), "{message}");

        let db = database.connect().await;
        let aisha = find_user(&db, &Username::parse("aisha").unwrap()).await.unwrap().expect("stored");
        assert_eq!(aisha.display_name, "عائشہ خان", "{backend:?}");
        assert_eq!(aisha.role, "admin");
        assert!(!aisha.password_hash.contains("river"), "the password is hashed");

        let set_role = UsersCommand::SetRole {
            username: "aisha".into(),
            role: "manager".into(),
            settings: database.settings(sample_courses()),
        };
        users(set_role, "").await.unwrap();
        let reset =
            UsersCommand::ResetPassword { username: "aisha".into(), settings: database.settings(sample_courses()) };
        users(reset, "seven blue camels\n").await.unwrap();

        let aisha = find_user(&db, &Username::parse("aisha").unwrap()).await.unwrap().unwrap();
        assert_eq!(aisha.role, "manager");
        let hash = PasswordHash::from_stored(aisha.password_hash);
        assert!(verify_password("seven blue camels", Some(&hash)).await.unwrap(), "{backend:?}");
        assert!(!verify_password("river mango lantern", Some(&hash)).await.unwrap());
        assert_eq!(
            audit_actions(&database).await,
            ["user.created", "user.role_changed", "user.password_reset"],
            "{backend:?}"
        );
    }
}

#[tokio::test]
async fn bad_input_is_refused_with_a_reason_and_nothing_is_stored() {
    for backend in BACKENDS {
        let database = TestDatabase::new(backend);
        users(create(&database, "aisha", "learner"), "river mango lantern\n").await.unwrap();

        let taken = users(create(&database, "AISHA", "learner"), "another good phrase\n").await;
        assert_eq!(taken.unwrap_err(), "That username is already taken. Please choose another.", "{backend:?}");
        let weak = users(create(&database, "bilal", "learner"), "short\n").await;
        assert!(weak.unwrap_err().contains("at least 10 characters"));
        let bad_role = users(create(&database, "bilal", "king"), "river mango lantern\n").await;
        assert!(bad_role.unwrap_err().contains("unknown role"));
        let bad_name = users(create(&database, "no spaces allowed", "learner"), "river mango lantern\n").await;
        assert!(bad_name.unwrap_err().contains("a–z"));
        let unknown = UsersCommand::SetRole {
            username: "nobody".into(),
            role: "admin".into(),
            settings: database.settings(sample_courses()),
        };
        assert_eq!(users(unknown, "").await.unwrap_err(), "No account has that username.");

        let db = database.connect().await;
        assert_eq!(user::Entity::find().count(&db.reader).await.unwrap(), 1, "{backend:?}");
        assert_eq!(audit_actions(&database).await, ["user.created"], "{backend:?}");
    }
}

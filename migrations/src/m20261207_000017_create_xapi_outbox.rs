//! Learning records for a learning record store (xAPI): every enrolment,
//! lesson completion, quiz attempt and certificate is written to an
//! outbox by the database itself (a trigger), in the transaction that
//! records it, whichever way it came (a page, a phone's offline batch, a
//! bulk enrolment), while recording is on. A background sender sends the
//! outbox and marks what the store took.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// What a trigger writes: the kind of record, and where it came from.
const SQLITE_TRIGGERS: [&str; 4] = [
    "CREATE TRIGGER xapi_enrolled AFTER INSERT ON enrolments \
     WHEN (SELECT recording FROM xapi_settings WHERE id = 1) \
     BEGIN INSERT INTO xapi_outbox (kind, user_id, course_id, source_id, occurred_at, attempts) \
     VALUES ('enrolled', NEW.user_id, NEW.course_id, NEW.id, NEW.enrolled_at, 0); END",
    "CREATE TRIGGER xapi_lesson_completed AFTER INSERT ON lesson_completions \
     WHEN (SELECT recording FROM xapi_settings WHERE id = 1) \
     BEGIN INSERT INTO xapi_outbox (kind, user_id, course_id, lesson_id, occurred_at, attempts) \
     VALUES ('lesson', NEW.user_id, NEW.course_id, NEW.lesson_id, NEW.completed_at, 0); END",
    "CREATE TRIGGER xapi_quiz_attempted AFTER INSERT ON quiz_attempts \
     WHEN (SELECT recording FROM xapi_settings WHERE id = 1) \
     BEGIN INSERT INTO xapi_outbox (kind, user_id, course_id, lesson_id, source_id, score, passed, occurred_at, attempts) \
     VALUES ('quiz', NEW.user_id, NEW.course_id, NEW.lesson_id, NEW.id, NEW.score_percent, NEW.passed, NEW.submitted_at, 0); END",
    "CREATE TRIGGER xapi_certified AFTER INSERT ON certificates \
     WHEN (SELECT recording FROM xapi_settings WHERE id = 1) \
     BEGIN INSERT INTO xapi_outbox (kind, user_id, course_id, source_id, occurred_at, attempts) \
     VALUES ('certificate', NEW.user_id, NEW.course_id, NEW.id, NEW.issued_at, 0); END",
];

const POSTGRES_FUNCTION: &str = "CREATE FUNCTION xapi_record() RETURNS trigger AS $$
BEGIN
  IF NOT COALESCE((SELECT recording FROM xapi_settings WHERE id = 1), FALSE) THEN
    RETURN NEW;
  END IF;
  IF TG_TABLE_NAME = 'enrolments' THEN
    INSERT INTO xapi_outbox (kind, user_id, course_id, source_id, occurred_at, attempts)
    VALUES ('enrolled', NEW.user_id, NEW.course_id, NEW.id, NEW.enrolled_at, 0);
  ELSIF TG_TABLE_NAME = 'lesson_completions' THEN
    INSERT INTO xapi_outbox (kind, user_id, course_id, lesson_id, occurred_at, attempts)
    VALUES ('lesson', NEW.user_id, NEW.course_id, NEW.lesson_id, NEW.completed_at, 0);
  ELSIF TG_TABLE_NAME = 'quiz_attempts' THEN
    INSERT INTO xapi_outbox (kind, user_id, course_id, lesson_id, source_id, score, passed, occurred_at, attempts)
    VALUES ('quiz', NEW.user_id, NEW.course_id, NEW.lesson_id, NEW.id, NEW.score_percent, NEW.passed, NEW.submitted_at, 0);
  ELSIF TG_TABLE_NAME = 'certificates' THEN
    INSERT INTO xapi_outbox (kind, user_id, course_id, source_id, occurred_at, attempts)
    VALUES ('certificate', NEW.user_id, NEW.course_id, NEW.id, NEW.issued_at, 0);
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql";

const TABLES: [(&str, &str); 4] = [
    ("xapi_enrolled", "enrolments"),
    ("xapi_lesson_completed", "lesson_completions"),
    ("xapi_quiz_attempted", "quiz_attempts"),
    ("xapi_certified", "certificates"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(XapiOutbox::Table)
                    .col(ColumnDef::new(XapiOutbox::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(XapiOutbox::Kind).string_len(16).not_null())
                    .col(ColumnDef::new(XapiOutbox::UserId).big_integer().not_null())
                    .col(ColumnDef::new(XapiOutbox::CourseId).string().not_null())
                    .col(ColumnDef::new(XapiOutbox::LessonId).string().null())
                    .col(ColumnDef::new(XapiOutbox::SourceId).big_integer().null())
                    .col(ColumnDef::new(XapiOutbox::Score).integer().null())
                    .col(ColumnDef::new(XapiOutbox::Passed).boolean().null())
                    .col(ColumnDef::new(XapiOutbox::OccurredAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(XapiOutbox::Attempts).integer().not_null().default(0))
                    .col(ColumnDef::new(XapiOutbox::SentAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(XapiOutbox::RefusedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(XapiOutbox::LastError).string_len(300).null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("xapi_outbox_waiting")
                    .table(XapiOutbox::Table)
                    .col(XapiOutbox::SentAt)
                    .col(XapiOutbox::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(XapiSettings::Table)
                    .col(ColumnDef::new(XapiSettings::Id).integer().not_null().primary_key())
                    .col(ColumnDef::new(XapiSettings::Recording).boolean().not_null())
                    // Makes the learner's pseudonym in the store: random,
                    // made at first start, never shown.
                    .col(ColumnDef::new(XapiSettings::Salt).string_len(64).null())
                    .to_owned(),
            )
            .await?;
        let row = Query::insert()
            .into_table(XapiSettings::Table)
            .columns([XapiSettings::Id, XapiSettings::Recording])
            .values_panic([1.into(), false.into()])
            .to_owned();
        manager.exec_stmt(row).await?;
        let connection = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                connection.execute_unprepared(POSTGRES_FUNCTION).await?;
                for (name, table) in TABLES {
                    connection
                        .execute_unprepared(&format!(
                            "CREATE TRIGGER {name} AFTER INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION xapi_record()"
                        ))
                        .await?;
                }
            }
            _ => {
                for trigger in SQLITE_TRIGGERS {
                    connection.execute_unprepared(trigger).await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let connection = manager.get_connection();
        let postgres = manager.get_database_backend() == DatabaseBackend::Postgres;
        for (name, table) in TABLES {
            let on = if postgres { format!(" ON {table}") } else { String::new() };
            connection.execute_unprepared(&format!("DROP TRIGGER IF EXISTS {name}{on}")).await?;
        }
        if postgres {
            connection.execute_unprepared("DROP FUNCTION IF EXISTS xapi_record()").await?;
        }
        manager.drop_table(Table::drop().table(XapiSettings::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(XapiOutbox::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum XapiOutbox {
    Table,
    Id,
    Kind,
    UserId,
    CourseId,
    LessonId,
    SourceId,
    Score,
    Passed,
    OccurredAt,
    Attempts,
    SentAt,
    RefusedAt,
    LastError,
}

#[derive(DeriveIden)]
enum XapiSettings {
    Table,
    Id,
    Recording,
    Salt,
}

//! Organisations (the partners a programme runs through: training centres,
//! NGOs), which cohorts and managers may belong to; bulk enrolment files,
//! kept between their dry run and being applied; and, on each enrolment,
//! what the statistics count: when its learner first and last did
//! something, when they completed the course, whether they hold a valid
//! certificate, and their consented profile answers. The statistics then
//! read one covering index instead of millions of progress rows; the
//! writes that change these facts update the enrolment in the same
//! transaction.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Organisations::Table)
                    .col(ColumnDef::new(Organisations::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(Organisations::Name).string_len(200).not_null().unique_key())
                    .col(ColumnDef::new(Organisations::CreatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        // SQLite alters one column at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(Cohorts::Table)
                    .add_column(ColumnDef::new(Cohorts::OrganisationId).big_integer().null())
                    .to_owned(),
            )
            .await?;
        // A manager with an organisation sees only its cohorts and learners.
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(ColumnDef::new(Users::OrganisationId).big_integer().null())
                    .to_owned(),
            )
            .await?;
        for column in [Enrolments::StartedAt, Enrolments::LastActiveAt, Enrolments::CompletedAt] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Enrolments::Table)
                        .add_column(ColumnDef::new(column).timestamp_with_time_zone().null())
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Enrolments::Table)
                    .add_column(ColumnDef::new(Enrolments::Certified).boolean().not_null().default(false))
                    .to_owned(),
            )
            .await?;
        // Copies of the learner's consented answers, cleared with them.
        for column in [Enrolments::Gender, Enrolments::AgeBand, Enrolments::Region] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Enrolments::Table)
                        .add_column(ColumnDef::new(column).string_len(32).null())
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("cohorts_organisation")
                    .table(Cohorts::Table)
                    .col(Cohorts::OrganisationId)
                    .to_owned(),
            )
            .await?;
        // Every statistic is one ordered walk of this index: no table rows
        // read, no sort.
        manager
            .create_index(
                Index::create()
                    .name("enrolments_statistics")
                    .table(Enrolments::Table)
                    .col(Enrolments::CourseId)
                    .col(Enrolments::CohortId)
                    .col(Enrolments::Gender)
                    .col(Enrolments::AgeBand)
                    .col(Enrolments::Region)
                    .col(Enrolments::EnrolledAt)
                    .col(Enrolments::StartedAt)
                    .col(Enrolments::CompletedAt)
                    .col(Enrolments::LastActiveAt)
                    .col(Enrolments::Certified)
                    .col(Enrolments::UserId)
                    .to_owned(),
            )
            .await?;
        // Instructors' "where learners stop": completions of each lesson of
        // one course, counted from the index alone.
        manager
            .create_index(
                Index::create()
                    .name("lesson_completions_course")
                    .table(LessonCompletions::Table)
                    .col(LessonCompletions::CourseId)
                    .col(LessonCompletions::LessonId)
                    .col(LessonCompletions::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Imports::Table)
                    .col(ColumnDef::new(Imports::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(Imports::CreatedBy).big_integer().not_null())
                    .col(ColumnDef::new(Imports::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(Imports::FileName).string_len(200).not_null())
                    // The file as uploaded, checked to be UTF-8.
                    .col(ColumnDef::new(Imports::Content).text().not_null())
                    .col(ColumnDef::new(Imports::AppliedAt).timestamp_with_time_zone().null())
                    // JSON: the set-password codes of the accounts it created,
                    // kept for printing until forgotten or expired.
                    .col(ColumnDef::new(Imports::Codes).text().null())
                    .to_owned(),
            )
            .await?;
        // Activity already recorded: lesson completions, then quiz attempts.
        let connection = manager.get_connection();
        connection
            .execute_unprepared(
                "UPDATE enrolments SET \
                 started_at = (SELECT MIN(l.completed_at) FROM lesson_completions l \
                   WHERE l.user_id = enrolments.user_id AND l.course_id = enrolments.course_id), \
                 last_active_at = (SELECT MAX(l.completed_at) FROM lesson_completions l \
                   WHERE l.user_id = enrolments.user_id AND l.course_id = enrolments.course_id)",
            )
            .await?;
        connection
            .execute_unprepared(
                "UPDATE enrolments SET \
                 started_at = (SELECT MIN(q.submitted_at) FROM quiz_attempts q \
                   WHERE q.user_id = enrolments.user_id AND q.course_id = enrolments.course_id) \
                 WHERE started_at IS NULL",
            )
            .await?;
        connection
            .execute_unprepared(
                "UPDATE enrolments SET \
                 last_active_at = (SELECT MAX(q.submitted_at) FROM quiz_attempts q \
                   WHERE q.user_id = enrolments.user_id AND q.course_id = enrolments.course_id) \
                 WHERE last_active_at < (SELECT MAX(q.submitted_at) FROM quiz_attempts q \
                   WHERE q.user_id = enrolments.user_id AND q.course_id = enrolments.course_id) \
                 OR (last_active_at IS NULL AND started_at IS NOT NULL)",
            )
            .await?;
        connection
            .execute_unprepared(
                "UPDATE enrolments SET completed_at = (SELECT c.completed_at FROM course_completions c \
                   WHERE c.user_id = enrolments.user_id AND c.course_id = enrolments.course_id)",
            )
            .await?;
        connection
            .execute_unprepared(
                "UPDATE enrolments SET certified = TRUE WHERE EXISTS (SELECT 1 FROM certificates c \
                   WHERE c.user_id = enrolments.user_id AND c.course_id = enrolments.course_id \
                   AND c.revoked_at IS NULL)",
            )
            .await?;
        for question in ["gender", "age_band", "region"] {
            connection
                .execute_unprepared(&format!(
                    "UPDATE enrolments SET {question} = (SELECT p.answer FROM profile_answers p \
                       WHERE p.user_id = enrolments.user_id AND p.question = '{question}')"
                ))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Imports::Table).to_owned()).await?;
        manager
            .drop_index(Index::drop().name("lesson_completions_course").table(LessonCompletions::Table).to_owned())
            .await?;
        manager.drop_index(Index::drop().name("enrolments_statistics").table(Enrolments::Table).to_owned()).await?;
        manager.drop_index(Index::drop().name("cohorts_organisation").table(Cohorts::Table).to_owned()).await?;
        for column in [
            Enrolments::Region,
            Enrolments::AgeBand,
            Enrolments::Gender,
            Enrolments::Certified,
            Enrolments::CompletedAt,
            Enrolments::LastActiveAt,
            Enrolments::StartedAt,
        ] {
            manager.alter_table(Table::alter().table(Enrolments::Table).drop_column(column).to_owned()).await?;
        }
        manager.alter_table(Table::alter().table(Users::Table).drop_column(Users::OrganisationId).to_owned()).await?;
        manager
            .alter_table(Table::alter().table(Cohorts::Table).drop_column(Cohorts::OrganisationId).to_owned())
            .await?;
        manager.drop_table(Table::drop().table(Organisations::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
    Name,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Cohorts {
    Table,
    OrganisationId,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    OrganisationId,
}

#[derive(DeriveIden)]
enum Enrolments {
    Table,
    UserId,
    CourseId,
    CohortId,
    EnrolledAt,
    StartedAt,
    LastActiveAt,
    CompletedAt,
    Certified,
    Gender,
    AgeBand,
    Region,
}

#[derive(DeriveIden)]
enum Imports {
    Table,
    Id,
    CreatedBy,
    CreatedAt,
    FileName,
    Content,
    AppliedAt,
    Codes,
}

#[derive(DeriveIden)]
enum LessonCompletions {
    Table,
    CourseId,
    LessonId,
    UserId,
}

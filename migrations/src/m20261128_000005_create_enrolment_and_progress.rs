//! Cohorts, enrolments, lesson completions, quiz attempts and course
//! completions. Progress is keyed by the course's and lessons' stable ids
//! (strings from the course files), never by position.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Cohorts::Table)
                    .col(ColumnDef::new(Cohorts::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(Cohorts::CourseId).string_len(64).not_null())
                    .col(ColumnDef::new(Cohorts::Name).string_len(200).not_null())
                    // Normalised (capitals, no dashes): what learners type to join.
                    .col(ColumnDef::new(Cohorts::Code).string_len(32).not_null().unique_key())
                    // An IANA name from the supported list (fixed offsets, no DST).
                    .col(ColumnDef::new(Cohorts::TimeZone).string_len(64).not_null())
                    .col(ColumnDef::new(Cohorts::StartsOn).date().null())
                    // Joining closes after this day, in the cohort's time zone.
                    .col(ColumnDef::new(Cohorts::EndsOn).date().null())
                    .col(ColumnDef::new(Cohorts::Capacity).integer().null())
                    .col(ColumnDef::new(Cohorts::CreatedBy).big_integer().null())
                    .col(ColumnDef::new(Cohorts::CreatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Enrolments::Table)
                    .col(ColumnDef::new(Enrolments::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(Enrolments::UserId).big_integer().not_null())
                    .col(ColumnDef::new(Enrolments::CourseId).string_len(64).not_null())
                    .col(ColumnDef::new(Enrolments::CohortId).big_integer().null())
                    .col(ColumnDef::new(Enrolments::EnrolledAt).timestamp_with_time_zone().not_null())
                    // Unenrolled: the row (and all progress) stays as history.
                    .col(ColumnDef::new(Enrolments::LeftAt).timestamp_with_time_zone().null())
                    .foreign_key(
                        ForeignKey::create().from(Enrolments::Table, Enrolments::UserId).to(Users::Table, Users::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Enrolments::Table, Enrolments::CohortId)
                            .to(Cohorts::Table, Cohorts::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("enrolments_user_course")
                    .table(Enrolments::Table)
                    .col(Enrolments::UserId)
                    .col(Enrolments::CourseId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("enrolments_cohort").table(Enrolments::Table).col(Enrolments::CohortId).to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LessonCompletions::Table)
                    .col(ColumnDef::new(LessonCompletions::UserId).big_integer().not_null())
                    .col(ColumnDef::new(LessonCompletions::CourseId).string_len(64).not_null())
                    .col(ColumnDef::new(LessonCompletions::LessonId).string_len(64).not_null())
                    .col(ColumnDef::new(LessonCompletions::CompletedAt).timestamp_with_time_zone().not_null())
                    // One row per lesson and learner: a repeated request changes nothing.
                    .primary_key(
                        Index::create()
                            .col(LessonCompletions::UserId)
                            .col(LessonCompletions::CourseId)
                            .col(LessonCompletions::LessonId),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(QuizAttempts::Table)
                    .col(ColumnDef::new(QuizAttempts::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(QuizAttempts::UserId).big_integer().not_null())
                    .col(ColumnDef::new(QuizAttempts::CourseId).string_len(64).not_null())
                    .col(ColumnDef::new(QuizAttempts::LessonId).string_len(64).not_null())
                    // Sent with the form: the same submission twice is one attempt.
                    .col(ColumnDef::new(QuizAttempts::AttemptKey).string_len(64).not_null())
                    .col(ColumnDef::new(QuizAttempts::SubmittedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(QuizAttempts::ScorePercent).integer().not_null())
                    .col(ColumnDef::new(QuizAttempts::Passed).boolean().not_null())
                    // JSON: {question id: [option ids]}
                    .col(ColumnDef::new(QuizAttempts::Answers).text().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("quiz_attempts_user_key")
                    .table(QuizAttempts::Table)
                    .col(QuizAttempts::UserId)
                    .col(QuizAttempts::AttemptKey)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("quiz_attempts_user_course")
                    .table(QuizAttempts::Table)
                    .col(QuizAttempts::UserId)
                    .col(QuizAttempts::CourseId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CourseCompletions::Table)
                    .col(ColumnDef::new(CourseCompletions::UserId).big_integer().not_null())
                    .col(ColumnDef::new(CourseCompletions::CourseId).string_len(64).not_null())
                    .col(ColumnDef::new(CourseCompletions::CompletedAt).timestamp_with_time_zone().not_null())
                    // The catalog's hash of the course content at completion.
                    .col(ColumnDef::new(CourseCompletions::ContentVersion).string_len(64).not_null())
                    .primary_key(Index::create().col(CourseCompletions::UserId).col(CourseCompletions::CourseId))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CourseCompletions::Table.into_iden(),
            QuizAttempts::Table.into_iden(),
            LessonCompletions::Table.into_iden(),
            Enrolments::Table.into_iden(),
            Cohorts::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Cohorts {
    Table,
    Id,
    CourseId,
    Name,
    Code,
    TimeZone,
    StartsOn,
    EndsOn,
    Capacity,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Enrolments {
    Table,
    Id,
    UserId,
    CourseId,
    CohortId,
    EnrolledAt,
    LeftAt,
}

#[derive(DeriveIden)]
enum LessonCompletions {
    Table,
    UserId,
    CourseId,
    LessonId,
    CompletedAt,
}

#[derive(DeriveIden)]
enum QuizAttempts {
    Table,
    Id,
    UserId,
    CourseId,
    LessonId,
    AttemptKey,
    SubmittedAt,
    ScorePercent,
    Passed,
    Answers,
}

#[derive(DeriveIden)]
enum CourseCompletions {
    Table,
    UserId,
    CourseId,
    CompletedAt,
    ContentVersion,
}

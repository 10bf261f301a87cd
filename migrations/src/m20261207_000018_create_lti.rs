//! LTI 1.3: the tool's side of a partner's learning platform (Moodle,
//! Canvas, Open edX). Launches in flight (one use each), deep-linking
//! requests waiting for the instructor's pick, the grade columns a launch
//! named for a learner's course, and the scores waiting to go back, one
//! per learner, course and column: a score is never sent twice.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(LtiLaunchStates::Table)
                    // The SHA-256 of the state sent to the platform: the
                    // state itself is a secret of the browser's.
                    .col(ColumnDef::new(LtiLaunchStates::StateHash).string_len(64).not_null().primary_key())
                    .col(ColumnDef::new(LtiLaunchStates::Platform).string_len(32).not_null())
                    .col(ColumnDef::new(LtiLaunchStates::Nonce).string_len(64).not_null())
                    .col(ColumnDef::new(LtiLaunchStates::CreatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        // Launches never finished are swept by age as new ones start.
        manager
            .create_index(
                Index::create()
                    .name("lti_launch_states_age")
                    .table(LtiLaunchStates::Table)
                    .col(LtiLaunchStates::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LtiDeepLinks::Table)
                    .col(ColumnDef::new(LtiDeepLinks::TokenHash).string_len(64).not_null().primary_key())
                    .col(ColumnDef::new(LtiDeepLinks::Platform).string_len(32).not_null())
                    .col(ColumnDef::new(LtiDeepLinks::DeploymentId).string_len(255).not_null())
                    .col(ColumnDef::new(LtiDeepLinks::ReturnUrl).string_len(1000).not_null())
                    .col(ColumnDef::new(LtiDeepLinks::Data).string_len(2000).null())
                    .col(ColumnDef::new(LtiDeepLinks::CreatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("lti_deep_links_age")
                    .table(LtiDeepLinks::Table)
                    .col(LtiDeepLinks::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LtiGradeLinks::Table)
                    .col(ColumnDef::new(LtiGradeLinks::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(LtiGradeLinks::UserId).big_integer().not_null())
                    .col(ColumnDef::new(LtiGradeLinks::CourseId).string().not_null())
                    .col(ColumnDef::new(LtiGradeLinks::Platform).string_len(32).not_null())
                    // The platform's `sub` for the learner: the score's userId.
                    .col(ColumnDef::new(LtiGradeLinks::Subject).string_len(255).not_null())
                    .col(ColumnDef::new(LtiGradeLinks::Lineitem).string_len(1000).not_null())
                    .col(ColumnDef::new(LtiGradeLinks::CreatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("lti_grade_links_one_column")
                    .table(LtiGradeLinks::Table)
                    .col(LtiGradeLinks::UserId)
                    .col(LtiGradeLinks::CourseId)
                    .col(LtiGradeLinks::Lineitem)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LtiScores::Table)
                    .col(ColumnDef::new(LtiScores::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(LtiScores::GradeLinkId).big_integer().not_null())
                    .col(ColumnDef::new(LtiScores::ScoreGiven).integer().not_null())
                    .col(ColumnDef::new(LtiScores::ScoreMaximum).integer().not_null())
                    .col(ColumnDef::new(LtiScores::OccurredAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(LtiScores::Attempts).integer().not_null().default(0))
                    // An instance sending it holds it until then.
                    .col(ColumnDef::new(LtiScores::ClaimedUntil).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(LtiScores::SentAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(LtiScores::RefusedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(LtiScores::LastError).string_len(300).null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("lti_scores_once")
                    .table(LtiScores::Table)
                    .col(LtiScores::GradeLinkId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("lti_scores_waiting")
                    .table(LtiScores::Table)
                    .col(LtiScores::SentAt)
                    .col(LtiScores::RefusedAt)
                    .col(LtiScores::Attempts)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(LtiScores::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(LtiGradeLinks::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(LtiDeepLinks::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(LtiLaunchStates::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum LtiLaunchStates {
    Table,
    StateHash,
    Platform,
    Nonce,
    CreatedAt,
}

#[derive(DeriveIden)]
enum LtiDeepLinks {
    Table,
    TokenHash,
    Platform,
    DeploymentId,
    ReturnUrl,
    Data,
    CreatedAt,
}

#[derive(DeriveIden)]
enum LtiGradeLinks {
    Table,
    Id,
    UserId,
    CourseId,
    Platform,
    Subject,
    Lineitem,
    CreatedAt,
}

#[derive(DeriveIden)]
enum LtiScores {
    Table,
    Id,
    GradeLinkId,
    ScoreGiven,
    ScoreMaximum,
    OccurredAt,
    Attempts,
    ClaimedUntil,
    SentAt,
    RefusedAt,
    LastError,
}

//! A certificate keeps the organisation whose cohort it was earned in, as
//! it was then: who may revoke it must not change when the learner later
//! joins another organisation's cohort.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Certificates::Table)
                    .add_column(ColumnDef::new(Certificates::OrganisationId).big_integer().null())
                    .to_owned(),
            )
            .await?;
        // Certificates issued before this: the best that is known, the
        // cohort their holder is in now.
        let cohort = Query::select()
            .column((Cohorts::Table, Cohorts::OrganisationId))
            .from(Enrolments::Table)
            .inner_join(
                Cohorts::Table,
                Expr::col((Cohorts::Table, Cohorts::Id)).equals((Enrolments::Table, Enrolments::CohortId)),
            )
            .and_where(
                Expr::col((Enrolments::Table, Enrolments::UserId)).equals((Certificates::Table, Certificates::UserId)),
            )
            .and_where(
                Expr::col((Enrolments::Table, Enrolments::CourseId))
                    .equals((Certificates::Table, Certificates::CourseId)),
            )
            .limit(1)
            .to_owned();
        let backfill = Query::update()
            .table(Certificates::Table)
            .value(
                Certificates::OrganisationId,
                SimpleExpr::SubQuery(None, Box::new(cohort.into_sub_query_statement())),
            )
            .to_owned();
        manager.exec_stmt(backfill).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table(Certificates::Table).drop_column(Certificates::OrganisationId).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Certificates {
    Table,
    OrganisationId,
    UserId,
    CourseId,
}

#[derive(DeriveIden)]
enum Enrolments {
    Table,
    UserId,
    CourseId,
    CohortId,
}

#[derive(DeriveIden)]
enum Cohorts {
    Table,
    Id,
    OrganisationId,
}

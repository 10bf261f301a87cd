//! `server serve`, `server migrate`, `server courses check | publish`, `server users …`.

use std::path::PathBuf;
use std::process::ExitCode;

use app::catalog::{BrokenCourses, LoadOptions, format_all, load, load_with};
use clap::{Parser, Subcommand};

use crate::config::Settings;
use crate::startup::{Application, connect_and_migrate};
pub use crate::users::UsersCommand;

#[derive(Parser, Debug)]
#[command(name = "server", version, about = "A learning platform for digital skills")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run pending migrations, load the courses and serve the site.
    Serve(#[command(flatten)] Settings),
    /// Run pending database migrations and exit.
    Migrate {
        /// Only list the migrations, applied and pending; change nothing.
        #[arg(long)]
        status: bool,
        #[command(flatten)]
        settings: Settings,
    },
    /// Copy the database, the issuer key and a manifest into a new folder,
    /// while the server keeps serving.
    Backup {
        /// The folder to write (new, or empty).
        dest: PathBuf,
        #[command(flatten)]
        settings: Settings,
    },
    /// Put a backup back into an empty data folder or database (the
    /// server stopped).
    Restore {
        /// The backup folder.
        src: PathBuf,
        /// Replace a database or key that is already there.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        settings: Settings,
    },
    /// Work with the course files.
    Courses {
        #[command(subcommand)]
        command: CoursesCommand,
    },
    /// Manage accounts from the command line (to set up a new installation).
    Users {
        #[command(subcommand)]
        command: UsersCommand,
    },
}

// Parsed once at start: the size of a variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand, Debug)]
pub enum CoursesCommand {
    /// Check every course; print each problem as `path:line: error|warning: message`,
    /// then each lesson's weight on a phone. Exit status: 0 when nothing has
    /// an error (warnings are printed), 1 when something has an error (it
    /// would be left out), 2 when the folder cannot be read. With
    /// `--strict`, warnings count as errors: for the CI of a course repository.
    Check {
        /// The folder of course folders.
        #[arg(default_value = "courses")]
        dir: PathBuf,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        strict: bool,
        /// Where resized images are kept (they are made to weigh the pages as served).
        #[arg(long, env = "LEARN_DATA_DIR", default_value = "data")]
        data_dir: PathBuf,
    },
    /// Check the courses in `--courses-dir` and publish them: every running
    /// instance serves this version within seconds, once its own course
    /// files are this version.
    Publish {
        #[command(flatten)]
        settings: Settings,
    },
    /// Write the latest published version of a course made in the studio
    /// as the course folder `DIR/ID`: the same files, which `courses check
    /// --strict` reads and which render the same pages.
    Export {
        /// The studio course's id.
        id: String,
        /// The folder to write the course folder into (`courses`, say).
        dir: PathBuf,
        #[command(flatten)]
        settings: Settings,
    },
}

pub async fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Serve(settings) => serve(settings).await,
        Command::Migrate { status: true, settings } => migration_status(&settings).await,
        Command::Backup { dest, settings } => match crate::backup::backup(&settings, &dest).await {
            Ok(manifest) => {
                println!("backed up into {}: {:?}", dest.display(), manifest.counts);
                ExitCode::SUCCESS
            }
            Err(error) => fail(&error),
        },
        Command::Restore { src, force, settings } => match crate::backup::restore(&settings, &src, force).await {
            Ok(manifest) => {
                println!("restored the backup of {}: {:?}", manifest.taken_at, manifest.counts);
                ExitCode::SUCCESS
            }
            Err(error) => fail(&error),
        },
        Command::Migrate { status: false, settings } => match connect_and_migrate(&settings).await {
            Ok(_) => {
                tracing::info!("migrations are up to date");
                ExitCode::SUCCESS
            }
            Err(error) => fail(&error),
        },
        Command::Courses { command: CoursesCommand::Check { dir, strict, data_dir } } => {
            check_courses(&dir, strict, &data_dir)
        }
        Command::Courses { command: CoursesCommand::Publish { settings } } => publish_courses(&settings).await,
        Command::Courses { command: CoursesCommand::Export { id, dir, settings } } => {
            export_course(&id, &dir, &settings).await
        }
        Command::Users { command } => match crate::users::run(command, &mut std::io::stdin().lock()).await {
            Ok(message) => {
                println!("{message}");
                ExitCode::SUCCESS
            }
            Err(message) => fail(&message),
        },
    }
}

async fn serve(settings: Settings) -> ExitCode {
    let application = match Application::build(settings).await {
        Ok(application) => application,
        Err(error) => return fail(&error),
    };
    // Tests and scripts read this line to learn the port.
    println!("listening on http://{}", application.local_addr());
    if let Some(metrics) = application.metrics_addr() {
        println!("metrics on http://{metrics}/metrics");
    }
    match application.run_until_stopped().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(&error),
    }
}

fn check_courses(dir: &std::path::Path, strict: bool, data_dir: &std::path::Path) -> ExitCode {
    if !dir.is_dir() {
        eprintln!("{}: not a folder of courses", dir.display());
        return ExitCode::from(2);
    }
    let options =
        LoadOptions { broken: BrokenCourses::Skip, image_cache: Some(data_dir.join("image-cache")), studio: None };
    let loaded = match load_with(dir, &options) {
        Ok(loaded) => loaded,
        Err(problems) => {
            print!("{}", format_all(&problems));
            return ExitCode::FAILURE;
        }
    };
    print!("{}", format_all(&loaded.problems));
    let courses = loaded.catalog.courses();
    for course in courses {
        for (_, lesson) in course.lessons() {
            let weight = &lesson.content.weight;
            println!(
                "{}: {} KB to open on a phone (page {} KB, first picture {} KB), {} KB read to the end (pictures {} KB)",
                lesson.source.display(),
                weight.to_open().div_ceil(1024),
                weight.page_bytes.div_ceil(1024),
                weight.first_image_bytes.div_ceil(1024),
                weight.total().div_ceil(1024),
                weight.image_bytes.div_ceil(1024)
            );
        }
    }
    let errors = loaded.problems.iter().filter(|problem| problem.is_error()).count();
    let warnings = loaded.problems.len() - errors;
    let lessons: usize = courses.iter().map(|course| course.lessons().count()).sum();
    let withheld: usize = courses.iter().map(|course| course.withheld().count()).sum();
    println!(
        "{} courses, {lessons} lessons served, {withheld} withheld; {errors} errors, {warnings} warnings",
        courses.len()
    );
    if errors > 0 || strict && warnings > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

async fn publish_courses(settings: &Settings) -> ExitCode {
    let loaded = match load(&settings.courses_dir, BrokenCourses::Refuse) {
        Ok(loaded) => loaded,
        Err(problems) => {
            print!("{}", format_all(&problems));
            return fail(&format!("{} problems: nothing published", problems.len()));
        }
    };
    let db = match connect_and_migrate(settings).await {
        Ok(db) => db,
        Err(error) => return fail(&error),
    };
    match crate::publication::publish(&db, &loaded.catalog).await {
        Ok(number) => {
            for (course, version) in crate::publication::versions(&loaded.catalog) {
                println!("{course} {version}");
            }
            println!("published as publication {number}: every instance follows within seconds");
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error),
    }
}

async fn export_course(id: &str, dir: &std::path::Path, settings: &Settings) -> ExitCode {
    let db = match connect_and_migrate(settings).await {
        Ok(db) => db,
        Err(error) => return fail(&error),
    };
    match app::studio::folders::export(&db.reader, id, dir).await {
        Ok(true) => {
            println!("{id}: the latest published version written to {}", dir.join(id).display());
            ExitCode::SUCCESS
        }
        Ok(false) => fail(&format!("{id} is not a studio course that was ever published")),
        Err(error) => fail(&error),
    }
}

/// Lists every migration as applied or pending, changing nothing.
async fn migration_status(settings: &Settings) -> ExitCode {
    use sea_orm_migration::{MigrationStatus, MigratorTrait};
    let db = match app::db::Db::connect(&settings.database_url(), settings.database_schema.as_deref()).await {
        Ok(db) => db,
        Err(error) => return fail(&format!("cannot reach the database: {error}")),
    };
    match migrations::Migrator::get_migration_with_status_read_only(&db.reader).await {
        Ok(all) => {
            let pending = all.iter().filter(|m| m.status() == MigrationStatus::Pending).count();
            for migration in &all {
                let status = if migration.status() == MigrationStatus::Pending { "pending" } else { "applied" };
                println!("{status:8} {}", migration.name());
            }
            println!("{pending} pending of {}", all.len());
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error),
    }
}

fn fail(error: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("error: {error}");
    ExitCode::FAILURE
}

//! `server serve`, `server migrate`, `server courses check`.

use std::path::PathBuf;
use std::process::ExitCode;

use app::catalog::{BrokenCourses, format_all, load};
use clap::{Parser, Subcommand};

use crate::config::Settings;
use crate::startup::{Application, connect_and_migrate};

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
    Migrate(#[command(flatten)] Settings),
    /// Work with the course files.
    Courses {
        #[command(subcommand)]
        command: CoursesCommand,
    },
}

#[derive(Subcommand, Debug)]
pub enum CoursesCommand {
    /// Check every course; print each problem as `path:line: message`.
    Check {
        /// The folder of course folders.
        #[arg(default_value = "courses")]
        dir: PathBuf,
    },
}

pub async fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Serve(settings) => serve(settings).await,
        Command::Migrate(settings) => match connect_and_migrate(&settings).await {
            Ok(_) => {
                tracing::info!("migrations are up to date");
                ExitCode::SUCCESS
            }
            Err(error) => fail(&error),
        },
        Command::Courses { command: CoursesCommand::Check { dir } } => check_courses(&dir),
    }
}

async fn serve(settings: Settings) -> ExitCode {
    let application = match Application::build(settings).await {
        Ok(application) => application,
        Err(error) => return fail(&error),
    };
    // Tests and scripts read this line to learn the port.
    println!("listening on http://{}", application.local_addr());
    match application.run_until_stopped().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(&error),
    }
}

fn check_courses(dir: &std::path::Path) -> ExitCode {
    match load(dir, BrokenCourses::Refuse) {
        Ok(loaded) => {
            let courses = loaded.catalog.courses();
            let lessons: usize = courses.iter().map(|course| course.lessons().count()).sum();
            println!("{} courses, {lessons} lessons: no problems", courses.len());
            ExitCode::SUCCESS
        }
        Err(problems) => {
            print!("{}", format_all(&problems));
            eprintln!("{} problems", problems.len());
            ExitCode::FAILURE
        }
    }
}

fn fail(error: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("error: {error}");
    ExitCode::FAILURE
}

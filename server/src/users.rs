//! `server users …`: accounts from the command line, recorded in the audit
//! log like any other change (with no acting user).

use std::io::BufRead;

use app::accounts::{self, Actor, DisplayName, NewAccount, NewPassword, Username};
use app::i18n::translate;
use app::language::Language;
use app::model::Role;

use clap::Subcommand;

use crate::config::Settings;
use crate::startup::connect_and_migrate;

#[derive(Subcommand, Debug)]
pub enum UsersCommand {
    /// Create an account. The password is read from standard input.
    Create {
        /// The login identifier: 3–32 of a–z 0–9 . _ -
        #[arg(long)]
        username: String,
        /// The person's name, in any script.
        #[arg(long)]
        display_name: String,
        /// learner, instructor, manager or admin.
        #[arg(long, default_value = "learner")]
        role: String,
        #[command(flatten)]
        settings: Settings,
    },
    /// Change an account's role.
    SetRole {
        #[arg(long)]
        username: String,
        /// learner, instructor, manager or admin.
        #[arg(long)]
        role: String,
        #[command(flatten)]
        settings: Settings,
    },
    /// Set a new password for an account. It is read from standard input.
    ResetPassword {
        #[arg(long)]
        username: String,
        #[command(flatten)]
        settings: Settings,
    },
    /// Issue a one-time reset code for an account, to hand to its owner:
    /// they set a new password with it at /reset. Any older code stops
    /// working.
    ResetCode {
        #[arg(long)]
        username: String,
        #[command(flatten)]
        settings: Settings,
    },
}

/// Runs a users command; `Ok` and `Err` carry what to tell the administrator.
pub async fn run(command: UsersCommand, input: &mut impl BufRead) -> Result<String, String> {
    let english = |id: &str| translate(Language::En, id, None);
    let actor = Actor::command_line();
    match command {
        UsersCommand::Create { username, display_name, role, settings } => {
            let username = Username::parse_new(&username).map_err(english)?;
            let display_name = DisplayName::parse(&display_name).map_err(english)?;
            let role = parse_role(&role)?;
            let password = NewPassword::parse(&read_password(input)?, username.as_str()).map_err(english)?;
            let db = connect_and_migrate(&settings).await.map_err(|e| e.to_string())?;
            let account = NewAccount { username, display_name, password, role, language: None, profile: Vec::new() };
            let user = accounts::create_user(&db, account, &actor).await.map_err(|e| english(e.message_id()))?;
            Ok(format!("created {} ({}) as {}", user.username, user.display_name, user.role))
        }
        UsersCommand::SetRole { username, role, settings } => {
            let username = Username::parse(&username).map_err(english)?;
            let role = parse_role(&role)?;
            let db = connect_and_migrate(&settings).await.map_err(|e| e.to_string())?;
            accounts::set_role(&db, &username, role, &actor).await.map_err(|e| english(e.message_id()))?;
            Ok(format!("{username} is now {}", role.as_str()))
        }
        UsersCommand::ResetPassword { username, settings } => {
            let username = Username::parse(&username).map_err(english)?;
            let password = NewPassword::parse(&read_password(input)?, username.as_str()).map_err(english)?;
            let db = connect_and_migrate(&settings).await.map_err(|e| e.to_string())?;
            accounts::reset_password(&db, &username, &password, &actor).await.map_err(|e| english(e.message_id()))?;
            Ok(format!("the password of {username} is changed"))
        }
        UsersCommand::ResetCode { username, settings } => {
            let username = Username::parse(&username).map_err(english)?;
            let db = connect_and_migrate(&settings).await.map_err(|e| e.to_string())?;
            let policy = settings.account_policy();
            let issued = accounts::issue_reset_code(&db, &username, policy.reset_code_lifetime, &actor)
                .await
                .map_err(|e| english(e.message_id()))?;
            let code = issued.code.grouped();
            Ok(format!(
                "reset code for {username}: {code}\nit works once, until {}\nor open {}/reset/{code}",
                app::dates::utc_minutes(issued.expires_at),
                settings.public_url()
            ))
        }
    }
}

fn parse_role(text: &str) -> Result<Role, String> {
    Role::parse(text).ok_or_else(|| format!("unknown role `{text}`: choose learner, instructor, manager or admin"))
}

/// The first line of standard input, without its line ending.
fn read_password(input: &mut impl BufRead) -> Result<String, String> {
    if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        eprint!("password (it will be shown as you type): ");
    }
    let mut line = String::new();
    input.read_line(&mut line).map_err(|e| format!("cannot read the password: {e}"))?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

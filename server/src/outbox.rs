//! Sending what waits in an outbox table to another system (learning
//! records to an LRS, scores to a partner's LMS), forever, in the
//! background: round after round while rounds settle something, every
//! [`IDLE`] when nothing waits, and backing off (2 s, 4 s, … up to
//! [`MAX_BACK_OFF`]) while the other side cannot be reached. What waits
//! stays in the database, so a restart loses nothing.

use std::future::Future;
use std::time::Duration;

/// How long the sender rests when nothing waits.
pub const IDLE: Duration = Duration::from_secs(2);
/// The longest wait between tries at a system that does not answer.
pub const MAX_BACK_OFF: Duration = Duration::from_secs(300);

/// One outbox: what it sends (for the log) and the gauge of what waits.
pub struct Outbox {
    /// Said in the log when a round fails, e.g. "learning records not sent".
    pub failure: &'static str,
    /// The metric gauge set to [`Outbox::drain_forever`]'s `waiting` count.
    pub gauge: &'static str,
}

impl Outbox {
    /// Runs `round` forever. A round returns how many items it settled
    /// (sent or refused for good), or an error when nothing was settled
    /// and the other side could not be reached. After each round, `waiting`
    /// counts what is left for the gauge.
    pub async fn drain_forever<Round, Rounded, Waiting, Counted, Error>(&self, mut round: Round, mut waiting: Waiting)
    where
        Round: FnMut() -> Rounded,
        Rounded: Future<Output = Result<usize, String>>,
        Waiting: FnMut() -> Counted,
        Counted: Future<Output = Result<u64, Error>>,
    {
        let mut failures: u32 = 0;
        loop {
            let outcome = round().await;
            let pause = pause_after(&outcome, &mut failures);
            if let Err(error) = outcome {
                tracing::warn!(%error, retry_in = ?pause, "{}", self.failure);
            }
            if let Ok(left) = waiting().await {
                metrics::gauge!(self.gauge).set(left as f64);
            }
            tokio::time::sleep(pause).await;
        }
    }
}

/// How long to wait after a round: not at all after one that settled
/// something, [`IDLE`] after one that found nothing, and twice as long as
/// last time after each failure in a row, up to [`MAX_BACK_OFF`].
fn pause_after(outcome: &Result<usize, String>, failures: &mut u32) -> Duration {
    match outcome {
        Ok(0) => {
            *failures = 0;
            IDLE
        }
        Ok(_) => {
            *failures = 0;
            Duration::ZERO
        }
        Err(_) => {
            *failures = failures.saturating_add(1);
            Duration::from_secs(2u64.saturating_pow((*failures).min(9))).min(MAX_BACK_OFF)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_double_the_pause_up_to_the_most_and_success_resets_it() {
        let mut failures = 0;
        let down = Err("refused".to_string());
        let pauses: Vec<u64> = (0..10).map(|_| pause_after(&down, &mut failures).as_secs()).collect();
        assert_eq!(pauses, [2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
        assert_eq!(pause_after(&Ok(3), &mut failures), Duration::ZERO);
        assert_eq!(pause_after(&down, &mut failures).as_secs(), 2);
        assert_eq!(pause_after(&Ok(0), &mut failures), IDLE);
        assert_eq!(failures, 0);
    }
}

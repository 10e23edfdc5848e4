//! The pace of a run: `--rate` (at most N messages a minute, evenly spaced) and the
//! doubling wait before a retry, both bounded.

use std::time::{Duration, Instant};

use super::setting::{Setting, SettingError};

/// A limit on the pace: at most `per_minute` messages a minute, evenly spaced.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    pub per_minute: f64,
}

impl Rate {
    /// The slowest rate: one message a day. Slower is almost surely a slip of the unit,
    /// and would hold the ledger locked for days a message.
    pub const MIN_PER_MINUTE: f64 = 1.0 / 1440.0;
    /// The fastest rate: a thousand messages a second, more than one SMTP connection can
    /// carry (each message takes several round trips), so a faster limit would never apply.
    pub const MAX_PER_MINUTE: f64 = 60_000.0;

    /// Parses `N/min`, `N/s`, `N/h`, `N/day`, or `N` (per minute).
    pub fn parse(text: &str) -> Result<Rate, SettingError> {
        let flag = |message: String| SettingError::new(Setting::Rate, message);
        let bad = || {
            flag(format!(
                "`{}` is not a rate: write it as N/min (for example 30/min), N/s, N/h or N/day",
                text.escape_debug()
            ))
        };
        let (number, unit) = text.trim().split_once('/').unwrap_or((text.trim(), "min"));
        let number: f64 = number.trim().parse().map_err(|_| bad())?;
        let per_minute = match unit.trim() {
            "s" | "sec" | "second" => number * 60.0,
            "min" | "m" | "minute" => number,
            "h" | "hour" => number / 60.0,
            "d" | "day" => number / 1440.0,
            _ => return Err(bad()),
        };
        if !(per_minute.is_finite() && per_minute > 0.0) {
            return Err(bad());
        }
        if per_minute < Rate::MIN_PER_MINUTE {
            return Err(flag(format!(
                "`{}` is slower than one message a day, the slowest rate: write at least 1/day",
                text.escape_debug()
            )));
        }
        if per_minute > Rate::MAX_PER_MINUTE {
            return Err(flag(format!(
                "`{}` is faster than 1000 messages a second, the fastest rate (more than one \
                 SMTP connection can carry): write at most 1000/s, or leave out --rate for no limit",
                text.escape_debug()
            )));
        }
        Ok(Rate { per_minute })
    }

    /// The time between two transactions (a day at most, whatever `per_minute` holds).
    pub fn interval(self) -> Duration {
        let day = Duration::from_secs(86_400);
        Duration::try_from_secs_f64(60.0 / self.per_minute).map_or(day, |d| d.min(day))
    }
}

/// The longest wait before a retry, however many retries came before: a server that
/// fails for longer is better tried again by a later run (the messages stay `deferred`).
pub const MAX_RETRY_DELAY: Duration = Duration::from_secs(3600);

/// Reads `--retry-delay`: seconds from 0 to [`MAX_RETRY_DELAY`].
pub fn retry_delay(seconds: f64) -> Result<Duration, SettingError> {
    let flag = |message: String| SettingError::new(Setting::RetryDelay, message);
    // 1e300, not three hundred digits.
    let shown = if seconds.abs() >= 1e6 {
        format!("{seconds:e}")
    } else {
        seconds.to_string()
    };
    if !(seconds.is_finite() && seconds >= 0.0) {
        return Err(flag(format!(
            "{shown} is not a number of seconds: write 0 or more, for example 2 or 0.5"
        )));
    }
    if seconds > MAX_RETRY_DELAY.as_secs_f64() {
        return Err(flag(format!(
            "{shown} seconds is longer than an hour, the longest wait before a retry: \
             write at most 3600; for a server that is down longer, let the run end (the \
             messages are recorded as deferred) and run the same command again later"
        )));
    }
    Duration::try_from_secs_f64(seconds)
        .map_err(|_| flag(format!("{shown} is not a number of seconds")))
}

/// The wait before retry number `attempt + 1`: the first delay, doubled for each retry
/// before it, never more than [`MAX_RETRY_DELAY`].
pub(super) fn backoff(first: Duration, attempt: u32) -> Duration {
    first
        .saturating_mul(1 << attempt.min(16))
        .min(MAX_RETRY_DELAY)
}

/// Spaces out SMTP transactions.
pub(super) struct Pacer {
    interval: Option<Duration>,
    next: Option<Instant>,
}

impl Pacer {
    /// Spaces transactions `rate` apart, or not at all.
    pub(super) fn new(rate: Option<Rate>) -> Pacer {
        Pacer {
            interval: rate.map(Rate::interval),
            next: None,
        }
    }

    pub(super) fn wait(&mut self) {
        let Some(interval) = self.interval else {
            return;
        };
        if let Some(next) = self.next {
            let now = Instant::now();
            if next > now {
                std::thread::sleep(next - now);
            }
        }
        self.next = Instant::now().checked_add(interval);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn rates() {
        assert_eq!(
            Rate::parse("30/min").unwrap().interval(),
            Duration::from_secs(2)
        );
        assert_eq!(
            Rate::parse("2/s").unwrap().interval(),
            Duration::from_millis(500)
        );
        assert_eq!(
            Rate::parse("60").unwrap().interval(),
            Duration::from_secs(1)
        );
        assert_eq!(
            Rate::parse("6/h").unwrap().interval(),
            Duration::from_secs(600)
        );
        assert_eq!(
            Rate::parse("3/day").unwrap().interval(),
            Duration::from_secs(8 * 3600)
        );
        for bad in [
            "0/min", "-1/min", "x/min", "3/week", "", "inf/min", "NaN/min",
        ] {
            assert!(Rate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn rates_stay_between_one_a_day_and_a_thousand_a_second() {
        assert_eq!(
            Rate::parse("1/day").unwrap().interval(),
            Duration::from_secs(86_400)
        );
        assert_eq!(
            Rate::parse("1000/s").unwrap().interval(),
            Duration::from_millis(1)
        );
        for (slow, fast) in [("1e-300/min", "1e300/min"), ("0.9/day", "1001/s")] {
            let err = Rate::parse(slow).unwrap_err();
            assert!(
                err.setting == Setting::Rate && err.message.contains("1/day"),
                "{err}"
            );
            let err = Rate::parse(fast).unwrap_err();
            assert!(
                err.setting == Setting::Rate && err.message.contains("1000/s"),
                "{err}"
            );
        }
        // A rate made in code, not parsed, still gives a usable interval.
        for per_minute in [0.0, -1.0, f64::NAN, 1e-300] {
            assert_eq!(
                Rate { per_minute }.interval(),
                Duration::from_secs(86_400),
                "{per_minute}"
            );
        }
    }

    #[test]
    fn retry_delays_stay_within_an_hour() {
        assert_eq!(retry_delay(0.0).unwrap(), Duration::ZERO);
        assert_eq!(retry_delay(0.05).unwrap(), Duration::from_millis(50));
        assert_eq!(retry_delay(3600.0).unwrap(), MAX_RETRY_DELAY);
        for bad in [3600.5, 1e300, f64::INFINITY, -1.0, f64::NAN] {
            let err = retry_delay(bad).unwrap_err();
            assert_eq!(err.setting, Setting::RetryDelay, "{err}");
        }
        let err = retry_delay(1e300).unwrap_err().to_string();
        assert!(err.contains("1e300 seconds"), "{err}");
        // Each retry waits twice as long as the one before, an hour at most.
        let two = Duration::from_secs(2);
        assert_eq!(backoff(two, 0), two);
        assert_eq!(backoff(two, 3), Duration::from_secs(16));
        assert_eq!(backoff(two, 11), MAX_RETRY_DELAY);
        assert_eq!(backoff(MAX_RETRY_DELAY, u32::MAX), MAX_RETRY_DELAY);
        assert_eq!(backoff(Duration::ZERO, 9), Duration::ZERO);
    }
}

//! The few date shapes the app reads and writes, done by hand: chrono's strftime machinery
//! (format strings parsed at run time) cost the wasm about 10 KB gzip for five fixed shapes.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike, Utc};

/// The first year a workspace's dates may fall in. Import clamps every date into
/// [`FIRST_YEAR`]..=[`LAST_YEAR`]: a service team means nothing outside it, and arithmetic on
/// such dates (a year of service target ahead, weeks back) stays far inside chrono's range.
pub const FIRST_YEAR: i32 = 1970;
/// The last year a workspace's dates may fall in (see [`FIRST_YEAR`]).
pub const LAST_YEAR: i32 = 9999;

/// 1970-01-01, the earliest day a workspace holds.
pub fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// 9999-12-31, the latest day a workspace holds.
pub fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// `d` moved into [`first_day`]..=[`last_day`].
pub fn clamp_day(d: NaiveDate) -> NaiveDate {
    d.clamp(first_day(), last_day())
}

/// `t` moved into 1970-01-01T00:00:00Z..=9999-12-31T23:59:59Z.
pub fn clamp_instant(t: DateTime<Utc>) -> DateTime<Utc> {
    let first = first_day().and_time(NaiveTime::MIN).and_utc();
    let last = last_day().and_hms_opt(23, 59, 59).map_or(DateTime::<Utc>::MAX_UTC, |d| d.and_utc());
    t.clamp(first, last)
}

/// `t` plus `hours` (negative goes back), stopping at chrono's limits instead of overflowing.
pub fn add_hours(t: DateTime<Utc>, hours: i64) -> DateTime<Utc> {
    TimeDelta::try_hours(hours).and_then(|d| t.checked_add_signed(d)).unwrap_or(if hours < 0 {
        DateTime::<Utc>::MIN_UTC
    } else {
        DateTime::<Utc>::MAX_UTC
    })
}

/// `d` plus `days` (negative goes back), stopping at chrono's limits instead of overflowing.
pub fn add_days(d: NaiveDate, days: i64) -> NaiveDate {
    TimeDelta::try_days(days).and_then(|delta| d.checked_add_signed(delta)).unwrap_or(if days < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// `2026-11-23`: files, CSV, `<input type="date">`.
pub fn iso_day(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// `11-23`: chart axes.
pub fn month_day(d: NaiveDate) -> String {
    format!("{:02}-{:02}", d.month(), d.day())
}

/// `2026-11-23T09:30`: `<input type="datetime-local">`.
pub fn local_minute(t: NaiveDateTime) -> String {
    format!("{}T{:02}:{:02}", iso_day(t.date()), t.hour(), t.minute())
}

/// Reads `2026-11-23` (also `2026-1-5`); `None` for anything else or a day that does not exist.
pub fn parse_iso_day(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-');
    let year = number(parts.next()?, 4, 4)?;
    let month = number(parts.next()?, 1, 2)?;
    let day = number(parts.next()?, 1, 2)?;
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// Reads `2026-11-23T09:30` (seconds, as some browsers add them, are accepted and dropped).
pub fn parse_local_minute(text: &str) -> Option<NaiveDateTime> {
    let (day, time) = text.trim().split_once('T')?;
    let mut parts = time.split(':');
    let hour = number(parts.next()?, 2, 2)?;
    let minute = number(parts.next()?, 2, 2)?;
    if let Some(seconds) = parts.next() {
        let whole = seconds.split('.').next()?;
        number(whole, 2, 2).filter(|s| *s < 60)?;
    }
    if parts.next().is_some() {
        return None;
    }
    Some(parse_iso_day(day)?.and_time(NaiveTime::from_hms_opt(hour, minute, 0)?))
}

/// A run of `min..=max` ASCII digits.
fn number(text: &str, min: usize, max: usize) -> Option<u32> {
    if !(min..=max).contains(&text.len()) || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // The shapes match what chrono's strftime wrote before, so stored and exported text is unchanged.
    #[test]
    fn the_shapes_match_strftime() {
        let d = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        assert_eq!(iso_day(d), d.format("%Y-%m-%d").to_string());
        assert_eq!(month_day(d), d.format("%m-%d").to_string());
        let t = d.and_hms_opt(7, 3, 59).unwrap();
        assert_eq!(local_minute(t), t.format("%Y-%m-%dT%H:%M").to_string());
    }

    #[test]
    fn days_are_read_strictly() {
        assert_eq!(parse_iso_day("2026-11-23"), NaiveDate::from_ymd_opt(2026, 11, 23));
        assert_eq!(parse_iso_day(" 2026-1-5 "), NaiveDate::from_ymd_opt(2026, 1, 5));
        for bad in [
            "",
            "2026",
            "2026-13-01",
            "2026-02-30",
            "26-01-01",
            "2026-01-01x",
            "2026/01/01",
            "2026-+1-01",
            "2026-01-001",
        ] {
            assert_eq!(parse_iso_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn datetime_local_values_are_read_with_or_without_seconds() {
        let want = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(9, 30, 0);
        assert_eq!(parse_local_minute("2026-11-23T09:30"), want);
        assert_eq!(parse_local_minute("2026-11-23T09:30:15"), want);
        assert_eq!(parse_local_minute("2026-11-23T09:30:15.250"), want);
        for bad in
            ["", "2026-11-23", "2026-11-23T9:30", "2026-11-23T24:00", "2026-11-23T09:60", "2026-11-23T09:30:15:01"]
        {
            assert_eq!(parse_local_minute(bad), None, "{bad}");
        }
    }

    #[test]
    fn date_arithmetic_stops_at_the_limits_instead_of_overflowing() {
        let max = DateTime::<Utc>::MAX_UTC;
        assert_eq!(add_hours(max, 4_294_967_295), max);
        assert_eq!(add_hours(DateTime::<Utc>::MIN_UTC, -1), DateTime::<Utc>::MIN_UTC);
        assert_eq!(add_hours(max, i64::MAX), max);
        assert_eq!(add_days(NaiveDate::MIN, -7), NaiveDate::MIN);
        assert_eq!(add_days(NaiveDate::MAX, i64::MIN), NaiveDate::MIN);
        let d = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(add_days(d, 7), NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    }

    #[test]
    fn dates_are_clamped_into_the_years_a_team_means() {
        assert_eq!(clamp_day(NaiveDate::MIN), first_day());
        assert_eq!(clamp_day(NaiveDate::MAX), last_day());
        assert_eq!(clamp_instant(DateTime::<Utc>::MAX_UTC).year(), LAST_YEAR);
        assert_eq!(clamp_instant(DateTime::<Utc>::MIN_UTC).year(), FIRST_YEAR);
        let d = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(clamp_day(d), d);
    }

    proptest! {
        // Whatever is written is read back as the same day and minute.
        #[test]
        fn written_dates_read_back(days in 0i64..200_000, minutes in 0u32..1440) {
            let d = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(days);
            prop_assert_eq!(parse_iso_day(&iso_day(d)), Some(d));
            let t = d.and_hms_opt(minutes / 60, minutes % 60, 0).unwrap();
            prop_assert_eq!(parse_local_minute(&local_minute(t)), Some(t));
        }
    }
}

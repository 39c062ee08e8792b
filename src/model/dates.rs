//! The few date shapes the app reads and writes, done by hand: chrono's strftime machinery
//! (format strings parsed at run time) cost the wasm about 10 KB gzip for five fixed shapes.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

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
        for bad in ["", "2026", "2026-13-01", "2026-02-30", "26-01-01", "2026-01-01x", "2026/01/01", "2026-+1-01", "2026-01-001"] {
            assert_eq!(parse_iso_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn datetime_local_values_are_read_with_or_without_seconds() {
        let want = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(9, 30, 0);
        assert_eq!(parse_local_minute("2026-11-23T09:30"), want);
        assert_eq!(parse_local_minute("2026-11-23T09:30:15"), want);
        assert_eq!(parse_local_minute("2026-11-23T09:30:15.250"), want);
        for bad in ["", "2026-11-23", "2026-11-23T9:30", "2026-11-23T24:00", "2026-11-23T09:60", "2026-11-23T09:30:15:01"] {
            assert_eq!(parse_local_minute(bad), None, "{bad}");
        }
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

//! The few date shapes the app reads and writes, done by hand: chrono's strftime machinery
//! (format strings parsed at run time) cost the wasm about 10 KB gzip for five fixed shapes.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike, Utc};

pub use super::decl::{FIRST_YEAR, LAST_YEAR};

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
    parse_day(text.trim(), false)
}

/// Reads a day as chrono writes it: [`parse_iso_day`]'s shapes, and years outside 0–9999 with
/// their sign (`+10000-01-01`, `-0001-12-31`), which import then moves into the years a team
/// means.
pub fn parse_written_day(text: &str) -> Option<NaiveDate> {
    parse_day(text.trim(), true)
}

fn parse_day(text: &str, signed: bool) -> Option<NaiveDate> {
    let (sign, text) = match text.as_bytes().first() {
        Some(b'+') if signed => (1, &text[1..]),
        Some(b'-') if signed => (-1, &text[1..]),
        _ => (1, text),
    };
    let mut parts = text.splitn(3, '-');
    let year = number(parts.next()?, 4, if signed { 6 } else { 4 })?;
    let month = number(parts.next()?, 1, 2)?;
    let day = number(parts.next()?, 1, 2)?;
    NaiveDate::from_ymd_opt(sign * year as i32, month, day)
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

/// Reads an instant in RFC 3339: `2026-11-23T09:30:00Z`, with a fraction of a second, another
/// offset (`+08:00`, `+0800`, `+08`), a space or a lowercase `t` before the time, and seconds
/// left out. A leap second (`:60`) reads as the last moment of its minute. `None` for anything
/// else, or a day or time that does not exist.
pub fn parse_instant(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    // After the date's own dashes (a year may have a sign).
    let split = text.find(['T', 't', ' '])?;
    let (day, rest) = (parse_written_day(&text[..split])?, &text[split + 1..]);
    let (time, offset_minutes) = if let Some(time) = rest.strip_suffix(['Z', 'z']) {
        (time, 0i64)
    } else {
        let at = rest.rfind(['+', '-'])?;
        let sign = if rest.as_bytes()[at] == b'-' { -1 } else { 1 };
        let offset = &rest[at + 1..];
        let (h, m) = match offset.split_once(':') {
            Some((h, m)) => (h, m),
            // `get`, not `split_at`: the text may hold anything, a character across byte 2 too.
            None if offset.len() == 4 => (offset.get(..2)?, offset.get(2..)?),
            None => (offset, "00"),
        };
        let minutes =
            i64::from(number(h, 2, 2).filter(|h| *h < 24)?) * 60 + i64::from(number(m, 2, 2).filter(|m| *m < 60)?);
        (&rest[..at], sign * minutes)
    };
    let mut parts = time.splitn(3, ':');
    let hour = number(parts.next()?, 2, 2)?;
    let minute = number(parts.next()?, 2, 2)?;
    let (second, nano) = match parts.next() {
        None => (0, 0),
        Some(sec) => {
            let (whole, fraction) = sec.split_once(['.', ',']).unwrap_or((sec, ""));
            let whole = number(whole, 2, 2)?;
            if !fraction.bytes().all(|b| b.is_ascii_digit()) || (sec.len() > 2 && fraction.is_empty()) {
                return None;
            }
            // Nanoseconds: the first nine digits, padded.
            let nano =
                fraction.bytes().chain(std::iter::repeat(b'0')).take(9).fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
            if whole == 60 {
                (59, 999_999_999)
            } else {
                (whole, nano)
            }
        }
    };
    let local = day.and_hms_nano_opt(hour, minute, second, nano)?;
    let utc = local.checked_sub_signed(TimeDelta::try_minutes(offset_minutes)?)?;
    Some(utc.and_utc())
}

/// The model's dates are read with [`parse_iso_day`] and [`parse_instant`] rather than chrono's
/// own readers, which go through its format-item parser (about 3 KB gzip in the wasm for two
/// fixed shapes). Writing stays chrono's (`2026-11-23`, `2026-11-23T09:30:00Z`). For
/// `#[serde(deserialize_with = "…")]`; a field that is not text, or text that is not a date, is
/// an error, which import repairs like any other.
pub mod read {
    use chrono::{DateTime, NaiveDate, Utc};
    use serde::{de::Error, Deserialize, Deserializer};

    fn text<'de, D: Deserializer<'de>, T>(d: D, parse: fn(&str) -> Option<T>) -> Result<Option<T>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) => parse(&s).map(Some).ok_or_else(|| D::Error::custom("not a date")),
        }
    }

    /// A day, `2026-11-23`.
    pub fn day<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        text(d, super::parse_written_day)?.ok_or_else(|| D::Error::custom("no date"))
    }

    /// A day or null.
    pub fn day_or_none<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        text(d, super::parse_written_day)
    }

    /// An instant, `2026-11-23T09:30:00Z`.
    pub fn instant<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        text(d, super::parse_instant)?.ok_or_else(|| D::Error::custom("no date"))
    }

    /// An instant or null.
    pub fn instant_or_none<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        text(d, super::parse_instant)
    }
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

    // Instants are read in the shapes chrono writes and the RFC 3339 shapes other tools write,
    // to the same instant chrono's reader gives; anything else is refused.
    #[test]
    fn instants_are_read_like_chrono_reads_them() {
        for text in [
            "2026-11-23T09:30:00Z",
            "2026-11-23T09:30:00.250Z",
            "2026-11-23T09:30:00.123456789123Z",
            "2026-11-23t09:30:00z",
            "2026-11-23 09:30:00+08:00",
            "2026-11-23T09:30:00-05:30",
            "2026-11-23T09:30:00+0800",
            "1970-01-01T00:00:00+00:00",
        ] {
            let want = text.parse::<DateTime<chrono::FixedOffset>>().unwrap().with_timezone(&Utc);
            assert_eq!(parse_instant(text), Some(want), "{text}");
        }
        let far = NaiveDate::from_ymd_opt(-262_143, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc();
        assert_eq!(parse_instant("-262143-01-01T00:00:00Z"), Some(far));
        assert_eq!(parse_written_day("+262142-12-31"), NaiveDate::from_ymd_opt(262_142, 12, 31));
        assert_eq!(parse_iso_day("+2026-11-23"), None);
        let minute = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(9, 30, 0).unwrap().and_utc();
        assert_eq!(parse_instant("2026-11-23T09:30Z"), Some(minute));
        assert_eq!(parse_instant("2026-11-23T10:30+01"), Some(minute));
        assert_eq!(parse_instant("2026-11-23T09:29:60Z"), Some(minute - chrono::Duration::nanoseconds(1)));
        for bad in [
            "",
            "2026-11-23",
            "2026-11-23T09:30:00",
            "2026-11-23T25:00:00Z",
            "2026-11-23T09:30:00+24:00",
            "2026-11-23T09:30:00.Z",
            "2026-11-23T09:30:00.1xZ",
            "2026-02-30T09:30:00Z",
            "x2026-11-23T09:30:00Z",
            "2026-11-23T09:30:00ZZ",
            "2026-11-23T0930Z",
            "2026-11-23T09:30:00+1é1",
            "2026-11-23T09:30:00.é",
            "é2026-11-23T09:30:00Z",
        ] {
            assert_eq!(parse_instant(bad), None, "{bad}");
        }
    }

    proptest! {
        // Every instant chrono writes (to the nanosecond, in any offset) reads back the same.
        #[test]
        fn written_instants_read_back(secs in 0i64..253_402_300_000, nanos in 0u32..1_000_000_000, offset in -86_399i32..86_400) {
            let t = DateTime::<Utc>::from_timestamp(secs, nanos).unwrap();
            prop_assert_eq!(parse_instant(serde_json::to_value(t).unwrap().as_str().unwrap()), Some(t));
            let offset = chrono::FixedOffset::east_opt(offset / 60 * 60).unwrap();
            prop_assert_eq!(parse_instant(&t.with_timezone(&offset).to_rfc3339()), Some(t));
        }

        // No text makes the readers panic (files and synced documents hold anything).
        #[test]
        fn any_text_is_read_or_refused(text in "\\PC{0,40}", digits in "[0-9T:.+Z -]{0,30}") {
            for t in [&text, &digits, &format!("2026-11-23T09:30{digits}"), &format!("2026-11-23T09:30:00{text}")] {
                let _ = (parse_instant(t), parse_written_day(t), parse_iso_day(t), parse_local_minute(t));
            }
        }

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

//! Service KPIs: definitions, values per period, status against target, and CSV in and out.

use super::csv::{csv_field, parse_csv};
use super::ids::{IdGen, KpiId};
use super::keys::KeySet;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which way is better.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    #[default]
    HigherIsBetter,
    LowerIsBetter,
}

/// How values are grouped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Period {
    #[default]
    Week,
    Month,
}

/// One recorded value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KpiValue {
    /// The first day of the week or month the value is for.
    #[serde(deserialize_with = "super::dates::read::day")]
    pub period: NaiveDate,
    pub value: f64,
}

/// A KPI definition and its values (kept sorted by period, one per period).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Kpi {
    pub id: KpiId,
    pub name: String,
    /// "%", "minutes", "hours" …
    pub unit: String,
    pub direction: Direction,
    pub target: f64,
    pub benchmark: Option<f64>,
    pub period: Period,
    pub values: Vec<KpiValue>,
}

/// Sorts values by period and keeps one per period: the one listed last. Returns how many were
/// dropped. (One function, so the wasm holds one sort of values.)
pub fn one_per_period(values: &mut Vec<KpiValue>) -> usize {
    let before = values.len();
    values.reverse();
    values.sort_by_key(|v| v.period);
    values.dedup_by_key(|v| v.period);
    before - values.len()
}

/// Where the latest value stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Meets the target.
    On,
    /// Misses it by 10 % of the target or less.
    Near,
    /// Misses it by more.
    Off,
}

/// The preset KPIs from the design sources: satisfaction, first contact resolution, handle
/// time, first response time, SLA met and escalation rate. Names come from the caller's
/// language.
pub fn presets(names: [&str; 6]) -> [(String, &'static str, Direction, f64); 6] {
    use Direction::*;
    [
        (names[0].into(), "%", HigherIsBetter, 90.0),
        (names[1].into(), "%", HigherIsBetter, 75.0),
        (names[2].into(), "min", LowerIsBetter, 6.0),
        (names[3].into(), "h", LowerIsBetter, 4.0),
        (names[4].into(), "%", HigherIsBetter, 95.0),
        (names[5].into(), "%", LowerIsBetter, 10.0),
    ]
}

impl Kpi {
    /// A new KPI.
    pub fn new(ids: &mut IdGen, name: &str, unit: &str, direction: Direction, target: f64) -> Kpi {
        Kpi {
            id: KpiId::generate(ids),
            name: name.trim().into(),
            unit: unit.into(),
            direction,
            target,
            ..Kpi::default()
        }
    }

    /// Records a value for the period that holds `day` (replacing any value for that period).
    pub fn record(&mut self, day: NaiveDate, value: f64) {
        self.values.push(KpiValue { period: self.period_of(day), value });
        one_per_period(&mut self.values);
    }

    /// The first day of the KPI's period (a week from Monday, or a month) that holds `day`: a
    /// value entered mid-week belongs to its week, not to a period of its own.
    pub fn period_of(&self, day: NaiveDate) -> NaiveDate {
        use chrono::Datelike;
        match self.period {
            Period::Week => {
                let back = i64::from(day.weekday().num_days_from_monday());
                day.checked_sub_signed(chrono::Duration::days(back)).unwrap_or(day)
            }
            Period::Month => day.with_day(1).unwrap_or(day),
        }
    }

    /// The values the KPI's unit allows: a percentage is 0–100; a duration, a count or any
    /// other measured unit is never negative; only a KPI without a unit (a score such as NPS)
    /// may go below zero.
    pub fn range(&self) -> (f64, f64) {
        match self.unit.trim() {
            "%" => (0.0, 100.0),
            "" => (f64::MIN, f64::MAX),
            _ => (0.0, f64::MAX),
        }
    }

    /// Whether `value` is one the KPI can have.
    pub fn allows(&self, value: f64) -> bool {
        let (lo, hi) = self.range();
        value.is_finite() && (lo..=hi).contains(&value)
    }

    /// The status of a value against the target.
    pub fn status_of(&self, value: f64) -> Status {
        let miss = match self.direction {
            Direction::HigherIsBetter => self.target - value,
            Direction::LowerIsBetter => value - self.target,
        };
        if miss <= 0.0 {
            Status::On
        } else if miss <= self.target.abs() * 0.1 {
            Status::Near
        } else {
            Status::Off
        }
    }

    /// The latest value, its status, and the change since the previous period.
    pub fn latest(&self) -> Option<(f64, Status, Option<f64>)> {
        let last = self.values.last()?;
        let prev = self.values.len().checked_sub(2).map(|i| last.value - self.values[i].value);
        Some((last.value, self.status_of(last.value), prev))
    }
}

/// Why a row of a KPI CSV was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowError {
    /// Not three fields.
    Columns,
    /// No KPI with that name.
    UnknownKpi(String),
    /// Not a date (YYYY-MM-DD).
    BadDate(String),
    /// Not a number.
    BadNumber(String),
}

/// The result of importing KPI values: how many were recorded, and each bad row by line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CsvReport {
    pub recorded: usize,
    /// The first [`LISTED_ROW_ERRORS`] bad rows, by line.
    pub errors: Vec<(usize, RowError)>,
    /// Every bad row, listed or not.
    pub error_count: usize,
}

/// The header line of the KPI CSV.
pub const CSV_HEADER: [&str; 3] = ["kpi", "period", "value"];

/// All KPI values as CSV (`kpi,period,value`), UTF-8 with a byte-order mark.
pub fn values_csv(kpis: &[Kpi]) -> String {
    let mut out = format!("\u{feff}{}\r\n", CSV_HEADER.join(","));
    for k in kpis {
        for v in &k.values {
            out.push_str(&format!("{},{},{}\r\n", csv_field(&k.name), crate::model::dates::iso_day(v.period), v.value));
        }
    }
    out
}

/// How many bad rows a CSV import lists; past it they are only counted.
pub const LISTED_ROW_ERRORS: usize = 100;

/// The KPI a CSV row names: the exact name first, then the same ignoring case. The quote that
/// [`csv_field`] puts before a leading `=`, `+`, `@` or `'` (the spreadsheet formula guard) is
/// taken off first.
fn find_kpi(exact: &KeySet, folded: &KeySet, name: &str) -> Option<usize> {
    let unguarded = name.strip_prefix('\'').filter(|rest| rest.starts_with(['=', '+', '@', '\''])).unwrap_or(name);
    // A file written before the quote itself was guarded may name "'=x" as it is.
    let find = |n: &str| exact.position(n).or_else(|| folded.position(&n.to_lowercase()));
    find(unguarded).or_else(|| find(name))
}

/// Records the values in a `kpi,period,value` CSV (a header line is optional; KPI names match
/// without regard to case). Good rows are recorded even when others are bad.
pub fn import_values(kpis: &mut [Kpi], text: &str) -> CsvReport {
    let mut report = CsvReport::default();
    // Names looked up by sorting, and each KPI's new values merged once at the end: O(n log n)
    // for any file.
    let names: Vec<&str> = kpis.iter().map(|k| k.name.trim()).collect();
    let lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    let (exact, folded) = (KeySet::new(names.iter().copied()), KeySet::new(lower.iter().map(String::as_str)));
    let mut new: Vec<Vec<KpiValue>> = vec![Vec::new(); kpis.len()];
    let bad = |report: &mut CsvReport, line: usize, e: RowError| {
        report.error_count += 1;
        if report.errors.len() < LISTED_ROW_ERRORS {
            report.errors.push((line, e));
        }
    };
    for (line, row) in parse_csv(text) {
        if row.iter().map(|f| f.trim().to_lowercase()).eq(CSV_HEADER.iter().map(|h| h.to_string())) {
            continue;
        }
        if row.len() != 3 {
            bad(&mut report, line, RowError::Columns);
            continue;
        }
        let name = row[0].trim();
        let Some(i) = find_kpi(&exact, &folded, name) else {
            bad(&mut report, line, RowError::UnknownKpi(name.into()));
            continue;
        };
        let in_range = |d: &NaiveDate| crate::model::dates::clamp_day(*d) == *d;
        let Some(period) = crate::model::dates::parse_iso_day(&row[1]).filter(in_range) else {
            bad(&mut report, line, RowError::BadDate(row[1].trim().into()));
            continue;
        };
        match super::input::number(&row[2]) {
            Ok(Some(value)) if kpis[i].allows(value) => {
                new[i].push(KpiValue { period: kpis[i].period_of(period), value });
                report.recorded += 1;
            }
            _ => bad(&mut report, line, RowError::BadNumber(row[2].trim().into())),
        }
    }
    for (k, mut added) in kpis.iter_mut().zip(new) {
        if added.is_empty() {
            continue;
        }
        // One value per period: a later row wins over an earlier one and over what was there.
        k.values.append(&mut added);
        one_per_period(&mut k.values);
    }
    report
}

//! Board analytics from the task history: throughput, cycle time, SLA met, cumulative flow,
//! and a demand forecast.

use super::board::{Board, ColumnKind, Sla};
use super::dates::add_days;
use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// The Monday of the week a date falls in.
pub fn week_start(d: NaiveDate) -> NaiveDate {
    add_days(d, -i64::from(d.weekday().num_days_from_monday()))
}

/// The last `weeks` week starts up to the week of `now`, oldest first.
pub fn recent_weeks(now: DateTime<Utc>, weeks: usize) -> Vec<NaiveDate> {
    let this = week_start(now.date_naive());
    (0..weeks).rev().map(|i| add_days(this, -7 * i as i64)).collect()
}

/// Tasks completed in each of the given weeks (by `completed_at`).
pub fn throughput(board: &Board, weeks: &[NaiveDate]) -> Vec<usize> {
    weeks
        .iter()
        .map(|w| {
            board.tasks.iter().filter(|t| t.completed_at.is_some_and(|c| week_start(c.date_naive()) == *w)).count()
        })
        .collect()
}

/// Tasks created in each of the given weeks.
pub fn created_per_week(board: &Board, weeks: &[NaiveDate]) -> Vec<usize> {
    weeks.iter().map(|w| board.tasks.iter().filter(|t| week_start(t.created_at.date_naive()) == *w).count()).collect()
}

/// Percentage of tasks completed in each week that met their service target (`None` for a
/// week with no completions).
pub fn sla_met_per_week(board: &Board, weeks: &[NaiveDate], now: DateTime<Utc>) -> Vec<Option<f64>> {
    weeks
        .iter()
        .map(|w| {
            let done: Vec<_> = board
                .tasks
                .iter()
                .filter(|t| t.completed_at.is_some_and(|c| week_start(c.date_naive()) == *w))
                .collect();
            if done.is_empty() {
                return None;
            }
            let met = done.iter().filter(|t| board.sla(t, now) == Sla::Met).count();
            Some(met as f64 * 100.0 / done.len() as f64)
        })
        .collect()
}

/// Hours from the first move into an in-progress (or done) column to completion, for every
/// completed task.
pub fn cycle_times(board: &Board) -> Vec<f64> {
    board
        .tasks
        .iter()
        .filter_map(|t| {
            let done = t.completed_at?;
            let started = t
                .history
                .iter()
                .find(|m| board.column(&m.to).is_some_and(|c| c.kind != ColumnKind::NotStarted))
                .map_or(t.created_at, |m| m.at);
            Some((done - started).num_minutes() as f64 / 60.0)
        })
        .collect()
}

/// The `p`-th percentile (0–100) by linear interpolation; `None` for no values.
pub fn percentile(values: &[f64], p: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let rank = (p / 100.0).clamp(0.0, 1.0) * (v.len() - 1) as f64;
    let (lo, hi) = (rank.floor() as usize, rank.ceil() as usize);
    Some(v[lo] + (v[hi] - v[lo]) * (rank - lo as f64))
}

/// Cumulative flow: for each day, how many tasks stood in each column at the end of it.
pub fn cumulative_flow(board: &Board, days: &[NaiveDate]) -> Vec<Vec<usize>> {
    days.iter()
        .map(|day| {
            let end = day.and_hms_opt(23, 59, 59).map(|d| d.and_utc()).unwrap_or_default();
            let mut counts = vec![0; board.columns.len()];
            for t in &board.tasks {
                if let Some(m) = t.history.iter().rev().find(|m| m.at <= end) {
                    if let Some(i) = board.columns.iter().position(|c| c.id == m.to) {
                        counts[i] += 1;
                    }
                }
            }
            counts
        })
        .collect()
}

/// A demand forecast, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Forecast {
    /// Fewer than [`MIN_WEEKS`] weeks with any history.
    TooShort { weeks: usize },
    /// Tasks per week ahead, from a least-squares line through the recent weeks.
    Ahead { per_week: Vec<f64>, slope: f64, level: f64 },
}

/// Weeks of history the forecast needs.
pub const MIN_WEEKS: usize = 4;

/// Forecasts `ahead` weeks from weekly counts (oldest first): the least-squares line through
/// the last (up to) 12 weeks, extended forward and floored at zero. Leading weeks before the
/// first task are not history and are dropped. A flat series forecasts its own level.
pub fn forecast(counts: &[usize], ahead: usize) -> Forecast {
    let first = counts.iter().position(|c| *c > 0).unwrap_or(counts.len());
    let history = &counts[first..];
    let history = &history[history.len().saturating_sub(12)..];
    if history.len() < MIN_WEEKS {
        return Forecast::TooShort { weeks: history.len() };
    }
    let n = history.len() as f64;
    let mean_x = (n - 1.0) / 2.0;
    let mean_y = history.iter().sum::<usize>() as f64 / n;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (i, y) in history.iter().enumerate() {
        let dx = i as f64 - mean_x;
        sxy += dx * (*y as f64 - mean_y);
        sxx += dx * dx;
    }
    let slope = if sxx > 0.0 { sxy / sxx } else { 0.0 };
    let level = mean_y + slope * (n - 1.0 - mean_x);
    let per_week = (1..=ahead).map(|h| (level + slope * h as f64).max(0.0)).collect();
    Forecast::Ahead { per_week, slope, level }
}

/// The average estimate of the board's tasks (1 hour when none has one).
pub fn average_estimate(board: &Board) -> f64 {
    let with: Vec<f64> = board.tasks.iter().map(|t| t.estimate_hours).filter(|h| *h > 0.0).collect();
    if with.is_empty() {
        1.0
    } else {
        with.iter().sum::<f64>() / with.len() as f64
    }
}

/// People each role will need for `hours_per_week` of forecast work: the role's share of the
/// estimated hours its holders were assigned (shared equally between assignees, over every
/// task on the board), divided by the average weekly capacity of its active holders (40 h
/// when it has none). Roles with no share need nobody.
pub fn role_need(ws: &super::workspace::Workspace, hours_per_week: f64) -> Vec<(super::ids::RoleId, f64)> {
    let mut per_role: Vec<f64> = vec![0.0; ws.roles.len()];
    let mut total = 0.0;
    for t in &ws.board.tasks {
        let share = t.estimate_hours / t.assignees.len().max(1) as f64;
        for m in t.assignees.iter().filter_map(|m| ws.member(m)) {
            total += share;
            // A person's hours count for each role they hold, split equally.
            let n = m.roles.len().max(1) as f64;
            for r in &m.roles {
                if let Some(i) = ws.roles.iter().position(|x| &x.id == r) {
                    per_role[i] += share / n;
                }
            }
        }
    }
    ws.roles
        .iter()
        .zip(per_role)
        .map(|(r, hours)| {
            let holders: Vec<f64> = ws.holders(&r.id).filter(|m| m.active).map(|m| m.capacity_hours as f64).collect();
            let capacity = if holders.is_empty() { 40.0 } else { holders.iter().sum::<f64>() / holders.len() as f64 };
            let need = if total > 0.0 && capacity > 0.0 { hours_per_week * hours / total / capacity } else { 0.0 };
            (r.id.clone(), need)
        })
        .collect()
}

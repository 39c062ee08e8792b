//! Shared by the robustness tests: a seed corpus, a deterministic mutator, and every pure
//! function the pages call on a workspace.
#![allow(dead_code)]

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use rolecall::model::analytics::*;
use rolecall::model::assign::{open_load, spare_capacity, suggest};
use rolecall::model::board::{is_overdue, TaskFilter};
use rolecall::model::chart::nice_max;
use rolecall::model::handbook::{
    chart_csv, handbook_markdown, member_handbook, role_handbook, ChartView, HandbookWords,
};
use rolecall::model::kpi::{import_values, values_csv};
use rolecall::model::schema::encode;
use rolecall::model::skills::{coverage, gaps, single_points_of_failure, staffing};
use rolecall::model::*;
use serde_json::Value;

pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap()
}

/// The files the mutator starts from: every fixture, the template and a generated workspace.
pub fn corpus() -> Vec<String> {
    let mut out: Vec<String> =
        ["v1.json", "v2.json", "v3.json", "v4.json", "v5.json", "needs-repair.json"].into_iter().map(fixture).collect();
    out.push(encode(&template::service_team(&mut IdGen::new(1), now()), now(), false));
    let size = generate::Size { members: 12, skills: 8, roles: 5, duties: 15, tasks: 40, weeks: 8 };
    out.push(encode(&generate::large(3, now(), size), now(), false));
    out
}

/// Values a hostile or careless file might hold in any field.
const EXTREMES: &[&str] = &[
    "4294967295",
    "18446744073709551615",
    "-1",
    "1e308",
    "-1e308",
    "194.28585714285714",
    "0",
    "\"\"",
    "\"+262142-12-31T03:09:09Z\"",
    "\"-262143-01-01T00:00:00Z\"",
    "\"+262142-12-31\"",
    "\"0000-01-01\"",
    "\"9999-12-31T23:59:59Z\"",
    "\"=HYPERLINK(1)\"",
    "null",
    "true",
    "{}",
    "[]",
    "[{}]",
    "\"col_done\"",
    "\"A+R\"",
];

/// A deterministic source of choices (SplitMix64).
pub struct Rng(IdGen);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(IdGen::new(seed))
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.0.next_u64() % n.max(1) as u64) as usize
    }
}

/// Every node of a JSON value, as paths of object keys and array indices.
fn paths(v: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                at.push(Step::Key(k.clone()));
                paths(child, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                at.push(Step::Index(i));
                paths(child, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn node<'a>(v: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    let mut v = v;
    for s in path {
        v = match (s, v) {
            (Step::Key(k), Value::Object(m)) => m.get_mut(k)?,
            (Step::Index(i), Value::Array(a)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(v)
}

/// One to four random changes to a file: a field set to an extreme value, deleted, duplicated,
/// or its type changed; sometimes a byte-level cut or splice of the text instead.
pub fn mutate(text: &str, rng: &mut Rng) -> String {
    if rng.below(10) == 0 {
        let bytes = text.as_bytes();
        let at = rng.below(bytes.len());
        let mut out = bytes[..at].to_vec();
        if rng.below(2) == 0 {
            out.extend_from_slice(EXTREMES[rng.below(EXTREMES.len())].as_bytes());
            out.extend_from_slice(&bytes[(at + rng.below(8)).min(bytes.len())..]);
        }
        return String::from_utf8_lossy(&out).into_owned();
    }
    let Ok(mut v) = serde_json::from_str::<Value>(text) else { return text.to_owned() };
    for _ in 0..1 + rng.below(4) {
        let mut all = Vec::new();
        paths(&v, &mut Vec::new(), &mut all);
        let path = all[rng.below(all.len())].clone();
        let Some(target) = node(&mut v, &path) else { continue };
        match rng.below(6) {
            0 | 1 => *target = serde_json::from_str(EXTREMES[rng.below(EXTREMES.len())]).unwrap(),
            2 => match target {
                Value::Object(m) if !m.is_empty() => {
                    let k = m.keys().nth(rng.below(m.len())).unwrap().clone();
                    m.remove(&k);
                }
                Value::Array(a) if !a.is_empty() => {
                    a.remove(rng.below(a.len()));
                }
                _ => *target = Value::Null,
            },
            3 => {
                // Copies of one entry: duplicate ids and names.
                if let Value::Array(a) = target {
                    if !a.is_empty() {
                        let e = a[rng.below(a.len())].clone();
                        for _ in 0..1 + rng.below(40) {
                            a.push(e.clone());
                        }
                    }
                }
            }
            4 => {
                *target = match std::mem::take(target) {
                    Value::Array(a) => {
                        Value::Object(a.into_iter().enumerate().map(|(i, e)| (i.to_string(), e)).collect())
                    }
                    Value::Object(m) => Value::Array(m.into_iter().map(|(_, e)| e).collect()),
                    other => Value::Array(vec![other]),
                }
            }
            _ => {
                // A reference pointed at something else of the same shape.
                if let Value::String(s) = target {
                    s.push_str(if rng.below(2) == 0 { "_x" } else { "" });
                    if rng.below(3) == 0 {
                        s.clear();
                    }
                }
            }
        }
    }
    v.to_string()
}

fn words() -> HandbookWords<'static> {
    HandbookWords {
        title: "Handbook",
        roles: "Roles",
        members: "People",
        held_by: "Held by",
        holds: "Holds",
        accountable: "Accountable",
        responsible: "Responsible",
        consulted: "Consulted",
        informed: "Informed",
        skills: "Skills",
        works_with: "Works with",
        none: "none",
        skill_member: "{name} ({level} of {required})",
        skill_role: "{name} (at least {required})",
        gap: "gap",
    }
}

/// Runs every pure function the pages call on `ws`, at `now`. Panics are what the callers look for.
pub fn exercise_pages(ws: &Workspace, now: DateTime<Utc>) {
    let board = &ws.board;
    let offset = FixedOffset::east_opt(8 * 3600).unwrap();
    let filter = TaskFilter::default();
    for t in &board.tasks {
        let _ = board.sla(t, now);
        let _ = board.response_late(t, now);
        let _ = board.service_due(t);
        let _ = is_overdue(board, t, now, offset);
        let _ = filter.matches(board, t, now, offset);
        let _ = suggest(ws, t);
    }
    for c in &board.columns {
        let _ = board.wip(&c.id);
    }
    for m in &ws.members {
        let _ = open_load(ws, &m.id);
        let _ = spare_capacity(ws, &m.id);
        let _ = member_handbook(ws, &m.id);
    }
    for r in &ws.roles {
        let _ = role_handbook(ws, &r.id);
    }
    for s in &ws.skills {
        let _ = coverage(ws, &s.id);
    }
    let _ = (single_points_of_failure(ws), gaps(ws), staffing(ws));
    let _ = raci_check::check(ws);
    let _ = raci_check::member_loads(ws);
    let _ = chart_csv(ws, ChartView::Roles, "Area", "Duty");
    let _ = chart_csv(ws, ChartView::Members, "Area", "Duty");
    let _ = handbook_markdown(ws, &words());
    let weeks = recent_weeks(now, 12);
    let done = throughput(board, &weeks);
    let created = created_per_week(board, &weeks);
    let _ = sla_met_per_week(board, &weeks, now);
    let cycles = cycle_times(board);
    let _ = percentile(&cycles, 85.0);
    let days: Vec<_> = (0..14).map(|i| rolecall::model::dates::add_days(now.date_naive(), -i)).collect();
    let _ = cumulative_flow(board, &days);
    if let Forecast::Ahead { per_week, .. } = forecast(&created, 4) {
        let _ = role_need(ws, per_week.iter().sum::<f64>() * average_estimate(board));
    }
    let _ = nice_max(done.iter().copied().max().unwrap_or(0) as f64);
    for k in &ws.kpis {
        let _ = k.latest();
        for v in &k.values {
            let _ = nice_max(v.value.max(k.target));
        }
    }
    let mut kpis = ws.kpis.clone();
    let _ = import_values(&mut kpis, &values_csv(&ws.kpis));
    let _ = history::describe(&ops::diff(&Workspace::default(), ws));
    for m in &ws.meetings {
        let _ = rolecall::model::review::agenda(ws, &m.id, now, offset);
    }
    let _ = ws.clone().run_routines(now.date_naive(), now, "{n}");
    for r in &ws.routines {
        let _ = r.count_between(r.next, now.date_naive());
    }
}

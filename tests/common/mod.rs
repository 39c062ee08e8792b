//! Shared by the robustness tests: a seed corpus, a deterministic mutator, and every pure
//! function the pages call on a workspace.
#![allow(dead_code)]

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use rolecall::model::analytics::*;
use rolecall::model::assign::{open_load, spare_capacity, suggest};
use rolecall::model::board::{is_overdue, TaskFilter};
use rolecall::model::board::{ColumnKind, Priority, ServiceStandard, Task};
use rolecall::model::chart::nice_max;
use rolecall::model::commands::Cmd;
use rolecall::model::handbook::{
    chart_csv, handbook_markdown, member_handbook, role_handbook, ChartView, HandbookWords,
};
use rolecall::model::ids::{CheckInId, ImprovementId, MeetingId, RecognitionId, RoutineId};
use rolecall::model::kpi::Direction;
use rolecall::model::kpi::{import_values, values_csv};
use rolecall::model::ops::Op;
use rolecall::model::raci::Raci;
use rolecall::model::schema::encode;
use rolecall::model::service::{ActionStatus, CheckIn, Improvement, Meeting, Recognition, Repeat, Routine, Source};
use rolecall::model::skills::{coverage, gaps, single_points_of_failure, staffing};
use rolecall::model::training::TrainingStatus;
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

pub fn day(n: usize) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap() + chrono::Duration::days(n as i64)
}

pub fn small(seed: u64) -> Workspace {
    let size = generate::Size { members: 8, skills: 6, roles: 4, duties: 10, tasks: 30, weeks: 4 };
    generate::large(seed, now(), size)
}

/// Runs one command chosen by `pick` (its argument choices from `a`, `b`, `c`) and returns its
/// ops, or `None` when the command refused.
pub fn run(ws: &mut Workspace, ids: &mut IdGen, pick: u8, a: usize, b: usize, c: usize) -> Option<Vec<Op>> {
    let nth = |n: usize, len: usize| if len == 0 { 0 } else { n % len };
    let task = ws.board.tasks.get(nth(a, ws.board.tasks.len())).map(|t| t.id.clone());
    let column = ws.board.columns.get(nth(b, ws.board.columns.len())).map(|c| c.id.clone());
    let member = ws.members.get(nth(a, ws.members.len())).map(|m| m.id.clone());
    let skill = ws.skills.get(nth(b, ws.skills.len())).map(|s| s.id.clone());
    let role = ws.roles.get(nth(b, ws.roles.len())).map(|r| r.id.clone());
    let duty = ws.duties.get(nth(c, ws.duties.len())).map(|d| d.id.clone());
    let department = ws.departments.get(nth(c, ws.departments.len())).map(|d| d.id.clone());
    let kpi = ws.kpis.get(nth(c, ws.kpis.len())).map(|k| k.id.clone());
    let mut cmd = Cmd::new(ws, ids, now());
    let letter = [None, Some(Raci::R), Some(Raci::A), Some(Raci::C), Some(Raci::I)][c % 5];
    let r = match pick % 49 {
        0 => cmd.move_task(&task?, &column?, Some(c % 7)).ok(),
        1 => cmd.set_role_letter(&duty?, &role?, letter).ok(),
        2 => cmd.set_member_letter(&duty?, &member?, Some(letter)).ok(),
        3 => cmd.set_level(&member?, &skill?, (c % 5) as u8).ok(),
        4 => cmd.remove_member(&member?).ok(),
        5 => cmd.remove_role(&role?).ok(),
        6 => cmd.remove_skill(&skill?).ok(),
        7 => cmd.remove_duty(&duty?).ok(),
        8 => cmd.remove_task(&task?).ok(),
        9 => {
            let mut t = cmd.ws().board.task(&task?)?.clone();
            t.title = format!("{} (edited {c})", t.title);
            t.column = column?;
            cmd.save_task(t).ok()
        }
        10 => {
            let t =
                Task { id: TaskId::generate(cmd.ids()), title: format!("New {c}"), column: column?, ..Task::default() };
            cmd.save_task(t).ok()
        }
        11 => cmd.archive_done().ok().map(|x| x.1),
        12 => cmd.shift_column(&column?, if c.is_multiple_of(2) { -1 } else { 1 }).ok(),
        13 => {
            let other = cmd.ws().board.columns.iter().find(|x| Some(&x.id) != column.as_ref())?.id.clone();
            cmd.remove_column(&column?, &other).ok()
        }
        14 => cmd.add_column(&format!("Column {c}"), ColumnKind::InProgress).ok(),
        15 => cmd.set_name(format!("Team {c}")).ok(),
        16 => cmd.plan_training(&member?, &skill?, 3, None).ok(),
        17 => {
            let item = cmd.ws().training.get(nth(c, cmd.ws().training.len()))?.id.clone();
            if c.is_multiple_of(2) {
                cmd.training_task(&item, "Train".into()).ok()
            } else {
                cmd.set_training_status(&item, TrainingStatus::Done).ok()
            }
        }
        18 => cmd
            .set_standard(Priority::P2, ServiceStandard { first_response_hours: 1 + c as u32, resolution_hours: 48 })
            .ok(),
        19 => cmd.toggle_interest(&member?, &skill?).ok(),
        20 => {
            let mut m = cmd.ws().member(&member?)?.clone();
            m.name = format!("{} {c}", m.name);
            m.capacity_hours = (c % 60) as u32;
            if let Some(k) = m.skills.first_mut() {
                k.level = (c % 5) as u8;
            }
            cmd.save_member(m).ok()
        }
        21 => {
            let mut r = cmd.ws().role(&role?)?.clone();
            r.purpose = format!("Purpose {c}");
            cmd.save_role(r).ok()
        }
        22 => {
            let mut k = cmd.ws().skill(&skill?)?.clone();
            k.description = format!("About {c}");
            cmd.save_skill(k).ok()
        }
        23 => {
            let mut d = cmd.ws().duty(&duty?)?.clone();
            d.area = format!("Area {}", c % 3);
            cmd.save_duty(d).ok()
        }
        24 => cmd.remove_department(&department?).ok(),
        25 => cmd.set_goals(vec![format!("Goal {c}"), "Answer within a day".into()]).ok(),
        26 => {
            let mut t = cmd.ws().thresholds.clone();
            t.max_informed = c % 9;
            cmd.set_thresholds(t).ok()
        }
        27 => {
            let mut col = cmd.ws().board.column(&column?)?.clone();
            col.wip_limit = Some(1 + (c % 6) as u32);
            cmd.update_column(col).ok()
        }
        28 => cmd.add_kpi(&format!("KPI {c}"), "%", Direction::HigherIsBetter, 90.0, None).ok(),
        29 => cmd.record_kpi(&kpi?, chrono::NaiveDate::from_ymd_opt(2026, 11, 16)?, c as f64).ok(),
        30 => cmd.remove_kpi(&kpi?).ok(),
        31 => {
            let name = cmd.ws().kpis.first()?.name.clone();
            cmd.import_kpi_values(&format!("kpi,period,value\n{name},2026-11-09,{c}\nnobody,2026-11-09,1\n"))
                .ok()
                .map(|x| x.1)
        }
        32 => {
            let item = cmd.ws().training.get(nth(c, cmd.ws().training.len()))?.id.clone();
            cmd.set_training_due(&item, chrono::NaiveDate::from_ymd_opt(2027, 1, 1 + (c % 28) as u32)).ok()
        }
        33 => cmd.set_collaboration(CollaborationModel::ALL[c % CollaborationModel::ALL.len()]).ok(),
        34 => {
            let mut d = Department { id: DepartmentId::generate(cmd.ids()), name: format!("Dept {c}") };
            if c.is_multiple_of(2) {
                d = cmd.ws().departments.first().cloned().unwrap_or(d);
                d.name = format!("Renamed {c}");
            }
            cmd.save_department(d).ok()
        }
        35 => {
            let mut m = match cmd.ws().meetings.first() {
                Some(m) if c.is_multiple_of(2) => m.clone(),
                _ => Meeting { id: MeetingId::generate(cmd.ids()), ..Meeting::default() },
            };
            m.name = format!("Meeting {c}");
            m.duration_minutes = (c % 600) as u32;
            m.roles = role.into_iter().collect();
            cmd.save_meeting(m).ok()
        }
        36 => {
            let id = cmd.ws().meetings.get(nth(c, cmd.ws().meetings.len()))?.id.clone();
            cmd.remove_meeting(&id).ok()
        }
        37 => {
            let id = cmd.ws().meetings.get(nth(c, cmd.ws().meetings.len()))?.id.clone();
            let (minutes, mut ops) = cmd.hold_meeting(&id, day(c % 20)).ok()?;
            let mut m = cmd.ws().minutes.iter().find(|m| m.id == minutes)?.clone();
            m.decisions = format!("Decided {c}");
            m.notes = "notes".into();
            ops.extend(cmd.save_minutes(m).ok()?);
            Some(ops)
        }
        38 => {
            let x = Improvement {
                id: ImprovementId::generate(cmd.ids()),
                source: Source::ALL[c % 6],
                problem: if c.is_multiple_of(7) { String::new() } else { format!("Problem {c}") },
                owner: member,
                kpi,
                status: ActionStatus::ALL[b % 4],
                ..Improvement::default()
            };
            cmd.save_improvement(x).ok()
        }
        39 => {
            let mut x = cmd.ws().improvements.get(nth(c, cmd.ws().improvements.len()))?.clone();
            x.status = ActionStatus::ALL[b % 4];
            x.after = Some(c as f64);
            cmd.save_improvement(x).ok()
        }
        40 => {
            let id = cmd.ws().improvements.get(nth(c, cmd.ws().improvements.len()))?.id.clone();
            cmd.improvement_task(&id, format!("Act {c}")).ok()
        }
        41 => {
            let r = Routine {
                id: RoutineId::generate(cmd.ids()),
                title: format!("Routine {c}"),
                repeat: [Repeat::Daily, Repeat::Weekly, Repeat::Monthly][c % 3],
                weekdays: vec![1 + (b % 7) as u8],
                month_day: 1 + (b % 31) as u8,
                duty,
                assignees: member.into_iter().collect(),
                next: day(c % 10),
                ..Routine::default()
            };
            cmd.save_routine(r).ok()
        }
        42 => cmd.run_routines(day(c % 60), "{n} missed").ok().map(|x| x.1),
        43 => {
            let id = CheckInId::generate(cmd.ids());
            cmd.save_checkin(CheckIn {
                id,
                member: member?,
                date: day(c % 30),
                goals: format!("Goal {c}"),
                ..CheckIn::default()
            })
            .ok()
        }
        44 => {
            let id = RecognitionId::generate(cmd.ids());
            cmd.recognise(Recognition {
                id,
                member: member?,
                date: day(c % 30),
                text: format!("Thanks {c}"),
                ..Recognition::default()
            })
            .ok()
        }
        46 => cmd.comment(&task?, member, &format!("Comment {c}")).ok(),
        47 => {
            // A change of assignee and priority, recorded on the task's thread.
            let mut t = cmd.ws().board.task(&task?)?.clone();
            t.assignees = member.into_iter().collect();
            t.priority = Priority::ALL[c % 4];
            cmd.save_task_by(t, cmd.ws().members.get(b % 3).map(|m| m.id.clone())).ok()
        }
        48 => {
            let id = cmd.ws().thread.get(nth(c, cmd.ws().thread.len()))?.id.clone();
            cmd.remove_comment(&id).ok()
        }
        _ => {
            if c.is_multiple_of(2) {
                let id = cmd.ws().recognitions.first()?.id.clone();
                cmd.remove_recognition(&id).ok()
            } else {
                let id = cmd.ws().routines.first()?.id.clone();
                cmd.remove_routine(&id).ok()
            }
        }
    };
    r
}

//! Reading a Rolecall file (or the stored copy): parse → migrate → repair → validate.
//! Never trusts input: each item is restored on its own, missing fields get defaults, duplicate
//! ids get fresh ones, dangling references are removed, and every repair is reported.

use super::edit::{name_key, validate, Kind, Problem};
use super::board::{default_columns, Board, Column, Task};
use super::ids::{ColumnId, DepartmentId, DutyId, IdGen, MemberId, RoleId, SkillId, TaskId};
use super::schema::{migrate, MigrationError, CURRENT_VERSION, FORMAT};
use super::team::{Workspace, MAX_CAPACITY_HOURS, MAX_LEVEL};
use super::edit::MAX_HEADCOUNT;
use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::{Map, Value};

/// Files larger than this are refused before they are read.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// JSON nested deeper than this is refused (a Rolecall file needs about 6 levels).
pub const MAX_DEPTH: usize = 64;

/// Why a file cannot be used at all. Nothing is changed when one of these comes back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {bytes} bytes, more than the 10 MB limit")]
    TooLarge { bytes: usize },
    #[error("the file is nested more than {MAX_DEPTH} levels deep")]
    TooDeep,
    #[error("the file ends too early: it looks truncated")]
    Truncated,
    #[error("the file is not JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    #[error("the file is JSON but not a Rolecall file")]
    NotRolecall,
    #[error("the file has no valid version number")]
    BadVersion,
    #[error("the file was written by a newer Rolecall (version {found}; this app reads up to {supported})")]
    FutureVersion { found: u64, supported: u64 },
    #[error("{0}")]
    Migration(MigrationError),
    #[error("the file holds no workspace")]
    NoWorkspace,
    #[error("the file still breaks {} rule(s) after repair", .0.len())]
    Invalid(Vec<Problem>),
    /// A share link that could not be read (see [`crate::model::share`]).
    #[error("{0}")]
    Link(crate::model::share::ShareError),
}

/// What was changed to make the input usable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repair {
    /// A field was missing or unreadable and got its default value.
    FieldDefaulted { kind: Kind, item: String, field: String },
    /// An item that was not an object was left out.
    ItemDropped { kind: Kind, index: usize },
    /// Unreadable entries of a list field were left out.
    EntriesDropped { kind: Kind, item: String, field: String, count: usize },
    /// An item had an empty or duplicate id and got a fresh one.
    IdReplaced { kind: Kind, item: String, old: String },
    /// An item had no name and was given one.
    NameGiven { kind: Kind, name: String },
    /// Two items shared a name; the later one was renamed.
    NameChanged { kind: Kind, from: String, to: String },
    /// A number outside its range was brought inside it.
    ValueClamped { kind: Kind, item: String, field: String, from: u64, to: u64 },
    /// A reference to something that does not exist, or a repeated one, was removed.
    ReferenceRemoved { kind: Kind, item: String, target: Kind, id: String },
}

/// A file that can be used, with everything that was done to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub workspace: Workspace,
    /// The version the file was written at (before migration).
    pub from_version: u64,
    pub saved_at: Option<DateTime<Utc>>,
    pub repairs: Vec<Repair>,
}

/// Reads a Rolecall envelope from text. `ids` makes fresh ids for repairs.
pub fn read(text: &str, ids: &mut IdGen) -> Result<Imported, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if nesting_depth_exceeds(text, MAX_DEPTH) {
        return Err(ImportError::TooDeep);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            ImportError::Truncated
        } else {
            ImportError::NotJson { line: e.line(), column: e.column() }
        }
    })?;
    let Value::Object(mut env) = value else { return Err(ImportError::NotRolecall) };
    if env.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotRolecall);
    }
    let version = env.get("version").and_then(Value::as_u64).filter(|v| *v >= 1).ok_or(ImportError::BadVersion)?;
    if version > CURRENT_VERSION {
        return Err(ImportError::FutureVersion { found: version, supported: CURRENT_VERSION });
    }
    let saved_at = env
        .get("saved_at")
        .and_then(Value::as_str)
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map(|d| d.with_timezone(&Utc));
    let workspace = env.remove("workspace").filter(Value::is_object).ok_or(ImportError::NoWorkspace)?;
    let workspace = migrate(workspace, version).map_err(ImportError::Migration)?;
    let (workspace, repairs) = restore_workspace(&workspace, ids);
    let problems = validate(&workspace);
    if !problems.is_empty() {
        return Err(ImportError::Invalid(problems));
    }
    Ok(Imported { workspace, from_version: version, saved_at, repairs })
}

/// Whether brackets nest deeper than `limit`, scanning the text without parsing it, so that a
/// hostile file cannot exhaust the parser's stack.
fn nesting_depth_exceeds(text: &str, limit: usize) -> bool {
    let mut depth = 0usize;
    for (_, b) in super::json::structure(text) {
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

fn label(obj: &Map<String, Value>, index: usize) -> String {
    match obj.get("name").or_else(|| obj.get("title")).and_then(Value::as_str) {
        Some(n) if !n.trim().is_empty() => n.trim().to_owned(),
        _ => format!("#{}", index + 1),
    }
}

/// Restores one object as a `T`: whole if it reads, otherwise field by field, keeping every
/// field (and every entry of a list field) that reads and defaulting the rest.
fn restore<T: Serialize + DeserializeOwned + Default>(
    value: &Value,
    kind: Kind,
    item: &str,
    repairs: &mut Vec<Repair>,
) -> T {
    let Some(obj) = value.as_object() else { return T::default() };
    let Ok(Value::Object(defaults)) = serde_json::to_value(T::default()) else { return T::default() };
    let missing = |repairs: &mut Vec<Repair>, field: &str| {
        repairs.push(Repair::FieldDefaulted { kind, item: item.to_owned(), field: field.to_owned() })
    };
    // One deserialiser (from &Value) for both paths keeps the wasm small; the common case reads
    // the object in place, without copying it.
    let reads = |m: &Map<String, Value>| T::deserialize(&Value::Object(m.clone())).ok();
    if let Ok(whole) = T::deserialize(value) {
        for field in defaults.keys().filter(|k| !obj.contains_key(*k)) {
            missing(repairs, field);
        }
        return whole;
    }
    let mut acc = defaults.clone();
    for field in defaults.keys() {
        let Some(given) = obj.get(field) else {
            missing(repairs, field);
            continue;
        };
        let mut trial = acc.clone();
        trial.insert(field.clone(), given.clone());
        if reads(&trial).is_some() {
            acc = trial;
            continue;
        }
        if let Value::Array(entries) = given {
            let kept: Vec<Value> = entries
                .iter()
                .filter(|e| {
                    let mut one = acc.clone();
                    one.insert(field.clone(), Value::Array(vec![(*e).clone()]));
                    reads(&one).is_some()
                })
                .cloned()
                .collect();
            let count = entries.len() - kept.len();
            acc.insert(field.clone(), Value::Array(kept));
            repairs.push(Repair::EntriesDropped { kind, item: item.to_owned(), field: field.clone(), count });
        } else {
            missing(repairs, field);
        }
    }
    reads(&acc).unwrap_or_default()
}

fn restore_list<T: Serialize + DeserializeOwned + Default>(
    ws: &Map<String, Value>,
    field: &str,
    kind: Kind,
    repairs: &mut Vec<Repair>,
) -> Vec<T> {
    let Some(Value::Array(items)) = ws.get(field) else { return Vec::new() };
    let mut out = Vec::with_capacity(items.len());
    for (index, v) in items.iter().enumerate() {
        match v {
            Value::Object(obj) => out.push(restore(v, kind, &label(obj, index), repairs)),
            _ => repairs.push(Repair::ItemDropped { kind, index }),
        }
    }
    out
}

fn restore_board(value: Option<&Value>, repairs: &mut Vec<Repair>) -> Board {
    let Some(Value::Object(obj)) = value else {
        repairs.push(Repair::FieldDefaulted { kind: Kind::Workspace, item: "workspace".into(), field: "board".into() });
        return Board::default();
    };
    let mut top = obj.clone();
    top.insert("columns".into(), Value::Array(Vec::new()));
    top.insert("tasks".into(), Value::Array(Vec::new()));
    let mut board: Board = restore(&Value::Object(top), Kind::Column, "board", repairs);
    board.columns = restore_list::<Column>(obj, "columns", Kind::Column, repairs);
    board.tasks = restore_list::<Task>(obj, "tasks", Kind::Task, repairs);
    board
}

fn restore_workspace(value: &Value, ids: &mut IdGen) -> (Workspace, Vec<Repair>) {
    let mut repairs = Vec::new();
    let empty = Map::new();
    let obj = value.as_object().unwrap_or(&empty);
    // Top-level fields first (lists are restored item by item below).
    let mut top = obj.clone();
    for list in ["departments", "members", "roles", "skills", "duties", "training", "skill_history", "kpis"] {
        top.insert(list.into(), Value::Array(Vec::new()));
    }
    // Restored on its own below.
    top.insert("board".into(), Value::Object(Map::new()));
    let mut ws: Workspace = restore(&Value::Object(top), Kind::Workspace, "workspace", &mut repairs);
    ws.departments = restore_list(obj, "departments", Kind::Department, &mut repairs);
    ws.members = restore_list(obj, "members", Kind::Member, &mut repairs);
    ws.roles = restore_list(obj, "roles", Kind::Role, &mut repairs);
    ws.skills = restore_list(obj, "skills", Kind::Skill, &mut repairs);
    ws.duties = restore_list(obj, "duties", Kind::Duty, &mut repairs);
    ws.board = restore_board(obj.get("board"), &mut repairs);
    ws.training = restore_list(obj, "training", Kind::Member, &mut repairs);
    ws.skill_history = restore_list(obj, "skill_history", Kind::Member, &mut repairs);
    ws.kpis = restore_list(obj, "kpis", Kind::Workspace, &mut repairs);
    repair(&mut ws, ids, &mut repairs);
    (ws, repairs)
}

/// Makes a restored workspace keep every rule, reporting each change.
pub fn repair(ws: &mut Workspace, ids: &mut IdGen, repairs: &mut Vec<Repair>) {
    fresh_ids(&mut ws.departments, Kind::Department, |d| &mut d.id.0, |d| &d.name, DepartmentId::PREFIX, ids, repairs);
    fresh_ids(&mut ws.members, Kind::Member, |m| &mut m.id.0, |m| &m.name, MemberId::PREFIX, ids, repairs);
    fresh_ids(&mut ws.roles, Kind::Role, |r| &mut r.id.0, |r| &r.name, RoleId::PREFIX, ids, repairs);
    fresh_ids(&mut ws.skills, Kind::Skill, |s| &mut s.id.0, |s| &s.name, SkillId::PREFIX, ids, repairs);
    fresh_ids(&mut ws.duties, Kind::Duty, |d| &mut d.id.0, |d| &d.title, DutyId::PREFIX, ids, repairs);
    unique_names(ws.departments.iter_mut().map(|d| &mut d.name), Kind::Department, repairs);
    unique_names(ws.members.iter_mut().map(|m| &mut m.name), Kind::Member, repairs);
    unique_names(ws.roles.iter_mut().map(|r| &mut r.name), Kind::Role, repairs);
    unique_names(ws.skills.iter_mut().map(|s| &mut s.name), Kind::Skill, repairs);
    unique_names(ws.duties.iter_mut().map(|d| &mut d.title), Kind::Duty, repairs);
    if ws.board.columns.is_empty() {
        ws.board.columns = default_columns();
        repairs.push(Repair::FieldDefaulted { kind: Kind::Workspace, item: "board".into(), field: "columns".into() });
    }
    fresh_ids(&mut ws.board.columns, Kind::Column, |c| &mut c.id.0, |c| &c.name, ColumnId::PREFIX, ids, repairs);
    unique_names(ws.board.columns.iter_mut().map(|c| &mut c.name), Kind::Column, repairs);
    fresh_ids(&mut ws.board.tasks, Kind::Task, |t| &mut t.id.0, |t| &t.title, TaskId::PREFIX, ids, repairs);
    for (i, t) in ws.board.tasks.iter_mut().enumerate() {
        if t.title.trim().is_empty() {
            t.title = format!("{} {}", kind_title(Kind::Task), i + 1);
            repairs.push(Repair::NameGiven { kind: Kind::Task, name: t.title.clone() });
        }
    }
    for c in &mut ws.board.columns {
        if c.wip_limit == Some(0) {
            c.wip_limit = None;
            repairs.push(Repair::ValueClamped { kind: Kind::Column, item: c.name.clone(), field: "wip_limit".into(), from: 0, to: 1 });
        }
    }
    for d in &mut ws.duties {
        d.area = d.area.trim().to_owned();
    }

    let role_ids: Vec<RoleId> = ws.roles.iter().map(|r| r.id.clone()).collect();
    let skill_ids: Vec<SkillId> = ws.skills.iter().map(|s| s.id.clone()).collect();
    let dept_ids: Vec<DepartmentId> = ws.departments.iter().map(|d| d.id.clone()).collect();
    for m in &mut ws.members {
        m.capacity_hours = clamp(repairs, Kind::Member, &m.name, "capacity_hours", m.capacity_hours.into(), MAX_CAPACITY_HOURS.into()) as u32;
        for s in &mut m.skills {
            s.level = clamp(repairs, Kind::Member, &m.name, "level", s.level.into(), MAX_LEVEL.into()) as u8;
        }
    }
    for r in &mut ws.roles {
        r.headcount = clamp(repairs, Kind::Role, &r.name, "headcount", r.headcount.into(), MAX_HEADCOUNT.into()) as u32;
        for s in &mut r.required_skills {
            s.min_level = clamp(repairs, Kind::Role, &r.name, "min_level", s.min_level.into(), MAX_LEVEL.into()) as u8;
        }
    }
    for m in &mut ws.members {
        let name = m.name.clone();
        keep_known(&mut m.roles, |r| r, &role_ids, Kind::Member, &name, Kind::Role, repairs);
        keep_known(&mut m.skills, |s| &s.skill, &skill_ids, Kind::Member, &name, Kind::Skill, repairs);
        if let Some(d) = m.department.as_ref().filter(|d| !dept_ids.contains(d)) {
            repairs.push(Repair::ReferenceRemoved { kind: Kind::Member, item: name.clone(), target: Kind::Department, id: d.to_string() });
            m.department = None;
        }
    }
    for r in &mut ws.roles {
        let name = r.name.clone();
        keep_known(&mut r.required_skills, |s| &s.skill, &skill_ids, Kind::Role, &name, Kind::Skill, repairs);
    }
    let member_ids: Vec<MemberId> = ws.members.iter().map(|m| m.id.clone()).collect();
    let duty_ids: Vec<DutyId> = ws.duties.iter().map(|d| d.id.clone()).collect();
    let column_ids: Vec<ColumnId> = ws.board.columns.iter().map(|c| c.id.clone()).collect();
    for t in &mut ws.board.tasks {
        let title = t.title.clone();
        keep_known(&mut t.assignees, |m| m, &member_ids, Kind::Task, &title, Kind::Member, repairs);
        keep_known(&mut t.required_skills, |s| &s.skill, &skill_ids, Kind::Task, &title, Kind::Skill, repairs);
        for s in &mut t.required_skills {
            s.min_level = clamp(repairs, Kind::Task, &title, "min_level", s.min_level.into(), MAX_LEVEL.into()) as u8;
        }
        if let Some(d) = t.duty.as_ref().filter(|d| !duty_ids.contains(d)) {
            repairs.push(Repair::ReferenceRemoved { kind: Kind::Task, item: title.clone(), target: Kind::Duty, id: d.to_string() });
            t.duty = None;
        }
        if !column_ids.contains(&t.column) {
            repairs.push(Repair::ReferenceRemoved { kind: Kind::Task, item: title.clone(), target: Kind::Column, id: t.column.to_string() });
            t.column = column_ids[0].clone();
        }
        if !(0.0..=1000.0).contains(&t.estimate_hours) {
            let to = t.estimate_hours.clamp(0.0, 1000.0);
            repairs.push(Repair::ValueClamped { kind: Kind::Task, item: title.clone(), field: "estimate_hours".into(), from: t.estimate_hours.max(0.0) as u64, to: to as u64 });
            t.estimate_hours = if t.estimate_hours.is_nan() { 0.0 } else { to };
        }
    }
    // Training and level history about people or skills that no longer exist are dropped.
    let task_ids: Vec<TaskId> = ws.board.tasks.iter().map(|t| t.id.clone()).collect();
    ws.training.retain(|t| {
        let keep = member_ids.contains(&t.member) && skill_ids.contains(&t.skill);
        if !keep {
            let (target, id) = if member_ids.contains(&t.member) { (Kind::Skill, t.skill.to_string()) } else { (Kind::Member, t.member.to_string()) };
            repairs.push(Repair::ReferenceRemoved { kind: Kind::Member, item: t.id.to_string(), target, id });
        }
        keep
    });
    for t in &mut ws.training {
        t.target_level = t.target_level.min(MAX_LEVEL);
        if t.task.as_ref().is_some_and(|id| !task_ids.contains(id)) {
            t.task = None;
        }
        if t.id.as_str().is_empty() {
            t.id = crate::model::TrainingId::generate(ids);
        }
    }
    ws.skill_history.retain(|c| member_ids.contains(&c.member) && skill_ids.contains(&c.skill));
    let mut seen_kpis: Vec<String> = Vec::new();
    for k in &mut ws.kpis {
        if k.id.as_str().is_empty() || seen_kpis.contains(&k.id.0) {
            k.id = crate::model::KpiId::generate(ids);
        }
        seen_kpis.push(k.id.0.clone());
        k.values.retain(|v| v.value.is_finite());
        k.values.sort_by_key(|v| v.period);
        k.values.dedup_by_key(|v| v.period);
    }
    for d in &mut ws.duties {
        let title = d.title.clone();
        // An entry without a letter means nothing; drop it quietly.
        d.roles.retain(|x| x.letter.is_some());
        keep_known(&mut d.roles, |x| &x.role, &role_ids, Kind::Duty, &title, Kind::Role, repairs);
        keep_known(&mut d.members, |x| &x.member, &member_ids, Kind::Duty, &title, Kind::Member, repairs);
    }
}

fn fresh_ids<T>(
    items: &mut [T],
    kind: Kind,
    id: impl Fn(&mut T) -> &mut String,
    name: impl Fn(&T) -> &String,
    prefix: &str,
    ids: &mut IdGen,
    repairs: &mut Vec<Repair>,
) {
    let mut seen: Vec<String> = Vec::with_capacity(items.len());
    for item in items.iter_mut() {
        let label = name(item).clone();
        let current = id(item);
        if current.trim().is_empty() || seen.contains(current) {
            let old = std::mem::replace(current, ids.next_id(prefix));
            repairs.push(Repair::IdReplaced { kind, item: label, old });
        }
        seen.push(id(item).clone());
    }
}

fn unique_names<'a>(names: impl Iterator<Item = &'a mut String>, kind: Kind, repairs: &mut Vec<Repair>) {
    let mut seen: Vec<String> = Vec::new();
    for (i, name) in names.enumerate() {
        if name.trim().is_empty() {
            *name = format!("{} {}", kind_title(kind), i + 1);
            repairs.push(Repair::NameGiven { kind, name: name.clone() });
        }
        *name = name.trim().to_owned();
        if seen.contains(&name_key(name)) {
            let base = name.clone();
            let mut n = 2;
            while seen.contains(&name_key(&format!("{base} ({n})"))) {
                n += 1;
            }
            *name = format!("{base} ({n})");
            repairs.push(Repair::NameChanged { kind, from: base, to: name.clone() });
        }
        seen.push(name_key(name));
    }
}

fn kind_title(kind: Kind) -> &'static str {
    match kind {
        Kind::Member => "Member",
        Kind::Role => "Role",
        Kind::Skill => "Skill",
        Kind::Department => "Department",
        Kind::Workspace => "Workspace",
        Kind::Duty => "Duty",
        Kind::Task => "Task",
        Kind::Column => "Column",
    }
}

#[allow(clippy::too_many_arguments)]
fn keep_known<E, I: PartialEq + ToString + Clone>(
    entries: &mut Vec<E>,
    key: impl Fn(&E) -> &I,
    known: &[I],
    kind: Kind,
    item: &str,
    target: Kind,
    repairs: &mut Vec<Repair>,
) {
    let mut seen: Vec<I> = Vec::new();
    entries.retain(|e| {
        let id = key(e);
        let keep = known.contains(id) && !seen.contains(id);
        if keep {
            seen.push(id.clone());
        } else {
            repairs.push(Repair::ReferenceRemoved { kind, item: item.into(), target, id: id.to_string() });
        }
        keep
    });
}

fn clamp(repairs: &mut Vec<Repair>, kind: Kind, item: &str, field: &str, value: u64, max: u64) -> u64 {
    if value > max {
        repairs.push(Repair::ValueClamped { kind, item: item.into(), field: field.into(), from: value, to: max });
        max
    } else {
        value
    }
}


//! Reading a Rolecall file (or the stored copy): parse → migrate → repair → validate.
//! Never trusts input: each item is restored on its own, missing fields get defaults, duplicate
//! ids get fresh ones, dangling references are removed, and every repair is reported.

use super::board::{default_columns, Board, Column, Task, MAX_STANDARD_HOURS};
use super::dates::{clamp_day, clamp_instant, iso_day};
use super::edit::MAX_HEADCOUNT;
use super::edit::{name_key, validate, Kind, Problem};
use super::ids::{
    CheckInId, ColumnId, DepartmentId, DutyId, EntryId, IdGen, ImprovementId, KpiId, MeetingId, MemberId, MinutesId,
    RecognitionId, RoleId, RoutineId, SkillId, TaskId, TrainingId,
};
use super::keys::{first_of, repeats, KeySet};
use super::kpi::one_per_period;
use super::schema::{migrate, MigrationError, CURRENT_VERSION, FORMAT};
use super::service::MAX_MEETING_MINUTES;
use super::team::{MAX_CAPACITY_HOURS, MAX_LEVEL};
use super::thread::Change;
use super::workspace::Workspace;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::{Map, Value};

/// Files larger than this are refused before they are read.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// JSON nested deeper than this is refused (a Rolecall file needs about 6 levels).
pub const MAX_DEPTH: usize = 64;
/// A list (of members, tasks, a task's history…) longer than this is refused. A team's file
/// stays far below it (the 10 MB limit holds about 7,000 detailed tasks); the cap bounds the
/// work a hostile file can ask for.
pub const MAX_ITEMS: usize = 20_000;
/// The longest id kept; a longer one is replaced like a missing one (generated ids have 17).
pub const MAX_ID_BYTES: usize = 64;
/// The longest name or title kept, in characters; a longer one is shortened and reported.
pub const MAX_NAME_CHARS: usize = 200;
/// How many list entries the field-by-field fallback may try one by one in a whole import. A
/// file past it has its unreadable lists defaulted whole (and reported), so no input can make
/// the fallback slow.
const ENTRY_TRIALS: usize = 100_000;

/// Why a file cannot be used at all. Nothing is changed when one of these comes back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {bytes} bytes, more than the 10 MB limit")]
    TooLarge { bytes: usize },
    #[error("the file is nested more than {MAX_DEPTH} levels deep")]
    TooDeep,
    #[error("a list in the file has more than {MAX_ITEMS} entries")]
    TooManyItems,
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
    /// A name or title longer than [`MAX_NAME_CHARS`] was cut to that length.
    NameShortened { kind: Kind, item: String },
    /// A date outside the years 1970–9999 was moved to the nearest day inside them.
    DateClamped { kind: Kind, item: String, field: String, from: String, to: String },
    /// A reference to something that does not exist, or a repeated one, was removed.
    ReferenceRemoved { kind: Kind, item: String, target: Kind, id: String },
}

/// How many repairs are kept in full; past it they are only counted. A hostile file can need
/// hundreds of thousands, and writing each one out would cost more than the rest of the import.
pub const KEPT_REPAIRS: usize = 1_000;

/// What was repaired: the first [`KEPT_REPAIRS`] repairs in full, and how many there were.
/// Reads as the slice of the repairs kept.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Repairs {
    list: Vec<Repair>,
    /// Every repair made, kept or not.
    pub count: usize,
    /// List entries the fallback has tried one by one so far (see [`ENTRY_TRIALS`]).
    trials: usize,
}

impl Repairs {
    /// Whether the fallback may try `n` more entries one by one.
    fn may_try(&mut self, n: usize) -> bool {
        self.trials += n;
        self.trials <= ENTRY_TRIALS
    }

    /// Records a repair; `make` runs only while the repair is still kept in full.
    pub fn note(&mut self, make: impl FnOnce() -> Repair) {
        self.count += 1;
        if self.list.len() < KEPT_REPAIRS {
            self.list.push(make());
        }
    }
}

impl std::ops::Deref for Repairs {
    type Target = [Repair];
    fn deref(&self) -> &[Repair] {
        &self.list
    }
}

impl PartialEq<Vec<Repair>> for Repairs {
    fn eq(&self, other: &Vec<Repair>) -> bool {
        self.count == other.len() && self.list == *other
    }
}

/// A file that can be used, with everything that was done to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub workspace: Workspace,
    /// The version the file was written at (before migration).
    pub from_version: u64,
    pub saved_at: Option<DateTime<Utc>>,
    pub repairs: Repairs,
    /// The team sync document the file was exported with (base64url), if it was synced: a
    /// merge then takes it change by change.
    pub sync_doc: Option<String>,
    /// The room that document belongs to.
    pub sync_room: Option<String>,
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
    check_shape(text)?;
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
    let saved_at = env.get("saved_at").and_then(Value::as_str).and_then(super::dates::parse_instant).map(clamp_instant);
    let workspace = env.remove("workspace").filter(Value::is_object).ok_or(ImportError::NoWorkspace)?;
    let sync = |k: &str| env.get("teamSync").and_then(|s| s.get(k)).and_then(Value::as_str).map(str::to_owned);
    let (sync_doc, sync_room) = (sync("doc"), sync("room"));
    let workspace = migrate(workspace, version).map_err(ImportError::Migration)?;
    let (workspace, repairs) = restore_workspace(workspace, ids);
    let problems = validate(&workspace);
    if !problems.is_empty() {
        return Err(ImportError::Invalid(problems));
    }
    Ok(Imported { workspace, from_version: version, saved_at, repairs, sync_doc, sync_room })
}

/// Refuses text whose brackets nest deeper than [`MAX_DEPTH`] or whose arrays hold more than
/// [`MAX_ITEMS`] entries, scanning it once without parsing, so that a hostile file can neither
/// exhaust the parser's stack nor ask for unbounded work later. (Long texts are fine: ids and
/// names, the only texts copied into other places, are cut to length by the repair.)
fn check_shape(text: &str) -> Result<(), ImportError> {
    // For each open bracket: whether it is an array, and the commas seen directly inside it.
    let mut open: Vec<(bool, usize)> = Vec::new();
    for (_, b) in super::json::structure(text) {
        match b {
            b'[' | b'{' => {
                open.push((b == b'[', 0));
                if open.len() > MAX_DEPTH {
                    return Err(ImportError::TooDeep);
                }
            }
            b']' | b'}' => {
                open.pop();
            }
            b',' => match open.last_mut() {
                // n commas separate n + 1 entries.
                Some((true, n)) if *n + 1 >= MAX_ITEMS => return Err(ImportError::TooManyItems),
                Some((_, n)) => *n += 1,
                None => {}
            },
            _ => {}
        }
    }
    Ok(())
}

/// `text`, cut to 80 characters for a repair's message.
fn shortened(text: &str) -> String {
    match text.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

fn label(obj: &Map<String, Value>, index: usize) -> String {
    match obj.get("name").or_else(|| obj.get("title")).and_then(Value::as_str) {
        Some(n) if !n.trim().is_empty() => shortened(n.trim()),
        _ => format!("#{}", index + 1),
    }
}

/// The fields of `T` with their default values, as JSON.
fn default_fields<T: Serialize + Default>() -> Map<String, Value> {
    match super::json::value_of(&T::default()) {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// Restores one object as a `T`: whole if it reads (the common case, straight from the parsed
/// value), otherwise field by field, keeping every field (and every entry of a list field) that
/// reads and defaulting the rest. Each field and entry is tried on its own against the defaults,
/// so the cost is linear in the object's size.
fn restore<T: DeserializeOwned + Default>(
    value: &Value,
    defaults: &Map<String, Value>,
    kind: Kind,
    item: &str,
    repairs: &mut Repairs,
) -> T {
    if !value.is_object() {
        return T::default();
    }
    // One deserialiser (from &Value) for every path keeps the wasm small; the repair itself is
    // not generic (one copy in the wasm, not one per type).
    if let Ok(whole) = T::deserialize(value) {
        note_missing(value, defaults, kind, item, repairs);
        return whole;
    }
    let acc = readable_fields(value, defaults, kind, item, repairs, &|v| T::deserialize(v).is_ok());
    T::deserialize(&acc).unwrap_or_default()
}

/// Reports each field of `defaults` that `value` lacks.
fn note_missing(value: &Value, defaults: &Map<String, Value>, kind: Kind, item: &str, repairs: &mut Repairs) {
    let Some(obj) = value.as_object() else { return };
    for field in defaults.keys().filter(|k| !obj.contains_key(*k)) {
        repairs.note(|| Repair::FieldDefaulted { kind, item: item.to_owned(), field: field.to_owned() });
    }
}

/// The fields of an object that does not read as a whole, kept where they read (`reads` says
/// whether a value reads as the type): each field alone, a list's entries one by one.
fn readable_fields(
    value: &Value,
    defaults: &Map<String, Value>,
    kind: Kind,
    item: &str,
    repairs: &mut Repairs,
    reads: &dyn Fn(&Value) -> bool,
) -> Value {
    let empty = Map::new();
    let obj = value.as_object().unwrap_or(&empty);
    let missing = |repairs: &mut Repairs, field: &str| {
        repairs.note(|| Repair::FieldDefaulted { kind, item: item.to_owned(), field: field.to_owned() })
    };
    // Every type here fills a missing field with its default, so a field reads alone, in an
    // object of its own; fields read independently, so the fields that read alone read together.
    let reads_alone = |field: &str, value: Value| {
        let mut alone = Map::new();
        alone.insert(field.to_owned(), value);
        reads(&Value::Object(alone))
    };
    let mut acc = Map::new();
    for field in defaults.keys() {
        let Some(given) = obj.get(field) else {
            missing(repairs, field);
            continue;
        };
        if reads_alone(field, given.clone()) {
            acc.insert(field.clone(), given.clone());
            continue;
        }
        // A list keeps the entries that read; anything else that does not read is defaulted.
        let kept = match given {
            Value::Array(entries) if defaults[field].is_array() && repairs.may_try(entries.len()) => {
                let kept: Vec<Value> =
                    entries.iter().filter(|e| reads_alone(field, Value::Array(vec![(*e).clone()]))).cloned().collect();
                let count = entries.len() - kept.len();
                Some((Value::Array(kept), count)).filter(|(kept, _)| reads_alone(field, kept.clone()))
            }
            _ => None,
        };
        match kept {
            Some((kept, count)) => {
                acc.insert(field.clone(), kept);
                repairs.note(|| Repair::EntriesDropped { kind, item: item.to_owned(), field: field.clone(), count });
            }
            None => missing(repairs, field),
        }
    }
    Value::Object(acc)
}

/// Restores the list `field` of `obj` item by item. A list that is missing, or is not a list,
/// is reported and restored as empty.
fn restore_list<T: Serialize + DeserializeOwned + Default>(
    obj: &mut Map<String, Value>,
    field: &str,
    kind: Kind,
    parent: (Kind, &str),
    repairs: &mut Repairs,
) -> Vec<T> {
    let items = match obj.remove(field) {
        Some(Value::Array(items)) => items,
        _ => {
            repairs.note(|| Repair::FieldDefaulted {
                kind: parent.0,
                item: parent.1.to_owned(),
                field: field.to_owned(),
            });
            return Vec::new();
        }
    };
    let defaults = default_fields::<T>();
    let mut out = Vec::with_capacity(items.len());
    for (index, v) in items.into_iter().enumerate() {
        match v.as_object() {
            Some(obj) => out.push(restore(&v, &defaults, kind, &label(obj, index), repairs)),
            None => repairs.note(|| Repair::ItemDropped { kind, index }),
        }
    }
    out
}

fn restore_board(value: Option<Value>, repairs: &mut Repairs) -> Board {
    let Some(Value::Object(mut obj)) = value else {
        repairs.note(|| Repair::FieldDefaulted {
            kind: Kind::Workspace,
            item: "workspace".into(),
            field: "board".into(),
        });
        return Board::default();
    };
    let columns = restore_list::<Column>(&mut obj, "columns", Kind::Column, (Kind::Workspace, "board"), repairs);
    let tasks = restore_list::<Task>(&mut obj, "tasks", Kind::Task, (Kind::Workspace, "board"), repairs);
    let mut defaults = default_fields::<Board>();
    for list in ["columns", "tasks"] {
        defaults.remove(list);
    }
    let mut board: Board = restore(&Value::Object(obj), &defaults, Kind::Workspace, "board", repairs);
    board.columns = columns;
    board.tasks = tasks;
    board
}

/// The lists of a workspace, restored item by item.
const LISTS: [&str; 15] = [
    "departments",
    "members",
    "roles",
    "skills",
    "duties",
    "training",
    "skill_history",
    "kpis",
    "meetings",
    "minutes",
    "improvements",
    "routines",
    "checkins",
    "recognitions",
    "thread",
];

fn restore_workspace(value: Value, ids: &mut IdGen) -> (Workspace, Repairs) {
    let mut repairs = Repairs::default();
    let Value::Object(mut obj) = value else { return (Workspace::default(), repairs) };
    let top = (Kind::Workspace, "workspace");
    let departments = restore_list(&mut obj, "departments", Kind::Department, top, &mut repairs);
    let members = restore_list(&mut obj, "members", Kind::Member, top, &mut repairs);
    let roles = restore_list(&mut obj, "roles", Kind::Role, top, &mut repairs);
    let skills = restore_list(&mut obj, "skills", Kind::Skill, top, &mut repairs);
    let duties = restore_list(&mut obj, "duties", Kind::Duty, top, &mut repairs);
    let training = restore_list(&mut obj, "training", Kind::Training, top, &mut repairs);
    let skill_history = restore_list(&mut obj, "skill_history", Kind::Member, top, &mut repairs);
    let kpis = restore_list(&mut obj, "kpis", Kind::Kpi, top, &mut repairs);
    let meetings = restore_list(&mut obj, "meetings", Kind::Meeting, top, &mut repairs);
    let minutes = restore_list(&mut obj, "minutes", Kind::Meeting, top, &mut repairs);
    let improvements = restore_list(&mut obj, "improvements", Kind::Improvement, top, &mut repairs);
    let routines = restore_list(&mut obj, "routines", Kind::Routine, top, &mut repairs);
    let checkins = restore_list(&mut obj, "checkins", Kind::Note, top, &mut repairs);
    let recognitions = restore_list(&mut obj, "recognitions", Kind::Note, top, &mut repairs);
    let thread = restore_list(&mut obj, "thread", Kind::Note, top, &mut repairs);
    let board = restore_board(obj.remove("board"), &mut repairs);
    // The remaining top-level fields (name, purpose, goals, thresholds…).
    let mut defaults = default_fields::<Workspace>();
    for list in LISTS.into_iter().chain(["board"]) {
        defaults.remove(list);
    }
    let mut ws: Workspace = restore(&Value::Object(obj), &defaults, Kind::Workspace, "workspace", &mut repairs);
    ws.departments = departments;
    ws.members = members;
    ws.roles = roles;
    ws.skills = skills;
    ws.duties = duties;
    ws.training = training;
    ws.skill_history = skill_history;
    ws.kpis = kpis;
    ws.meetings = meetings;
    ws.minutes = minutes;
    ws.improvements = improvements;
    ws.routines = routines;
    ws.checkins = checkins;
    ws.recognitions = recognitions;
    ws.thread = thread;
    ws.board = board;
    repair(&mut ws, ids, &mut repairs);
    (ws, repairs)
}

/// Makes a restored workspace keep every rule, reporting each change. O(n log n) at worst: every
/// look-up is a sorted set (model/keys.rs).
pub fn repair(ws: &mut Workspace, ids: &mut IdGen, repairs: &mut Repairs) {
    fresh_ids(
        ws.departments.iter_mut().map(|x| (&mut x.id.0, &x.name)).collect(),
        Kind::Department,
        DepartmentId::PREFIX,
        ids,
        repairs,
    );
    fresh_ids(
        ws.members.iter_mut().map(|x| (&mut x.id.0, &x.name)).collect(),
        Kind::Member,
        MemberId::PREFIX,
        ids,
        repairs,
    );
    fresh_ids(ws.roles.iter_mut().map(|x| (&mut x.id.0, &x.name)).collect(), Kind::Role, RoleId::PREFIX, ids, repairs);
    fresh_ids(
        ws.skills.iter_mut().map(|x| (&mut x.id.0, &x.name)).collect(),
        Kind::Skill,
        SkillId::PREFIX,
        ids,
        repairs,
    );
    fresh_ids(
        ws.duties.iter_mut().map(|x| (&mut x.id.0, &x.title)).collect(),
        Kind::Duty,
        DutyId::PREFIX,
        ids,
        repairs,
    );
    unique_names(ws.departments.iter_mut().map(|d| &mut d.name).collect(), Kind::Department, repairs);
    unique_names(ws.members.iter_mut().map(|m| &mut m.name).collect(), Kind::Member, repairs);
    unique_names(ws.roles.iter_mut().map(|r| &mut r.name).collect(), Kind::Role, repairs);
    unique_names(ws.skills.iter_mut().map(|s| &mut s.name).collect(), Kind::Skill, repairs);
    unique_names(ws.duties.iter_mut().map(|d| &mut d.title).collect(), Kind::Duty, repairs);
    if ws.board.columns.is_empty() {
        ws.board.columns = default_columns();
        repairs.note(|| Repair::FieldDefaulted {
            kind: Kind::Workspace,
            item: "board".into(),
            field: "columns".into(),
        });
    }
    fresh_ids(
        ws.board.columns.iter_mut().map(|x| (&mut x.id.0, &x.name)).collect(),
        Kind::Column,
        ColumnId::PREFIX,
        ids,
        repairs,
    );
    unique_names(ws.board.columns.iter_mut().map(|c| &mut c.name).collect(), Kind::Column, repairs);
    fresh_ids(
        ws.board.tasks.iter_mut().map(|x| (&mut x.id.0, &x.title)).collect(),
        Kind::Task,
        TaskId::PREFIX,
        ids,
        repairs,
    );
    for (i, t) in ws.board.tasks.iter_mut().enumerate() {
        if t.title.trim().is_empty() {
            t.title = format!("{} {}", kind_title(Kind::Task), i + 1);
            repairs.note(|| Repair::NameGiven { kind: Kind::Task, name: t.title.clone() });
        }
        cut_name(&mut t.title, Kind::Task, repairs);
    }
    for c in &mut ws.board.columns {
        if c.wip_limit == Some(0) {
            c.wip_limit = None;
            repairs.note(|| Repair::FieldDefaulted {
                kind: Kind::Column,
                item: c.name.clone(),
                field: "wip_limit".into(),
            });
        }
    }
    for (p, s) in ws.board.standards.iter_mut().enumerate() {
        let item = format!("P{}", p + 1);
        for (field, hours) in
            [("first_response_hours", &mut s.first_response_hours), ("resolution_hours", &mut s.resolution_hours)]
        {
            let to = (*hours).clamp(1, MAX_STANDARD_HOURS);
            if to != *hours {
                repairs.note(|| Repair::ValueClamped {
                    kind: Kind::Workspace,
                    item: item.clone(),
                    field: field.into(),
                    from: (*hours).into(),
                    to: to.into(),
                });
                *hours = to;
            }
        }
    }
    for d in &mut ws.duties {
        d.area = d.area.trim().to_owned();
    }

    // Owned: the roles themselves are changed below while their ids are looked up.
    let role_list: Vec<String> = ws.roles.iter().map(|r| r.id.0.clone()).collect();
    let role_ids = KeySet::new(role_list.iter().map(String::as_str));
    let skill_ids = KeySet::new(ws.skills.iter().map(|s| s.id.as_str()));
    let dept_ids = KeySet::new(ws.departments.iter().map(|d| d.id.as_str()));
    for m in &mut ws.members {
        m.capacity_hours =
            clamp(repairs, Kind::Member, &m.name, "capacity_hours", m.capacity_hours.into(), MAX_CAPACITY_HOURS.into())
                as u32;
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
        if let Some(d) = m.department.as_ref().filter(|d| !dept_ids.contains(d.as_str())) {
            repairs.note(|| Repair::ReferenceRemoved {
                kind: Kind::Member,
                item: name.clone(),
                target: Kind::Department,
                id: shortened(d.as_str()),
            });
            m.department = None;
        }
    }
    for r in &mut ws.roles {
        let name = r.name.clone();
        keep_known(&mut r.required_skills, |s| &s.skill, &skill_ids, Kind::Role, &name, Kind::Skill, repairs);
    }
    let member_ids = KeySet::new(ws.members.iter().map(|m| m.id.as_str()));
    let duty_ids = KeySet::new(ws.duties.iter().map(|d| d.id.as_str()));
    let column_ids = KeySet::new(ws.board.columns.iter().map(|c| c.id.as_str()));
    let first_column = ws.board.columns[0].id.clone();
    for t in &mut ws.board.tasks {
        let title = t.title.clone();
        keep_known(&mut t.assignees, |m| m, &member_ids, Kind::Task, &title, Kind::Member, repairs);
        keep_known(&mut t.required_skills, |s| &s.skill, &skill_ids, Kind::Task, &title, Kind::Skill, repairs);
        for s in &mut t.required_skills {
            s.min_level = clamp(repairs, Kind::Task, &title, "min_level", s.min_level.into(), MAX_LEVEL.into()) as u8;
        }
        if let Some(d) = t.duty.as_ref().filter(|d| !duty_ids.contains(d.as_str())) {
            repairs.note(|| Repair::ReferenceRemoved {
                kind: Kind::Task,
                item: title.clone(),
                target: Kind::Duty,
                id: shortened(d.as_str()),
            });
            t.duty = None;
        }
        if !column_ids.contains(t.column.as_str()) {
            repairs.note(|| Repair::ReferenceRemoved {
                kind: Kind::Task,
                item: title.clone(),
                target: Kind::Column,
                id: shortened(t.column.as_str()),
            });
            t.column = first_column.clone();
        }
        if !(0.0..=1000.0).contains(&t.estimate_hours) {
            let to = if t.estimate_hours.is_nan() { 0.0 } else { t.estimate_hours.clamp(0.0, 1000.0) };
            repairs.note(|| Repair::ValueClamped {
                kind: Kind::Task,
                item: title.clone(),
                field: "estimate_hours".into(),
                from: t.estimate_hours.max(0.0) as u64,
                to: to as u64,
            });
            t.estimate_hours = to;
        }
        let mut dates = Dates { kind: Kind::Task, item: &title, repairs };
        dates.instant("created_at", &mut t.created_at);
        dates.instant("updated_at", &mut t.updated_at);
        dates.maybe_instant("service_due", &mut t.service_due);
        dates.maybe_instant("responded_at", &mut t.responded_at);
        dates.maybe_instant("completed_at", &mut t.completed_at);
        dates.maybe_day("due", &mut t.due);
        for m in &mut t.history {
            dates.instant("history", &mut m.at);
        }
    }
    // Training and level history about people or skills that no longer exist are dropped.
    let task_ids = KeySet::new(ws.board.tasks.iter().map(|t| t.id.as_str()));
    ws.training.retain(|t| {
        let keep = member_ids.contains(t.member.as_str()) && skill_ids.contains(t.skill.as_str());
        if !keep {
            let (target, id) = if member_ids.contains(t.member.as_str()) {
                (Kind::Skill, shortened(t.skill.as_str()))
            } else {
                (Kind::Member, shortened(t.member.as_str()))
            };
            repairs.note(|| Repair::ReferenceRemoved {
                kind: Kind::Training,
                item: shortened(t.id.as_str()),
                target,
                id,
            });
        }
        keep
    });
    fresh_ids(
        ws.training.iter_mut().map(|x| (&mut x.id.0, &x.member.0)).collect(),
        Kind::Training,
        TrainingId::PREFIX,
        ids,
        repairs,
    );
    for t in &mut ws.training {
        let item = t.id.to_string();
        t.target_level =
            clamp(repairs, Kind::Training, &item, "target_level", t.target_level.into(), MAX_LEVEL.into()) as u8;
        if let Some(task) = t.task.as_ref().filter(|id| !task_ids.contains(id.as_str())) {
            repairs.note(|| Repair::ReferenceRemoved {
                kind: Kind::Training,
                item: item.clone(),
                target: Kind::Task,
                id: shortened(task.as_str()),
            });
            t.task = None;
        }
        Dates { kind: Kind::Training, item: &item, repairs }.maybe_day("due", &mut t.due);
    }
    let before = ws.skill_history.len();
    ws.skill_history.retain(|c| member_ids.contains(c.member.as_str()) && skill_ids.contains(c.skill.as_str()));
    if ws.skill_history.len() < before {
        repairs.note(|| Repair::EntriesDropped {
            kind: Kind::Workspace,
            item: "workspace".into(),
            field: "skill_history".into(),
            count: before - ws.skill_history.len(),
        });
    }
    for c in &mut ws.skill_history {
        let item = c.member.to_string();
        c.from = clamp(repairs, Kind::Member, &item, "level", c.from.into(), MAX_LEVEL.into()) as u8;
        c.to = clamp(repairs, Kind::Member, &item, "level", c.to.into(), MAX_LEVEL.into()) as u8;
        Dates { kind: Kind::Member, item: &item, repairs }.instant("skill_history", &mut c.at);
    }
    fresh_ids(ws.kpis.iter_mut().map(|x| (&mut x.id.0, &x.name)).collect(), Kind::Kpi, KpiId::PREFIX, ids, repairs);
    unique_names(ws.kpis.iter_mut().map(|k| &mut k.name).collect(), Kind::Kpi, repairs);
    for k in &mut ws.kpis {
        let mut dates = Dates { kind: Kind::Kpi, item: &k.name, repairs };
        for v in &mut k.values {
            dates.day("values", &mut v.period);
        }
        let before = k.values.len();
        k.values.retain(|v| v.value.is_finite());
        // One value per period: the last one listed for it is kept.
        let dropped = before - k.values.len() + one_per_period(&mut k.values);
        if dropped > 0 {
            repairs.note(|| Repair::EntriesDropped {
                kind: Kind::Kpi,
                item: k.name.clone(),
                field: "values".into(),
                count: dropped,
            });
        }
    }
    for d in &mut ws.duties {
        let title = d.title.clone();
        // An entry without a letter means nothing; drop it quietly.
        d.roles.retain(|x| x.letter.is_some());
        keep_known(&mut d.roles, |x| &x.role, &role_ids, Kind::Duty, &title, Kind::Role, repairs);
        keep_known(&mut d.members, |x| &x.member, &member_ids, Kind::Duty, &title, Kind::Member, repairs);
    }
    repair_service(ws, ids, repairs);
}

fn set(l: &[String]) -> KeySet<'_> {
    KeySet::new(l.iter().map(String::as_str))
}

/// Keeps a reference only when it names something known; reports one that does not.
fn known_or_none<I: AsRef<str>>(
    r: &mut Option<I>,
    known: &KeySet,
    kind: Kind,
    item: &str,
    target: Kind,
    repairs: &mut Repairs,
) {
    if let Some(id) = r.as_ref().filter(|id| !known.contains(id.as_ref())) {
        repairs.note(|| Repair::ReferenceRemoved { kind, item: item.into(), target, id: shortened(id.as_ref()) });
        *r = None;
    }
}

/// Drops the items that belong to something gone (a note about a removed member), reporting each.
/// An item whose `owner` is `None` belongs to nothing and stays.
fn keep_owned<T>(
    items: &mut Vec<T>,
    owner: impl Fn(&T) -> Option<&str>,
    known: &KeySet,
    kind: Kind,
    target: Kind,
    repairs: &mut Repairs,
) {
    items.retain(|x| match owner(x) {
        Some(id) if !known.contains(id) => {
            repairs.note(|| Repair::ReferenceRemoved {
                kind,
                item: kind_title(kind).into(),
                target,
                id: shortened(id),
            });
            false
        }
        _ => true,
    });
}

/// Repairs what version 5 added: meetings and minutes, improvements, routines, check-ins and
/// recognition.
fn repair_service(ws: &mut Workspace, ids: &mut IdGen, repairs: &mut Repairs) {
    let list = |keys: Vec<&str>| keys.into_iter().map(str::to_owned).collect::<Vec<String>>();
    let member_list = list(ws.members.iter().map(|x| x.id.as_str()).collect());
    let role_list = list(ws.roles.iter().map(|x| x.id.as_str()).collect());
    let duty_list = list(ws.duties.iter().map(|x| x.id.as_str()).collect());
    let task_list = list(ws.board.tasks.iter().map(|x| x.id.as_str()).collect());
    let kpi_list = list(ws.kpis.iter().map(|x| x.id.as_str()).collect());
    let (members, roles, duties, tasks) = (&set(&member_list), &set(&role_list), &set(&duty_list), &set(&task_list));
    fresh_ids(
        ws.meetings.iter_mut().map(|x| (&mut x.id.0, &x.name)).collect(),
        Kind::Meeting,
        MeetingId::PREFIX,
        ids,
        repairs,
    );
    unique_names(ws.meetings.iter_mut().map(|m| &mut m.name).collect(), Kind::Meeting, repairs);
    for m in &mut ws.meetings {
        keep_known(&mut m.roles, |r| r, roles, Kind::Meeting, &m.name, Kind::Role, repairs);
        m.duration_minutes = clamp(
            repairs,
            Kind::Meeting,
            &m.name,
            "duration_minutes",
            m.duration_minutes.into(),
            MAX_MEETING_MINUTES.into(),
        ) as u32;
    }
    let meeting_list = list(ws.meetings.iter().map(|x| x.id.as_str()).collect());
    let meeting_ids = set(&meeting_list);
    keep_owned(&mut ws.minutes, |m| Some(m.meeting.as_str()), &meeting_ids, Kind::Meeting, Kind::Meeting, repairs);
    fresh_ids(
        ws.minutes.iter_mut().map(|x| (&mut x.id.0, &x.meeting.0)).collect(),
        Kind::Meeting,
        MinutesId::PREFIX,
        ids,
        repairs,
    );
    for m in &mut ws.minutes {
        Dates { kind: Kind::Meeting, item: m.id.as_str(), repairs }.day("date", &mut m.date);
    }
    let kpi_ids = set(&kpi_list);
    fresh_ids(
        ws.improvements.iter_mut().map(|x| (&mut x.id.0, &x.problem)).collect(),
        Kind::Improvement,
        ImprovementId::PREFIX,
        ids,
        repairs,
    );
    for x in &mut ws.improvements {
        let item = shortened(&x.problem);
        cut_name(&mut x.problem, Kind::Improvement, repairs);
        known_or_none(&mut x.owner, members, Kind::Improvement, &item, Kind::Member, repairs);
        known_or_none(&mut x.kpi, &kpi_ids, Kind::Improvement, &item, Kind::Kpi, repairs);
        keep_known(&mut x.tasks, |t| t, tasks, Kind::Improvement, &item, Kind::Task, repairs);
        for v in [&mut x.before, &mut x.after] {
            if v.is_some_and(|v| !v.is_finite()) {
                *v = None;
                repairs.note(|| Repair::FieldDefaulted {
                    kind: Kind::Improvement,
                    item: item.clone(),
                    field: "value".into(),
                });
            }
        }
        let mut dates = Dates { kind: Kind::Improvement, item: &item, repairs };
        dates.day("opened", &mut x.opened);
        dates.maybe_day("due", &mut x.due);
        dates.maybe_day("closed", &mut x.closed);
    }
    fresh_ids(
        ws.routines.iter_mut().map(|x| (&mut x.id.0, &x.title)).collect(),
        Kind::Routine,
        RoutineId::PREFIX,
        ids,
        repairs,
    );
    for (i, r) in ws.routines.iter_mut().enumerate() {
        if r.title.trim().is_empty() {
            r.title = format!("{} {}", kind_title(Kind::Routine), i + 1);
            repairs.note(|| Repair::NameGiven { kind: Kind::Routine, name: r.title.clone() });
        }
        cut_name(&mut r.title, Kind::Routine, repairs);
        let item = r.title.clone();
        keep_known(&mut r.assignees, |m| m, members, Kind::Routine, &item, Kind::Member, repairs);
        known_or_none(&mut r.duty, duties, Kind::Routine, &item, Kind::Duty, repairs);
        known_or_none(&mut r.last_task, tasks, Kind::Routine, &item, Kind::Task, repairs);
        let before = r.weekdays.len();
        r.weekdays.retain(|d| (1..=7).contains(d));
        r.weekdays.sort_unstable();
        r.weekdays.dedup();
        if r.weekdays.len() < before {
            repairs.note(|| Repair::EntriesDropped {
                kind: Kind::Routine,
                item: item.clone(),
                field: "weekdays".into(),
                count: before - r.weekdays.len(),
            });
        }
        r.month_day = clamp(repairs, Kind::Routine, &item, "month_day", r.month_day.into(), 31).max(1) as u8;
        if !(0.0..=1000.0).contains(&r.estimate_hours) {
            r.estimate_hours = if r.estimate_hours.is_nan() { 0.0 } else { r.estimate_hours.clamp(0.0, 1000.0) };
            repairs.note(|| Repair::FieldDefaulted {
                kind: Kind::Routine,
                item: item.clone(),
                field: "estimate_hours".into(),
            });
        }
        let mut dates = Dates { kind: Kind::Routine, item: &item, repairs };
        dates.day("next", &mut r.next);
        dates.maybe_day("last_day", &mut r.last_day);
    }
    keep_owned(&mut ws.checkins, |c| Some(c.member.as_str()), members, Kind::Note, Kind::Member, repairs);
    fresh_ids(
        ws.checkins.iter_mut().map(|x| (&mut x.id.0, &x.member.0)).collect(),
        Kind::Note,
        CheckInId::PREFIX,
        ids,
        repairs,
    );
    for c in &mut ws.checkins {
        Dates { kind: Kind::Note, item: c.id.as_str(), repairs }.day("date", &mut c.date);
    }
    keep_owned(&mut ws.recognitions, |c| Some(c.member.as_str()), members, Kind::Note, Kind::Member, repairs);
    fresh_ids(
        ws.recognitions.iter_mut().map(|x| (&mut x.id.0, &x.member.0)).collect(),
        Kind::Note,
        RecognitionId::PREFIX,
        ids,
        repairs,
    );
    for r in &mut ws.recognitions {
        let item = r.id.to_string();
        known_or_none(&mut r.from, members, Kind::Note, &item, Kind::Member, repairs);
        Dates { kind: Kind::Note, item: &item, repairs }.day("date", &mut r.date);
    }
    // The tasks' threads (version 6): an entry of a task gone, or recording a change for a
    // member gone, goes; an author gone becomes nobody.
    keep_owned(&mut ws.thread, |e| Some(e.task.as_str()), tasks, Kind::Note, Kind::Task, repairs);
    keep_owned(
        &mut ws.thread,
        |e| e.change.as_ref().and_then(Change::member).map(MemberId::as_str),
        members,
        Kind::Note,
        Kind::Member,
        repairs,
    );
    fresh_ids(
        ws.thread.iter_mut().map(|x| (&mut x.id.0, &x.task.0)).collect(),
        Kind::Note,
        EntryId::PREFIX,
        ids,
        repairs,
    );
    for e in &mut ws.thread {
        let item = e.id.to_string();
        known_or_none(&mut e.author, members, Kind::Note, &item, Kind::Member, repairs);
        Dates { kind: Kind::Note, item: &item, repairs }.instant("at", &mut e.at);
    }
}

/// Moves an item's dates into the years 1970–9999, reporting each one moved.
struct Dates<'a> {
    kind: Kind,
    item: &'a str,
    repairs: &'a mut Repairs,
}

impl Dates<'_> {
    fn moved(&mut self, field: &str, from: String, to: String) {
        self.repairs.note(|| Repair::DateClamped {
            kind: self.kind,
            item: self.item.to_owned(),
            field: field.to_owned(),
            from,
            to,
        });
    }

    fn instant(&mut self, field: &str, t: &mut DateTime<Utc>) {
        let to = clamp_instant(*t);
        if to != *t {
            self.moved(field, iso_day(t.date_naive()), iso_day(to.date_naive()));
            *t = to;
        }
    }

    fn maybe_instant(&mut self, field: &str, t: &mut Option<DateTime<Utc>>) {
        if let Some(t) = t {
            self.instant(field, t);
        }
    }

    fn day(&mut self, field: &str, d: &mut NaiveDate) {
        let to = clamp_day(*d);
        if to != *d {
            self.moved(field, iso_day(*d), iso_day(to));
            *d = to;
        }
    }

    fn maybe_day(&mut self, field: &str, d: &mut Option<NaiveDate>) {
        if let Some(d) = d {
            self.day(field, d);
        }
    }
}

/// Gives a fresh id to every item whose id is empty or repeats an earlier one. `items` are
/// (id, label) pairs; not generic, so the wasm holds it once.
fn fresh_ids(items: Vec<(&mut String, &String)>, kind: Kind, prefix: &str, ids: &mut IdGen, repairs: &mut Repairs) {
    let again = repeats(&items.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>());
    for ((id, label), again) in items.into_iter().zip(again) {
        if id.trim().is_empty() || id.len() > MAX_ID_BYTES || again {
            let old = std::mem::replace(id, ids.next_id(prefix));
            repairs.note(|| Repair::IdReplaced { kind, item: shortened(label), old: shortened(&old) });
        }
    }
}

/// Cuts a name or title longer than [`MAX_NAME_CHARS`] to that length, reporting it.
fn cut_name(name: &mut String, kind: Kind, repairs: &mut Repairs) {
    if name.chars().count() > MAX_NAME_CHARS {
        *name = name.chars().take(MAX_NAME_CHARS).collect();
        repairs.note(|| Repair::NameShortened { kind, item: shortened(name) });
    }
}

/// Gives every unnamed item a name and renames later copies of a name. Not generic, so the wasm
/// holds it once.
fn unique_names(mut names: Vec<&mut String>, kind: Kind, repairs: &mut Repairs) {
    for (i, name) in names.iter_mut().enumerate() {
        if name.trim().is_empty() {
            **name = format!("{} {}", kind_title(kind), i + 1);
            repairs.note(|| Repair::NameGiven { kind, name: name.to_string() });
        }
        **name = name.trim().to_owned();
        cut_name(name, kind, repairs);
    }
    let keys: Vec<String> = names.iter().map(|n| name_key(n)).collect();
    let key_refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    let first = first_of(&key_refs);
    let taken = KeySet::new(key_refs.iter().copied());
    // A later copy of a name becomes "name (n)": n counts up per name, skipping names already
    // taken, so many copies of one name are numbered in one pass. Names made this way cannot
    // meet each other: the last " (n)" tells which name each came from. A name is cut to leave
    // room for the suffix within MAX_NAME_CHARS (two copies of names alike in their first 189
    // characters could then meet; validation refuses that file rather than keep both).
    let mut next = vec![2usize; names.len()];
    for i in 0..names.len() {
        if first[i] == i {
            continue;
        }
        let base: String = names[i].chars().take(MAX_NAME_CHARS - 11).collect();
        let mut n = next[first[i]];
        while taken.contains(&name_key(&format!("{base} ({n})"))) {
            n += 1;
        }
        next[first[i]] = n + 1;
        let from = std::mem::replace(&mut *names[i], format!("{base} ({n})"));
        repairs.note(|| Repair::NameChanged { kind, from: shortened(&from), to: shortened(names[i]) });
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
        Kind::Kpi => "KPI",
        Kind::Training => "Training item",
        Kind::Meeting => "Meeting",
        Kind::Improvement => "Improvement",
        Kind::Routine => "Routine",
        Kind::Note => "Note",
    }
}

#[allow(clippy::too_many_arguments)]
fn keep_known<E, I: AsRef<str>>(
    entries: &mut Vec<E>,
    key: impl Fn(&E) -> &I,
    known: &KeySet,
    kind: Kind,
    item: &str,
    target: Kind,
    repairs: &mut Repairs,
) {
    let keep =
        known_once(&entries.iter().map(|e| key(e).as_ref()).collect::<Vec<_>>(), known, kind, item, target, repairs);
    let mut keep = keep.into_iter();
    entries.retain(|_| keep.next().unwrap_or(false));
}

/// Which references to keep: those to something known, once each; the rest are reported.
fn known_once(keys: &[&str], known: &KeySet, kind: Kind, item: &str, target: Kind, repairs: &mut Repairs) -> Vec<bool> {
    let again = repeats(keys);
    keys.iter()
        .zip(again)
        .map(|(id, again)| {
            let keep = known.contains(id) && !again;
            if !keep {
                repairs.note(|| Repair::ReferenceRemoved { kind, item: item.into(), target, id: shortened(id) });
            }
            keep
        })
        .collect()
}

fn clamp(repairs: &mut Repairs, kind: Kind, item: &str, field: &str, value: u64, max: u64) -> u64 {
    if value > max {
        repairs.note(|| Repair::ValueClamped { kind, item: item.into(), field: field.into(), from: value, to: max });
        max
    } else {
        value
    }
}

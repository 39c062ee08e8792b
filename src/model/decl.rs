//! One declaration per entity: every collection a workspace holds, and for each of its fields
//! the rule it keeps (length, range, dates, uniqueness) and what it refers to. Commands check
//! their changes against it, import repairs files with it, the Yjs mapping and merge go through
//! it, and storage lists the collections from it. No limit is written anywhere else.
//!
//! A field's default is its type's `Default` (every entity is `#[serde(default)]`), so defaults
//! are stated once too, beside the field.
//!
//! Paths name a field inside one entity: `name`, `labels[]` (each entry of a list),
//! `skills[].level` (a field of each entry), `change.assigned` (a field inside an object).

use super::ids::{
    CheckInId, ColumnId, DepartmentId, DutyId, EntryId, ImprovementId, KpiId, MeetingId, MemberId, MinutesId,
    RecognitionId, RoleId, RoutineId, SkillId, TaskId, TrainingId,
};
use serde::{Deserialize, Serialize};
use std::fmt;

// ── Limits ──────────────────────────────────────────────────────────────────────────────────

/// The longest a name may be (a member, role, skill, department, KPI, meeting, column, label),
/// in characters.
pub const MAX_NAME: usize = 120;
/// The longest a title may be (a duty, a task, a routine, an improvement's problem, a thank-you,
/// a goal, an agenda item).
pub const MAX_TITLE: usize = 300;
/// The longest free text may be (notes, descriptions, purposes, minutes, comments).
pub const MAX_TEXT: usize = 10_000;
/// The longest id kept, in bytes; a longer one is replaced like a missing one (generated ids
/// have 17).
pub const MAX_ID_BYTES: usize = 64;
/// The highest proficiency level (4 = expert).
pub const MAX_LEVEL: u8 = 4;
/// The most hours a week has.
pub const MAX_CAPACITY_HOURS: u32 = 168;
/// The largest headcount a role can ask for.
pub const MAX_HEADCOUNT: u32 = 999;
/// The largest estimate a task or routine may have, in hours.
pub const MAX_ESTIMATE_HOURS: f64 = 1000.0;
/// The longest a meeting may be: a working day, in minutes.
pub const MAX_MEETING_MINUTES: u32 = 8 * 60;
/// The longest service target a priority can have: a year, in hours.
pub const MAX_STANDARD_HOURS: u32 = 365 * 24;
/// The largest WIP limit a column may have.
pub const MAX_WIP: u32 = 9_999;
/// The largest count a chart threshold may have.
pub const MAX_THRESHOLD: u32 = 999;
/// The largest factor of the chart's member load check.
pub const MAX_LOAD_FACTOR: f64 = 100.0;
/// The largest size a KPI value, target or benchmark may have (either sign): far beyond any
/// service measure, and small enough that every chart can draw it.
pub const MAX_VALUE: f64 = 1e12;
/// The first year a workspace's dates may fall in: the date inputs accept it, and arithmetic
/// on such dates (a year of service target ahead, weeks back) stays far inside chrono's range.
pub const FIRST_YEAR: i32 = 1970;
/// The last year a workspace's dates may fall in (see [`FIRST_YEAR`]).
pub const LAST_YEAR: i32 = 9999;

// ── Collections ─────────────────────────────────────────────────────────────────────────────

/// A collection of entities in a workspace, or (`Settings`) the workspace's own fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Coll {
    Settings,
    Departments,
    Members,
    Roles,
    Skills,
    Duties,
    Columns,
    Tasks,
    Training,
    LevelChanges,
    Kpis,
    Meetings,
    Minutes,
    Improvements,
    Routines,
    /// Private to this browser: never synced (see [`Coll::is_private`]).
    CheckIns,
    Recognitions,
    /// The tasks' comments and recorded changes.
    Thread,
}

impl Coll {
    pub const ALL: [Coll; 18] = [
        Coll::Settings,
        Coll::Departments,
        Coll::Members,
        Coll::Roles,
        Coll::Skills,
        Coll::Duties,
        Coll::Columns,
        Coll::Tasks,
        Coll::Training,
        Coll::LevelChanges,
        Coll::Kpis,
        Coll::Meetings,
        Coll::Minutes,
        Coll::Improvements,
        Coll::Routines,
        Coll::CheckIns,
        Coll::Recognitions,
        Coll::Thread,
    ];

    /// A dense index, for per-collection tables.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The collection's declaration.
    pub fn decl(self) -> &'static Collection {
        &COLLECTIONS[self.index()]
    }

    /// Whether the collection stays in this browser: team sync never sends it, and files and
    /// links leave it out unless the user asks.
    pub fn is_private(self) -> bool {
        self.decl().private
    }
}

/// The kinds of thing a workspace holds, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Member,
    Role,
    Skill,
    Department,
    Workspace,
    Duty,
    Task,
    Column,
    Kpi,
    Training,
    Meeting,
    Improvement,
    Routine,
    /// A check-in, a recognition or an entry of a task's thread.
    Note,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Member => "member",
            Kind::Role => "role",
            Kind::Skill => "skill",
            Kind::Department => "department",
            Kind::Workspace => "workspace",
            Kind::Duty => "duty",
            Kind::Task => "task",
            Kind::Column => "column",
            Kind::Kpi => "KPI",
            Kind::Training => "training item",
            Kind::Meeting => "meeting",
            Kind::Improvement => "improvement action",
            Kind::Routine => "routine",
            Kind::Note => "note",
        })
    }
}

/// A rule a change would break.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("a {kind} needs a name")]
    EmptyName { kind: Kind },
    #[error("another {kind} is already called \u{201c}{name}\u{201d}")]
    DuplicateName { kind: Kind, name: String },
    #[error("two {kind}s share the id {id}")]
    DuplicateId { kind: Kind, id: String },
    #[error("{kind} {id} is listed twice")]
    DuplicateEntry { kind: Kind, id: String },
    #[error("there is no {kind} {id}")]
    UnknownReference { kind: Kind, id: String },
    /// A number outside its field's range (the field's path, and the range as written for
    /// people).
    #[error("{field} must be between {min} and {max}")]
    NotBetween { field: &'static str, min: String, max: String },
    #[error("a number is out of range")]
    OutOfRange,
    #[error("a date must fall in the years {FIRST_YEAR} to {LAST_YEAR}")]
    DateOutOfRange,
    #[error("training for this member and skill is planned already")]
    AlreadyPlanned,
    #[error("a weekly routine needs at least one weekday")]
    NoWeekday,
    #[error("at most {max} characters")]
    TooLong { max: usize },
    #[error("a percentage is between 0 and 100")]
    PercentOutOfRange,
    #[error("this value cannot be negative")]
    NegativeValue,
    #[error("the board needs at least one column")]
    LastColumn,
}

/// What happens to a reference when what it names is removed (by a command, or missing from a
/// file on import).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gone {
    /// A single reference becomes empty (`null`); an entry of a list is taken out of it.
    Clear,
    /// The entity holding the reference goes too (a note about someone removed).
    DropRow,
    /// The reference must always name something: a command moves it first (a column's tasks go
    /// to another column); import points it at the first entity of its collection.
    First,
    /// A record of the past (a task's moves between columns): kept as it was, never checked.
    Keep,
}

/// Whether a text field may be empty, and whether its value must be unique.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// May be empty.
    Any,
    /// Must have text (not only spaces).
    Some,
    /// Must have text, and no other entity of the collection may have the same (trimmed, case
    /// folded).
    Unique,
    /// Must have text unless the named field is set (a thread entry is a comment or a change).
    Unless(&'static str),
}

/// The rule one field keeps. Every value may also be `null` where the field is optional
/// (`Option<_>`), except an id and a required text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    /// The entity's id: a non-empty text of at most [`MAX_ID_BYTES`], unique in its collection.
    Id,
    /// Text of at most `max` characters.
    Text { max: usize, need: Need },
    /// A whole number in `min..=max`.
    Int { min: i64, max: i64 },
    /// A finite number in `min..=max`; `optional`: or none (`null`). A number that is not
    /// finite is written as `null`, so a number that must be there is never `null`.
    Num { min: f64, max: f64, optional: bool },
    /// A day (`2026-11-23`) in the years [`FIRST_YEAR`]..=[`LAST_YEAR`].
    Day,
    /// An instant (`2026-11-23T09:30:00Z`) in the same years.
    Instant,
    /// The id of an entity of `to`. In a list, each entity is named once. `optional`: the
    /// field may be absent or `null` (no entity named); otherwise an absent one names nothing
    /// that exists.
    Ref { to: Coll, gone: Gone, optional: bool },
}

/// One field of an entity and its rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Field {
    pub path: &'static str,
    pub rule: Rule,
}

/// The shape of one collection: what commands check, import repairs, storage keeps, sync writes.
#[derive(Debug, Clone, PartialEq)]
pub struct Collection {
    pub coll: Coll,
    /// Where the list sits in a workspace file (`["board", "tasks"]`); empty for the settings,
    /// which are the workspace object's own fields.
    pub file: &'static [&'static str],
    /// The collection's root map in the team's Yjs document.
    pub doc: &'static str,
    /// What its entities are called in messages.
    pub kind: Kind,
    /// The prefix of the ids made for it (empty: its entities have no id of their own).
    pub prefix: &'static str,
    /// It grows with use, for as long as the team works (comments, minutes, history), rather
    /// than with the size of the team.
    pub grows: bool,
    /// It stays in this browser (see [`Coll::is_private`]).
    pub private: bool,
    pub fields: &'static [Field],
}

const fn f(path: &'static str, rule: Rule) -> Field {
    Field { path, rule }
}
const fn text(max: usize) -> Rule {
    Rule::Text { max, need: Need::Any }
}
const fn needed(max: usize) -> Rule {
    Rule::Text { max, need: Need::Some }
}
const fn unique(max: usize) -> Rule {
    Rule::Text { max, need: Need::Unique }
}
const fn int(min: i64, max: i64) -> Rule {
    Rule::Int { min, max }
}
const fn to(to: Coll, gone: Gone) -> Rule {
    Rule::Ref { to, gone, optional: false }
}
const fn maybe(to: Coll, gone: Gone) -> Rule {
    Rule::Ref { to, gone, optional: true }
}
const LEVEL: Rule = int(0, MAX_LEVEL as i64);
const VALUE: Rule = Rule::Num { min: -MAX_VALUE, max: MAX_VALUE, optional: false };
const MAYBE_VALUE: Rule = Rule::Num { min: -MAX_VALUE, max: MAX_VALUE, optional: true };
const ESTIMATE: Rule = Rule::Num { min: 0.0, max: MAX_ESTIMATE_HOURS, optional: false };
const ID: Field = f("id", Rule::Id);

/// Every collection, in [`Coll::ALL`]'s order.
pub static COLLECTIONS: [Collection; 18] = [
    Collection {
        coll: Coll::Settings,
        file: &[],
        doc: "settings",
        kind: Kind::Workspace,
        prefix: "",
        grows: false,
        private: false,
        fields: &[
            f("name", text(MAX_NAME)),
            f("purpose", text(MAX_TEXT)),
            f("goals[]", text(MAX_TITLE)),
            f("thresholds.max_responsible", int(0, MAX_THRESHOLD as i64)),
            f("thresholds.max_consulted", int(0, MAX_THRESHOLD as i64)),
            f("thresholds.max_informed", int(0, MAX_THRESHOLD as i64)),
            f("thresholds.max_accountable_per_role", int(0, MAX_THRESHOLD as i64)),
            f("thresholds.max_responsible_per_role", int(0, MAX_THRESHOLD as i64)),
            f("thresholds.member_load_factor", Rule::Num { min: 0.0, max: MAX_LOAD_FACTOR, optional: false }),
            f("standards[].first_response_hours", int(1, MAX_STANDARD_HOURS as i64)),
            f("standards[].resolution_hours", int(1, MAX_STANDARD_HOURS as i64)),
        ],
    },
    Collection {
        coll: Coll::Departments,
        file: &["departments"],
        doc: "departments",
        kind: Kind::Department,
        prefix: DepartmentId::PREFIX,
        grows: false,
        private: false,
        fields: &[ID, f("name", unique(MAX_NAME))],
    },
    Collection {
        coll: Coll::Members,
        file: &["members"],
        doc: "members",
        kind: Kind::Member,
        prefix: MemberId::PREFIX,
        grows: false,
        private: false,
        fields: &[
            ID,
            f("name", unique(MAX_NAME)),
            f("title", text(MAX_NAME)),
            f("contact", text(MAX_TITLE)),
            f("department", maybe(Coll::Departments, Gone::Clear)),
            f("capacity_hours", int(0, MAX_CAPACITY_HOURS as i64)),
            f("roles[]", to(Coll::Roles, Gone::Clear)),
            f("skills[].skill", to(Coll::Skills, Gone::Clear)),
            f("skills[].level", LEVEL),
            f("notes", text(MAX_TEXT)),
        ],
    },
    Collection {
        coll: Coll::Roles,
        file: &["roles"],
        doc: "roles",
        kind: Kind::Role,
        prefix: RoleId::PREFIX,
        grows: false,
        private: false,
        fields: &[
            ID,
            f("name", unique(MAX_NAME)),
            f("purpose", text(MAX_TEXT)),
            f("required_skills[].skill", to(Coll::Skills, Gone::Clear)),
            f("required_skills[].min_level", LEVEL),
            f("headcount", int(0, MAX_HEADCOUNT as i64)),
        ],
    },
    Collection {
        coll: Coll::Skills,
        file: &["skills"],
        doc: "skills",
        kind: Kind::Skill,
        prefix: SkillId::PREFIX,
        grows: false,
        private: false,
        fields: &[ID, f("name", unique(MAX_NAME)), f("description", text(MAX_TEXT))],
    },
    Collection {
        coll: Coll::Duties,
        file: &["duties"],
        doc: "duties",
        kind: Kind::Duty,
        prefix: DutyId::PREFIX,
        grows: false,
        private: false,
        fields: &[
            ID,
            f("title", unique(MAX_TITLE)),
            f("area", text(MAX_NAME)),
            f("description", text(MAX_TEXT)),
            f("roles[].role", to(Coll::Roles, Gone::Clear)),
            f("members[].member", to(Coll::Members, Gone::Clear)),
        ],
    },
    Collection {
        coll: Coll::Columns,
        file: &["board", "columns"],
        doc: "columns",
        kind: Kind::Column,
        prefix: ColumnId::PREFIX,
        grows: false,
        private: false,
        fields: &[ID, f("name", unique(MAX_NAME)), f("wip_limit", int(1, MAX_WIP as i64))],
    },
    Collection {
        coll: Coll::Tasks,
        file: &["board", "tasks"],
        doc: "tasks",
        kind: Kind::Task,
        prefix: TaskId::PREFIX,
        grows: true,
        private: false,
        fields: &[
            ID,
            f("title", needed(MAX_TITLE)),
            f("description", text(MAX_TEXT)),
            f("duty", maybe(Coll::Duties, Gone::Clear)),
            f("assignees[]", to(Coll::Members, Gone::Clear)),
            f("required_skills[].skill", to(Coll::Skills, Gone::Clear)),
            f("required_skills[].min_level", LEVEL),
            f("estimate_hours", ESTIMATE),
            f("due", Rule::Day),
            f("service_due", Rule::Instant),
            f("labels[]", text(MAX_NAME)),
            f("column", to(Coll::Columns, Gone::First)),
            f("created_at", Rule::Instant),
            f("updated_at", Rule::Instant),
            f("responded_at", Rule::Instant),
            f("completed_at", Rule::Instant),
            f("history[].at", Rule::Instant),
            f("history[].from", maybe(Coll::Columns, Gone::Keep)),
            f("history[].to", to(Coll::Columns, Gone::Keep)),
        ],
    },
    Collection {
        coll: Coll::Training,
        file: &["training"],
        doc: "training",
        kind: Kind::Training,
        prefix: TrainingId::PREFIX,
        grows: true,
        private: false,
        fields: &[
            ID,
            f("member", to(Coll::Members, Gone::DropRow)),
            f("skill", to(Coll::Skills, Gone::DropRow)),
            f("target_level", LEVEL),
            f("due", Rule::Day),
            f("task", maybe(Coll::Tasks, Gone::Clear)),
        ],
    },
    Collection {
        coll: Coll::LevelChanges,
        file: &["skill_history"],
        doc: "levelChanges",
        kind: Kind::Member,
        prefix: "",
        grows: true,
        private: false,
        fields: &[
            f("at", Rule::Instant),
            f("member", to(Coll::Members, Gone::DropRow)),
            f("skill", to(Coll::Skills, Gone::DropRow)),
            f("from", LEVEL),
            f("to", LEVEL),
        ],
    },
    Collection {
        coll: Coll::Kpis,
        file: &["kpis"],
        doc: "kpis",
        kind: Kind::Kpi,
        prefix: KpiId::PREFIX,
        grows: false,
        private: false,
        fields: &[
            ID,
            f("name", unique(MAX_NAME)),
            f("unit", text(MAX_NAME)),
            f("target", VALUE),
            f("benchmark", MAYBE_VALUE),
            f("values[].period", Rule::Day),
            f("values[].value", VALUE),
        ],
    },
    Collection {
        coll: Coll::Meetings,
        file: &["meetings"],
        doc: "meetings",
        kind: Kind::Meeting,
        prefix: MeetingId::PREFIX,
        grows: false,
        private: false,
        fields: &[
            ID,
            f("name", unique(MAX_NAME)),
            f("duration_minutes", int(0, MAX_MEETING_MINUTES as i64)),
            f("roles[]", to(Coll::Roles, Gone::Clear)),
            f("agenda[]", text(MAX_TITLE)),
        ],
    },
    Collection {
        coll: Coll::Minutes,
        file: &["minutes"],
        doc: "minutes",
        kind: Kind::Meeting,
        prefix: MinutesId::PREFIX,
        grows: true,
        private: false,
        fields: &[
            ID,
            f("meeting", to(Coll::Meetings, Gone::DropRow)),
            f("date", Rule::Day),
            f("decisions", text(MAX_TEXT)),
            f("notes", text(MAX_TEXT)),
        ],
    },
    Collection {
        coll: Coll::Improvements,
        file: &["improvements"],
        doc: "improvements",
        kind: Kind::Improvement,
        prefix: ImprovementId::PREFIX,
        grows: true,
        private: false,
        fields: &[
            ID,
            f("problem", needed(MAX_TITLE)),
            f("cause", text(MAX_TEXT)),
            f("action", text(MAX_TEXT)),
            f("owner", maybe(Coll::Members, Gone::Clear)),
            f("due", Rule::Day),
            f("kpi", maybe(Coll::Kpis, Gone::Clear)),
            f("before", MAYBE_VALUE),
            f("after", MAYBE_VALUE),
            f("tasks[]", to(Coll::Tasks, Gone::Clear)),
            f("opened", Rule::Day),
            f("closed", Rule::Day),
        ],
    },
    Collection {
        coll: Coll::Routines,
        file: &["routines"],
        doc: "routines",
        kind: Kind::Routine,
        prefix: RoutineId::PREFIX,
        grows: false,
        private: false,
        fields: &[
            ID,
            f("title", needed(MAX_TITLE)),
            f("weekdays[]", int(1, 7)),
            f("month_day", int(1, 31)),
            f("duty", maybe(Coll::Duties, Gone::Clear)),
            f("assignees[]", to(Coll::Members, Gone::Clear)),
            f("estimate_hours", ESTIMATE),
            f("next", Rule::Day),
            f("last_task", maybe(Coll::Tasks, Gone::Clear)),
            f("last_day", Rule::Day),
        ],
    },
    Collection {
        coll: Coll::CheckIns,
        file: &["checkins"],
        doc: "checkins",
        kind: Kind::Note,
        prefix: CheckInId::PREFIX,
        grows: true,
        private: true,
        fields: &[
            ID,
            f("member", to(Coll::Members, Gone::DropRow)),
            f("date", Rule::Day),
            f("goals", text(MAX_TEXT)),
            f("feedback", text(MAX_TEXT)),
            f("actions", text(MAX_TEXT)),
        ],
    },
    Collection {
        coll: Coll::Recognitions,
        file: &["recognitions"],
        doc: "recognitions",
        kind: Kind::Note,
        prefix: RecognitionId::PREFIX,
        grows: true,
        private: false,
        fields: &[
            ID,
            f("member", to(Coll::Members, Gone::DropRow)),
            f("from", maybe(Coll::Members, Gone::Clear)),
            f("date", Rule::Day),
            f("text", needed(MAX_TITLE)),
        ],
    },
    Collection {
        coll: Coll::Thread,
        file: &["thread"],
        doc: "thread",
        kind: Kind::Note,
        prefix: EntryId::PREFIX,
        grows: true,
        private: false,
        fields: &[
            ID,
            f("task", to(Coll::Tasks, Gone::DropRow)),
            f("author", maybe(Coll::Members, Gone::Clear)),
            f("at", Rule::Instant),
            f("text", Rule::Text { max: MAX_TEXT, need: Need::Unless("change") }),
            f("change.assigned", maybe(Coll::Members, Gone::DropRow)),
            f("change.unassigned", maybe(Coll::Members, Gone::DropRow)),
        ],
    },
];

impl Collection {
    /// The rule of the field at `path`, if it has one.
    pub fn rule(&self, path: &str) -> Option<Rule> {
        self.fields.iter().find(|f| f.path == path).map(|f| f.rule)
    }

    /// The largest length a text field may have.
    pub fn max_chars(&self, path: &str) -> Option<usize> {
        match self.rule(path)? {
            Rule::Text { max, .. } => Some(max),
            _ => None,
        }
    }

    /// The range a number field keeps, as `(min, max)`.
    pub fn range(&self, path: &str) -> Option<(f64, f64)> {
        match self.rule(path)? {
            Rule::Int { min, max } => Some((min as f64, max as f64)),
            Rule::Num { min, max, .. } => Some((min, max)),
            _ => None,
        }
    }

    /// The field that holds the entity's name (a unique or required text at the top level).
    pub fn name_field(&self) -> Option<&'static str> {
        self.fields
            .iter()
            .find(|f| {
                !f.path.contains(['.', '[']) && matches!(f.rule, Rule::Text { need: Need::Unique | Need::Some, .. })
            })
            .map(|f| f.path)
    }
}

/// The references to `to` that other entities hold (every field of every collection that names
/// an entity of `to`, but records of the past).
pub fn referrers(to: Coll) -> impl Iterator<Item = (Coll, &'static Field, Gone)> {
    COLLECTIONS.iter().flat_map(move |c| {
        c.fields.iter().filter_map(move |f| match f.rule {
            Rule::Ref { to: t, gone, .. } if t == to && gone != Gone::Keep => Some((c.coll, f, gone)),
            _ => None,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // The table is in `Coll::ALL`'s order, so a collection finds its declaration by index.
    #[test]
    fn every_collection_is_declared_in_order() {
        for (i, c) in Coll::ALL.iter().enumerate() {
            assert_eq!(COLLECTIONS[i].coll, *c);
            assert_eq!(c.index(), i);
        }
    }

    // Every path is well formed: keys, `[]` after a list's key only.
    #[test]
    fn every_path_is_well_formed() {
        for c in &COLLECTIONS {
            for f in c.fields {
                for seg in f.path.split('.') {
                    let key = seg.strip_suffix("[]").unwrap_or(seg);
                    assert!(!key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{}", f.path);
                }
            }
            assert_eq!(c.fields.iter().any(|f| f.rule == Rule::Id), !c.prefix.is_empty(), "{:?}", c.coll);
        }
    }
}

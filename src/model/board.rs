//! The task board: columns with kinds and WIP limits, tasks with their history, service
//! standards per priority, and the assignment suggestions that know skills, the chart and
//! capacity.

use super::dates::add_hours;
use super::decl::ModelError;
use super::ids::{ColumnId, DutyId, IdGen, MemberId, TaskId};
use super::keys::KeySet;
use super::team::RequiredSkill;
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// What a column means for analytics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ColumnKind {
    #[default]
    NotStarted,
    InProgress,
    Done,
}

impl ColumnKind {
    pub const ALL: [ColumnKind; 3] = [ColumnKind::NotStarted, ColumnKind::InProgress, ColumnKind::Done];

    pub fn as_str(self) -> &'static str {
        match self {
            ColumnKind::NotStarted => "not-started",
            ColumnKind::InProgress => "in-progress",
            ColumnKind::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A board column.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Column {
    pub id: ColumnId,
    pub name: String,
    pub kind: ColumnKind,
    /// Soft limit on open tasks in the column.
    pub wip_limit: Option<u32>,
}

/// The kind of work a task is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaskType {
    #[default]
    Request,
    Incident,
    Complaint,
    Improvement,
    Training,
    Other,
}

impl TaskType {
    pub const ALL: [TaskType; 6] = [
        TaskType::Request,
        TaskType::Incident,
        TaskType::Complaint,
        TaskType::Improvement,
        TaskType::Training,
        TaskType::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskType::Request => "request",
            TaskType::Incident => "incident",
            TaskType::Complaint => "complaint",
            TaskType::Improvement => "improvement",
            TaskType::Training => "training",
            TaskType::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Urgency: P1 is the most urgent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Priority {
    P1,
    P2,
    #[default]
    P3,
    P4,
}

impl Priority {
    pub const ALL: [Priority; 4] = [Priority::P1, Priority::P2, Priority::P3, Priority::P4];

    pub fn as_str(self) -> &'static str {
        match self {
            Priority::P1 => "P1",
            Priority::P2 => "P2",
            Priority::P3 => "P3",
            Priority::P4 => "P4",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// One move of a task between columns (the first entry has no `from`: the task was created).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Move {
    #[serde(deserialize_with = "super::dates::read::instant")]
    pub at: DateTime<Utc>,
    pub from: Option<ColumnId>,
    pub to: ColumnId,
}

/// A piece of work on the board.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Task {
    pub id: TaskId,
    pub title: String,
    pub description: String,
    #[serde(rename = "type")]
    pub kind: TaskType,
    pub priority: Priority,
    /// The duty of the responsibility chart this work belongs to.
    pub duty: Option<DutyId>,
    pub assignees: Vec<MemberId>,
    pub required_skills: Vec<RequiredSkill>,
    /// Estimated effort in hours.
    pub estimate_hours: f64,
    /// The date promised for it, if any.
    #[serde(deserialize_with = "super::dates::read::day_or_none")]
    pub due: Option<NaiveDate>,
    /// A resolution deadline set by hand; otherwise the service standard decides.
    #[serde(deserialize_with = "super::dates::read::instant_or_none")]
    pub service_due: Option<DateTime<Utc>>,
    pub labels: Vec<String>,
    pub column: ColumnId,
    #[serde(deserialize_with = "super::dates::read::instant")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "super::dates::read::instant")]
    pub updated_at: DateTime<Utc>,
    /// When the task first left a not-started column (the first response).
    #[serde(deserialize_with = "super::dates::read::instant_or_none")]
    pub responded_at: Option<DateTime<Utc>>,
    /// When it last reached a done column (`None` while open).
    #[serde(deserialize_with = "super::dates::read::instant_or_none")]
    pub completed_at: Option<DateTime<Utc>>,
    /// Hidden from the board but kept for analytics.
    pub archived: bool,
    pub history: Vec<Move>,
}

/// Target times for one priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceStandard {
    pub first_response_hours: u32,
    pub resolution_hours: u32,
}

/// The whole board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Board {
    pub columns: Vec<Column>,
    pub tasks: Vec<Task>,
    /// Service standards for P1, P2, P3, P4.
    pub standards: [ServiceStandard; 4],
}

/// The default standards: P1 1 h / 4 h, P2 4 h / 1 day, P3 8 h / 3 days, P4 1 day / 5 days.
pub const DEFAULT_STANDARDS: [ServiceStandard; 4] = [
    ServiceStandard { first_response_hours: 1, resolution_hours: 4 },
    ServiceStandard { first_response_hours: 4, resolution_hours: 24 },
    ServiceStandard { first_response_hours: 8, resolution_hours: 72 },
    ServiceStandard { first_response_hours: 24, resolution_hours: 120 },
];

impl Default for Board {
    fn default() -> Self {
        Board { columns: default_columns(), tasks: Vec::new(), standards: DEFAULT_STANDARDS }
    }
}

/// Backlog, To do, In progress, Review, Done — with fixed ids, so that the migration that
/// introduces them stays pure.
pub fn default_columns() -> Vec<Column> {
    let c =
        |id: &str, name: &str, kind, wip_limit| Column { id: ColumnId::from(id), name: name.into(), kind, wip_limit };
    vec![
        c("col_backlog", "Backlog", ColumnKind::NotStarted, None),
        c("col_todo", "To do", ColumnKind::NotStarted, None),
        c("col_doing", "In progress", ColumnKind::InProgress, Some(5)),
        c("col_review", "Review", ColumnKind::InProgress, Some(3)),
        c("col_done", "Done", ColumnKind::Done, None),
    ]
}

/// Why a board change cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BoardError {
    #[error("there is no such task")]
    NoTask,
    #[error("there is no such column")]
    NoColumn,
    #[error("the board needs at least one column")]
    LastColumn,
    /// A rule of the declaration (a title's length, a column's name …).
    #[error("{0}")]
    Rule(ModelError),
}

impl From<ModelError> for BoardError {
    fn from(e: ModelError) -> Self {
        BoardError::Rule(e)
    }
}

/// How full a column is against its WIP limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wip {
    pub count: usize,
    pub limit: Option<u32>,
}

impl Wip {
    /// More open tasks than the limit allows.
    pub fn is_over(self) -> bool {
        self.limit.is_some_and(|l| self.count > l as usize)
    }

    /// Exactly at the limit: the next one goes over.
    pub fn is_at(self) -> bool {
        self.limit.is_some_and(|l| self.count == l as usize)
    }
}

/// Where a task stands against its service standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sla {
    /// Open, with more than a quarter of the window left.
    OnTrack,
    /// Open, with a quarter of the window or less left.
    AtRisk,
    /// Open and past its service due time.
    Breached,
    /// Done by its service due time.
    Met,
    /// Done, but late.
    Missed,
}

impl Task {
    /// A new task's defaults: in `column`, with an hour's estimate. (Its id is made by the caller,
    /// so that a form can hold the task before it is saved.)
    pub fn fresh(id: TaskId, column: ColumnId) -> Task {
        Task { id, column, estimate_hours: 1.0, ..Task::default() }
    }
}

/// Which way a card moves by keyboard (Shift+arrow).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nudge {
    Left,
    Right,
    Up,
    Down,
}

impl Board {
    /// Where "Add task" puts a task: the second column (To do, after the backlog), or the only
    /// one.
    pub fn add_column(&self) -> Option<&ColumnId> {
        self.columns.get(1).or(self.columns.first()).map(|c| &c.id)
    }

    /// Where work the app makes goes (a routine's task, an improvement's, training's): the first
    /// not-started column, or the first column.
    pub fn intake(&self) -> Option<&ColumnId> {
        self.columns.iter().find(|c| c.kind == ColumnKind::NotStarted).or(self.columns.first()).map(|c| &c.id)
    }

    /// Where a card goes one step `by` from where it is: the next column (last in it) or the
    /// next place in its own column. `None` at the board's edge.
    pub fn nudged(&self, id: &TaskId, by: Nudge) -> Option<(ColumnId, Option<usize>)> {
        let column = &self.task(id)?.column;
        match by {
            Nudge::Left | Nudge::Right => {
                let i = self.columns.iter().position(|c| &c.id == column)?;
                let j = if by == Nudge::Left { i.checked_sub(1)? } else { i + 1 };
                Some((self.columns.get(j)?.id.clone(), None))
            }
            Nudge::Up | Nudge::Down => {
                let i = self.in_column(column).position(|t| &t.id == id)?;
                let j = if by == Nudge::Up { i.checked_sub(1)? } else { i + 1 };
                Some((column.clone(), Some(j)))
            }
        }
    }

    /// The column with `id`.
    pub fn column(&self, id: &ColumnId) -> Option<&Column> {
        self.columns.iter().find(|c| &c.id == id)
    }

    /// The task with `id`.
    pub fn task(&self, id: &TaskId) -> Option<&Task> {
        self.tasks.iter().find(|t| &t.id == id)
    }

    /// The kind of the column a task is in.
    pub fn kind_of(&self, task: &Task) -> ColumnKind {
        self.column(&task.column).map(|c| c.kind).unwrap_or_default()
    }

    /// Whether a task still needs work (not archived, not in a done column).
    pub fn is_open(&self, task: &Task) -> bool {
        !task.archived && self.kind_of(task) != ColumnKind::Done
    }

    /// The tasks shown in a column, in the user's order (archived ones are hidden).
    pub fn in_column<'a>(&'a self, column: &'a ColumnId) -> impl Iterator<Item = &'a Task> + 'a {
        self.tasks.iter().filter(move |t| &t.column == column && !t.archived)
    }

    /// The WIP state of a column.
    pub fn wip(&self, column: &ColumnId) -> Wip {
        Wip { count: self.in_column(column).count(), limit: self.column(column).and_then(|c| c.wip_limit) }
    }

    /// Adds a task at the end of its column, recording its creation in the history.
    pub fn add_task(&mut self, mut task: Task, now: DateTime<Utc>) -> Result<(), BoardError> {
        if self.column(&task.column).is_none() {
            task.column = self.columns.first().ok_or(BoardError::NoColumn)?.id.clone();
        }
        task.title = task.title.trim().to_owned();
        task.created_at = now;
        task.updated_at = now;
        task.history = vec![Move { at: now, from: None, to: task.column.clone() }];
        let kind = self.kind_of(&task);
        if kind != ColumnKind::NotStarted {
            task.responded_at = Some(now);
        }
        if kind == ColumnKind::Done {
            task.completed_at = Some(now);
        }
        self.tasks.push(task);
        Ok(())
    }

    /// Saves the editable fields of a task (not its column or history: see [`Board::move_task`]).
    pub fn update_task(&mut self, task: Task, now: DateTime<Utc>) -> Result<(), BoardError> {
        let t = self.tasks.iter_mut().find(|t| t.id == task.id).ok_or(BoardError::NoTask)?;
        let (column, history, created, responded, completed, archived) = (
            t.column.clone(),
            std::mem::take(&mut t.history),
            t.created_at,
            t.responded_at,
            t.completed_at,
            t.archived,
        );
        *t = Task {
            title: task.title.trim().to_owned(),
            column,
            history,
            created_at: created,
            responded_at: responded,
            completed_at: completed,
            archived,
            updated_at: now,
            ..task
        };
        Ok(())
    }

    /// Removes a task for good.
    pub fn remove_task(&mut self, id: &TaskId) -> Option<Task> {
        let i = self.tasks.iter().position(|t| &t.id == id)?;
        Some(self.tasks.remove(i))
    }

    /// Moves a task to `column`, at `index` among that column's visible tasks (clamped; `None`
    /// puts it last). A change of column is recorded in the history with its time; reaching a
    /// done column completes the task, leaving one reopens it. WIP limits are soft: the move is
    /// made, and [`Board::wip`] shows the column over.
    pub fn move_task(
        &mut self,
        id: &TaskId,
        column: &ColumnId,
        index: Option<usize>,
        now: DateTime<Utc>,
    ) -> Result<(), BoardError> {
        let to_kind = self.column(column).ok_or(BoardError::NoColumn)?.kind;
        let from = self.tasks.iter().position(|t| &t.id == id).ok_or(BoardError::NoTask)?;
        let mut task = self.tasks.remove(from);
        if &task.column != column {
            task.history.push(Move { at: now, from: Some(task.column.clone()), to: column.clone() });
            task.column = column.clone();
            if to_kind != ColumnKind::NotStarted && task.responded_at.is_none() {
                task.responded_at = Some(now);
            }
            task.completed_at = (to_kind == ColumnKind::Done).then_some(now);
        }
        task.updated_at = now;
        // Where in the whole list the task goes: before the index-th visible task of the column.
        let siblings: Vec<usize> =
            self.tasks.iter().enumerate().filter(|(_, t)| &t.column == column && !t.archived).map(|(i, _)| i).collect();
        let at = match index {
            Some(i) if i < siblings.len() => siblings[i],
            _ => siblings.last().map_or(self.tasks.len(), |last| last + 1),
        };
        self.tasks.insert(at, task);
        Ok(())
    }

    /// Hides every task in a done column from the board; they stay for analytics.
    pub fn archive_done(&mut self) -> usize {
        let done: Vec<ColumnId> =
            self.columns.iter().filter(|c| c.kind == ColumnKind::Done).map(|c| c.id.clone()).collect();
        let mut n = 0;
        for t in self.tasks.iter_mut().filter(|t| !t.archived && done.contains(&t.column)) {
            t.archived = true;
            n += 1;
        }
        n
    }

    /// Adds a column at the end.
    pub fn push_column(&mut self, ids: &mut IdGen, name: &str, kind: ColumnKind) -> Result<ColumnId, BoardError> {
        let column = Column { id: ColumnId::generate(ids), name: name.trim().to_owned(), kind, wip_limit: None };
        let id = column.id.clone();
        self.columns.push(column);
        Ok(id)
    }

    /// Changes a column's name, kind and WIP limit.
    pub fn update_column(&mut self, column: Column) -> Result<(), BoardError> {
        let column = Column { name: column.name.trim().to_owned(), ..column };
        let c = self.columns.iter_mut().find(|c| c.id == column.id).ok_or(BoardError::NoColumn)?;
        *c = column;
        Ok(())
    }

    /// Moves a column left (`-1`) or right (`+1`).
    pub fn shift_column(&mut self, id: &ColumnId, by: isize) -> Result<(), BoardError> {
        let i = self.columns.iter().position(|c| &c.id == id).ok_or(BoardError::NoColumn)?;
        let j = (i as isize + by).clamp(0, self.columns.len() as isize - 1) as usize;
        let c = self.columns.remove(i);
        self.columns.insert(j, c);
        Ok(())
    }

    /// Removes a column, moving its tasks (archived ones too) to `tasks_to`.
    pub fn remove_column(&mut self, id: &ColumnId, tasks_to: &ColumnId, now: DateTime<Utc>) -> Result<(), BoardError> {
        if self.columns.len() <= 1 {
            return Err(BoardError::LastColumn);
        }
        if id == tasks_to || self.column(tasks_to).is_none() || self.column(id).is_none() {
            return Err(BoardError::NoColumn);
        }
        let moving: Vec<TaskId> = self.tasks.iter().filter(|t| &t.column == id).map(|t| t.id.clone()).collect();
        for t in moving {
            self.move_task(&t, tasks_to, None, now)?;
        }
        self.columns.retain(|c| &c.id != id);
        Ok(())
    }

    /// Sets a priority's service targets (first response and resolution, in hours).
    pub fn set_standard(&mut self, priority: Priority, standard: ServiceStandard) -> Result<(), BoardError> {
        self.standards[priority.index()] = standard;
        Ok(())
    }

    /// When the task must be resolved: set by hand, or creation plus the standard's window.
    pub fn service_due(&self, task: &Task) -> DateTime<Utc> {
        task.service_due.unwrap_or_else(|| {
            add_hours(task.created_at, self.standards[task.priority.index()].resolution_hours.into())
        })
    }

    /// When the first response is due.
    pub fn response_due(&self, task: &Task) -> DateTime<Utc> {
        add_hours(task.created_at, self.standards[task.priority.index()].first_response_hours.into())
    }

    /// Where a task stands against its resolution target at `now`.
    pub fn sla(&self, task: &Task, now: DateTime<Utc>) -> Sla {
        let due = self.service_due(task);
        if let Some(done) = task.completed_at.filter(|_| !self.is_open(task) || task.archived) {
            return if done <= due { Sla::Met } else { Sla::Missed };
        }
        if now > due {
            return Sla::Breached;
        }
        let window = (due - task.created_at).num_seconds().max(1);
        let left = (due - now).num_seconds();
        if left * 4 <= window {
            Sla::AtRisk
        } else {
            Sla::OnTrack
        }
    }

    /// Whether the first response came (or is still awaited) after its target.
    pub fn response_late(&self, task: &Task, now: DateTime<Utc>) -> bool {
        task.responded_at.unwrap_or(now) > self.response_due(task)
    }
}

/// Whether an open task's due date has passed, judged by the calendar where the user is.
pub fn is_overdue(board: &Board, task: &Task, now: DateTime<Utc>, offset: FixedOffset) -> bool {
    let today = now.with_timezone(&offset).date_naive();
    board.is_open(task) && task.due.is_some_and(|d| d < today)
}

/// Whether a task is late: past its due date or its service target (what "Overdue only" shows).
pub fn is_late(board: &Board, task: &Task, now: DateTime<Utc>, offset: FixedOffset) -> bool {
    is_overdue(board, task, now, offset) || (board.is_open(task) && board.sla(task, now) == Sla::Breached)
}

/// One person's work on the board: their open tasks, and how many of those are late.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MyWork {
    pub open: usize,
    pub late: usize,
}

/// What `me` has on the board (open tasks assigned to them, shared ones included).
pub fn my_work(board: &Board, me: &MemberId, now: DateTime<Utc>, offset: FixedOffset) -> MyWork {
    board.tasks.iter().filter(|t| board.is_open(t) && t.assignees.contains(me)).fold(MyWork::default(), |w, t| MyWork {
        open: w.open + 1,
        late: w.late + usize::from(is_late(board, t, now, offset)),
    })
}

/// A member's initials for a card ("Chen Wei" → "CW", "李娜" → "李娜").
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() == 1 && !words[0].is_ascii() {
        return words[0].chars().take(2).collect();
    }
    words.iter().filter_map(|w| w.chars().next()).take(2).flat_map(char::to_uppercase).collect()
}

impl Board {
    /// The index to give [`Board::move_task`] so that `moving` lands just before `before` in
    /// `column` (or last when `before` is `None` or not there). Indexes count the column's
    /// visible tasks without the one that moves.
    pub fn index_before(&self, moving: &TaskId, column: &ColumnId, before: Option<&TaskId>) -> Option<usize> {
        let before = before?;
        self.in_column(column).filter(|t| &t.id != moving).position(|t| &t.id == before)
    }

    /// The labels used on the board, sorted.
    pub fn labels(&self) -> Vec<String> {
        // Each label lowercased once, and sorted by the model's one sort of keys (ties keep
        // their order), not lowercased again at every comparison. The filter ignores case, so
        // each label is listed once, as first written.
        let all: Vec<&str> = self.tasks.iter().flat_map(|t| t.labels.iter().map(String::as_str)).collect();
        let lower: Vec<String> = all.iter().map(|l| l.to_lowercase()).collect();
        let mut out: Vec<String> = Vec::new();
        let mut last: Option<&str> = None;
        for i in KeySet::new(lower.iter().map(String::as_str)).positions() {
            if last != Some(lower[i].as_str()) {
                last = Some(lower[i].as_str());
                out.push(all[i].to_owned());
            }
        }
        out
    }
}

/// Who a filter asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssigneeFilter {
    Member(MemberId),
    Nobody,
}

/// The board's search and filters. Every part that is set must match.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaskFilter {
    /// Words to find in the title, description or labels (case does not matter).
    pub text: String,
    pub assignee: Option<AssigneeFilter>,
    pub priority: Option<Priority>,
    pub kind: Option<TaskType>,
    pub label: Option<String>,
    /// Only tasks past their due date or their service target.
    pub overdue_only: bool,
}

impl TaskFilter {
    /// How many filters are on.
    pub fn active_count(&self) -> usize {
        [
            !self.text.trim().is_empty(),
            self.assignee.is_some(),
            self.priority.is_some(),
            self.kind.is_some(),
            self.label.is_some(),
            self.overdue_only,
        ]
        .into_iter()
        .filter(|on| *on)
        .count()
    }

    /// Whether a task passes every filter that is on.
    pub fn matches(&self, board: &Board, task: &Task, now: DateTime<Utc>, offset: FixedOffset) -> bool {
        let text = self.text.trim().to_lowercase();
        if !text.is_empty() {
            let hay = format!("{} {} {}", task.title, task.description, task.labels.join(" ")).to_lowercase();
            if !text.split_whitespace().all(|w| hay.contains(w)) {
                return false;
            }
        }
        match &self.assignee {
            Some(AssigneeFilter::Member(m)) if !task.assignees.contains(m) => return false,
            Some(AssigneeFilter::Nobody) if !task.assignees.is_empty() => return false,
            _ => {}
        }
        if self.priority.is_some_and(|p| p != task.priority) || self.kind.is_some_and(|k| k != task.kind) {
            return false;
        }
        if self.label.as_ref().is_some_and(|l| !task.labels.iter().any(|x| x.eq_ignore_ascii_case(l))) {
            return false;
        }
        if self.overdue_only && !is_late(board, task, now, offset) {
            return false;
        }
        true
    }
}

//! The weekly review and what feeds it: the agenda a meeting builds from live data, improvement
//! actions turned into tasks, and routines that make their tasks when due.

use super::board::{is_overdue, Sla, Task, TaskType};
use super::dates::add_days;
use super::ids::{IdGen, ImprovementId, KpiId, MeetingId, MinutesId, RecognitionId, TaskId, TrainingId};
use super::keys::KeySet;
use super::kpi::{Period, Status};
use super::service::{catch_up, routine_task_id, Minutes};
use super::skills::{single_points_of_failure, Risk};
use super::training::TrainingStatus;
use super::workspace::Workspace;
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

/// A KPI whose value missed its target since the last meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiMiss {
    pub kpi: KpiId,
    pub period: NaiveDate,
    pub value: f64,
    pub status: Status,
}

/// What a meeting should look at, built from the workspace as it is.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Agenda {
    /// The day the meeting was last held (or a period of its cadence ago).
    pub since: NaiveDate,
    pub kpis: Vec<KpiMiss>,
    pub breached: Vec<TaskId>,
    pub at_risk: Vec<TaskId>,
    pub overdue: Vec<TaskId>,
    pub overdue_training: Vec<TrainingId>,
    pub risks: Vec<Risk>,
    /// Open improvement actions, the overdue first.
    pub actions: Vec<ImprovementId>,
    pub recognitions: Vec<RecognitionId>,
}

impl Agenda {
    /// Whether nothing needs attention.
    pub fn is_clear(&self) -> bool {
        self.kpis.is_empty()
            && self.breached.is_empty()
            && self.at_risk.is_empty()
            && self.overdue.is_empty()
            && self.overdue_training.is_empty()
            && self.risks.is_empty()
            && self.actions.is_empty()
    }
}

/// The day a meeting was last held before `today`, from its minutes.
pub fn last_held(ws: &Workspace, meeting: &MeetingId, today: NaiveDate) -> Option<NaiveDate> {
    ws.minutes.iter().filter(|m| &m.meeting == meeting && m.date < today).map(|m| m.date).max()
}

/// The agenda of `meeting` held at `now` (judged by the calendar at `offset`).
pub fn agenda(ws: &Workspace, meeting: &MeetingId, now: DateTime<Utc>, offset: FixedOffset) -> Agenda {
    let today = now.with_timezone(&offset).date_naive();
    let cadence = ws.meetings.iter().find(|m| &m.id == meeting).map(|m| m.cadence).unwrap_or_default();
    let since = last_held(ws, meeting, today).unwrap_or_else(|| add_days(today, -cadence.days()));
    let mut out = Agenda { since, ..Agenda::default() };
    for k in &ws.kpis {
        let span = match k.period {
            Period::Week => 7,
            Period::Month => 31,
        };
        // The latest value of a period that ends after `since`, if it misses.
        if let Some(v) = k.values.iter().rev().find(|v| add_days(v.period, span) > since) {
            let status = k.status_of(v.value);
            if status != Status::On {
                out.kpis.push(KpiMiss { kpi: k.id.clone(), period: v.period, value: v.value, status });
            }
        }
    }
    let board = &ws.board;
    for t in board.tasks.iter().filter(|t| board.is_open(t)) {
        match board.sla(t, now) {
            Sla::Breached => out.breached.push(t.id.clone()),
            Sla::AtRisk => out.at_risk.push(t.id.clone()),
            _ => {}
        }
        if is_overdue(board, t, now, offset) {
            out.overdue.push(t.id.clone());
        }
    }
    out.overdue_training = ws
        .training
        .iter()
        .filter(|x| x.status != TrainingStatus::Done && x.due.is_some_and(|d| d < today))
        .map(|x| x.id.clone())
        .collect();
    out.risks = single_points_of_failure(ws);
    let mut open: Vec<_> = ws.improvements.iter().filter(|i| i.status.is_open()).collect();
    // Overdue first, then by due day (none last), keeping the log's order otherwise.
    open.sort_by_key(|i| (i.due.is_none_or(|d| d >= today), i.due.is_none(), i.due));
    out.actions = open.into_iter().map(|i| i.id.clone()).collect();
    out.recognitions = ws.recognitions.iter().filter(|r| r.date >= since).map(|r| r.id.clone()).collect();
    out
}

/// A routine that made its task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutineRun {
    pub title: String,
    pub task: TaskId,
    /// Days that passed unmade before it.
    pub missed: u64,
}

impl Workspace {
    /// The minutes of `meeting` kept on `day`, if any.
    pub fn minutes_of(&self, meeting: &MeetingId, day: NaiveDate) -> Option<&Minutes> {
        self.minutes.iter().find(|m| &m.meeting == meeting && m.date == day)
    }

    /// Turns an improvement action into a board task, linked to it. Once: while a linked task is
    /// on the board, that task is returned and nothing is made.
    pub fn improvement_task(
        &mut self,
        ids: &mut IdGen,
        item: &ImprovementId,
        title: String,
        now: DateTime<Utc>,
    ) -> Option<TaskId> {
        let imp = self.improvements.iter().find(|x| &x.id == item)?.clone();
        if let Some(existing) = imp.tasks.iter().find(|id| self.board.task(id).is_some()) {
            return Some(existing.clone());
        }
        let id = TaskId::generate(ids);
        let task = Task {
            id: id.clone(),
            // Within the task's limits (an action may be long).
            title: title.chars().take(super::decl::MAX_TITLE).collect(),
            description: imp.cause.chars().take(super::decl::MAX_TEXT).collect(),
            kind: TaskType::Improvement,
            assignees: imp.owner.iter().cloned().collect(),
            estimate_hours: 2.0,
            due: imp.due,
            column: self.board.intake()?.clone(),
            ..Task::default()
        };
        self.board.add_task(task, now).ok()?;
        if let Some(x) = self.improvements.iter_mut().find(|x| &x.id == item) {
            x.tasks.push(id.clone());
        }
        Some(id)
    }

    /// Makes the task of every routine whose day has come: one per routine however long the app
    /// was closed, with an id made of the routine and the day, so that two tabs (or two
    /// browsers of a team) making it at once make one task. `missing` names each task's
    /// description line for the days missed (`{n}` is their count).
    pub fn run_routines(&mut self, today: NaiveDate, now: DateTime<Utc>, missing: &str) -> Vec<RoutineRun> {
        let Some(column) = self.board.intake().cloned() else { return Vec::new() };
        // Looked up by sorting, not scanning: a file may hold thousands of routines and tasks.
        // (Distinct routines make distinct task ids, so only the tasks already there are checked.)
        let tasks = KeySet::new(self.board.tasks.iter().map(|t| t.id.as_str()));
        let duties = KeySet::new(self.duties.iter().map(|d| d.id.as_str()));
        let mut due = Vec::new();
        for (i, r) in self.routines.iter().enumerate() {
            let Some(c) = catch_up(r, today) else { continue };
            // A day already made (the routine was edited back, or another tab made it): never
            // again.
            if r.last_day.is_some_and(|d| c.day <= d) {
                continue;
            }
            let id = routine_task_id(&r.id, c.day);
            let duty_title =
                r.duty.as_ref().and_then(|d| duties.position(d.as_str())).map(|at| self.duties[at].title.clone());
            let new = !tasks.contains(id.as_str());
            due.push((i, c, id, duty_title, new));
        }
        drop((tasks, duties));
        let mut out = Vec::new();
        for (i, c, id, duty_title, new) in due {
            let r = &self.routines[i];
            let has_duty = duty_title.is_some();
            let mut description = duty_title.unwrap_or_default();
            if c.missed > 0 {
                if !description.is_empty() {
                    description.push('\n');
                }
                description.push_str(&missing.replace("{n}", &c.missed.to_string()));
            }
            let task = Task {
                id: id.clone(),
                title: r.title.clone(),
                description,
                priority: r.priority,
                duty: r.duty.clone().filter(|_| has_duty),
                assignees: r.assignees.clone(),
                estimate_hours: r.estimate_hours,
                due: Some(c.day),
                labels: vec!["routine".into()],
                column: column.clone(),
                ..Task::default()
            };
            let title = r.title.clone();
            // A task of that id already there (another tab's, a colleague's) is left as it is.
            if new && self.board.add_task(task, now).is_err() {
                continue;
            }
            let r = &mut self.routines[i];
            r.next = c.next;
            r.missed = c.missed.min(u64::from(u32::MAX)) as u32;
            r.last_task = Some(id.clone());
            r.last_day = Some(c.day);
            if new {
                out.push(RoutineRun { title, task: id, missed: c.missed });
            }
        }
        out
    }

    /// The minutes of `meeting` on `day`, made when there are none yet (with the id every
    /// browser gives them, see `service::minutes_id`).
    pub fn hold_meeting(&mut self, meeting: &MeetingId, day: NaiveDate) -> Option<MinutesId> {
        self.meetings.iter().find(|m| &m.id == meeting)?;
        if let Some(m) = self.minutes_of(meeting, day) {
            return Some(m.id.clone());
        }
        let id = super::service::minutes_id(meeting, day);
        self.minutes.push(Minutes { id: id.clone(), meeting: meeting.clone(), date: day, ..Minutes::default() });
        Some(id)
    }
}

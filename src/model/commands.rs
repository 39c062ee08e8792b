//! The commands: every change to a workspace goes through one of these. Each applies itself and
//! returns the [`Op`]s it made (see `ops.rs`); `Workspace::change` checks what it made against
//! the declaration (`decl.rs`) and takes out what referred to anything it removed. A failed
//! command changes nothing.

use super::board::{BoardError, Column, ColumnKind, Nudge, Priority, ServiceStandard, Task};
use super::decl::{Kind, ModelError};
use super::ids::{
    CheckInId, ColumnId, DepartmentId, DutyId, EntryId, IdGen, ImprovementId, KpiId, MeetingId, MemberId, MinutesId,
    RecognitionId, RoleId, RoutineId, SkillId, TaskId, TrainingId,
};
use super::kpi::{import_values, CsvReport, Direction, Kpi};
use super::ops::{Coll, Op, Touch, SETTINGS_ID};
use super::raci::{Duty, Raci, Thresholds};
use super::review::RoutineRun;
use super::rows::Row;
use super::service::{ActionStatus, CheckIn, Improvement, Meeting, Minutes, Recognition, Repeat, Routine};
use super::team::{CollaborationModel, Department, Member, MemberSkill, Role, Skill};
use super::thread::{self, Entry};
use super::training::TrainingStatus;
use super::workspace::Workspace;
use chrono::{DateTime, NaiveDate, Utc};

/// What a command made: the ops, or why it made none.
pub type Done<E = ModelError> = Result<Vec<Op>, E>;

/// A workspace with what commands need beside it: the id generator and the time. The only
/// way to change a workspace: it hands out the workspace to read, never to write.
pub struct Cmd<'a> {
    ws: &'a mut Workspace,
    ids: &'a mut IdGen,
    now: DateTime<Utc>,
    /// Every op the commands run through this made, in order.
    made: Vec<Op>,
}

/// Keeps a command's ops in `made` as it returns them.
fn keep<T, E>(made: &mut Vec<Op>, r: Result<(T, Vec<Op>), E>) -> Result<(T, Vec<Op>), E> {
    if let Ok((_, ops)) = &r {
        made.extend(ops.iter().cloned());
    }
    r
}

impl<'a> Cmd<'a> {
    pub fn new(ws: &'a mut Workspace, ids: &'a mut IdGen, now: DateTime<Utc>) -> Self {
        Cmd { ws, ids, now, made: Vec::new() }
    }

    /// The workspace, to read.
    pub fn ws(&self) -> &Workspace {
        self.ws
    }

    /// The id generator, for the ids of new entities a caller makes before saving them.
    pub fn ids(&mut self) -> &mut IdGen {
        self.ids
    }

    /// The time the commands run at.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The workspace to change by hand, for the model's own tests of odd changes.
    #[cfg(test)]
    pub(crate) fn ws_mut(&mut self) -> &mut Workspace {
        self.ws
    }

    /// Every op made through this so far.
    pub fn made(&self) -> &[Op] {
        &self.made
    }

    /// Takes back everything made through this (a step of several commands, one of which
    /// failed, changes nothing).
    pub fn roll_back(&mut self) {
        self.ws.apply(&super::ops::invert(&self.made));
        self.made.clear();
    }

    /// The ops made through this, for the caller to keep (undo, sync, save).
    pub fn into_made(self) -> Vec<Op> {
        self.made
    }
}

fn entity(coll: Coll, id: &str) -> Touch {
    Touch::Entity(coll, id.to_owned())
}

fn settings() -> Touch {
    Touch::Entity(Coll::Settings, SETTINGS_ID.to_owned())
}

impl Cmd<'_> {
    /// A settings field changed by a plain assignment (the declaration holds their rules).
    fn set_settings(&mut self, f: impl FnOnce(&mut Workspace)) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[settings()], |w| {
                f(w);
                Ok::<_, ModelError>(())
            }),
        )?
        .1)
    }

    // ── The workspace's own fields ─────────────────────────────────────────

    pub fn set_name(&mut self, name: String) -> Done {
        self.set_settings(|w| w.name = name)
    }

    pub fn set_purpose(&mut self, purpose: String) -> Done {
        self.set_settings(|w| w.purpose = purpose)
    }

    pub fn set_goals(&mut self, goals: Vec<String>) -> Done {
        self.set_settings(|w| w.goals = goals)
    }

    pub fn set_collaboration(&mut self, model: CollaborationModel) -> Done {
        self.set_settings(|w| w.collaboration = model)
    }

    /// Sets the chart's warning thresholds.
    pub fn set_thresholds(&mut self, t: Thresholds) -> Done {
        self.set_settings(|w| w.thresholds = t)
    }

    // ── Team ────────────────────────────────────────────────────────────────

    /// Adds or changes a member, recording any change of skill level.
    pub fn save_member(&mut self, m: Member) -> Done {
        let now = self.now;
        let touches = [entity(Coll::Members, &m.id.0), Touch::Append(Coll::LevelChanges)];
        Ok(keep(&mut self.made, self.ws.change(&touches, |w| w.save_member_recording(m, now)))?.1)
    }

    pub fn remove_member(&mut self, id: &MemberId) -> Done {
        self.remove_member_giving_tasks(id, None)
    }

    /// Removes a member, their open tasks going to `heir` (or to nobody), as one step.
    pub fn remove_member_giving_tasks(&mut self, id: &MemberId, heir: Option<&MemberId>) -> Done {
        let touches = [entity(Coll::Members, &id.0), Touch::All(Coll::Tasks)];
        Ok(keep(
            &mut self.made,
            self.ws
                .change(&touches, |w| removed(w.remove_member_giving_tasks(id, heir).then_some(()), Kind::Member, id)),
        )?
        .1)
    }

    pub fn save_role(&mut self, r: Role) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Roles, &r.id.0)], |w| {
                w.save_role(r);
                Ok::<_, ModelError>(())
            }),
        )?
        .1)
    }

    pub fn remove_role(&mut self, id: &RoleId) -> Done {
        let touches = [entity(Coll::Roles, &id.0)];
        Ok(keep(&mut self.made, self.ws.change(&touches, |w| removed(w.remove_role(id).map(|_| ()), Kind::Role, id)))?
            .1)
    }

    pub fn save_skill(&mut self, s: Skill) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Skills, &s.id.0)], |w| {
                w.save_skill(s);
                Ok::<_, ModelError>(())
            }),
        )?
        .1)
    }

    pub fn remove_skill(&mut self, id: &SkillId) -> Done {
        let touches = [entity(Coll::Skills, &id.0)];
        Ok(keep(
            &mut self.made,
            self.ws.change(&touches, |w| removed(w.remove_skill(id).map(|_| ()), Kind::Skill, id)),
        )?
        .1)
    }

    pub fn save_department(&mut self, d: Department) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Departments, &d.id.0)], |w| {
                w.save_department(d);
                Ok::<_, ModelError>(())
            }),
        )?
        .1)
    }

    pub fn remove_department(&mut self, id: &DepartmentId) -> Done {
        let touches = [entity(Coll::Departments, &id.0)];
        Ok(keep(
            &mut self.made,
            self.ws.change(&touches, |w| removed(w.remove_department(id).map(|_| ()), Kind::Department, id)),
        )?
        .1)
    }

    /// Sets a member's level in a skill (0 removes the level but keeps an interest).
    pub fn set_level(&mut self, member: &MemberId, skill: &SkillId, level: u8) -> Done {
        let now = self.now;
        let touches = [entity(Coll::Members, &member.0), Touch::Append(Coll::LevelChanges)];
        Ok(keep(
            &mut self.made,
            self.ws.change(&touches, |w| {
                known_member(w, member)?;
                w.set_level(member, skill, level, now);
                Ok(())
            }),
        )?
        .1)
    }

    /// Marks (or unmarks) a member's wish to learn a skill; a skill the member does not list is
    /// added at level 0 with the wish.
    pub fn toggle_interest(&mut self, member: &MemberId, skill: &SkillId) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Members, &member.0)], |w| {
                let m = w
                    .members
                    .iter_mut()
                    .find(|x| &x.id == member)
                    .ok_or_else(|| ModelError::UnknownReference { kind: Kind::Member, id: member.0.clone() })?;
                match m.skills.iter_mut().find(|k| &k.skill == skill) {
                    Some(k) => k.interested = !k.interested,
                    None => m.skills.push(MemberSkill { skill: skill.clone(), level: 0, interested: true }),
                }
                Ok(())
            }),
        )?
        .1)
    }

    // ── Chart ───────────────────────────────────────────────────────────────

    pub fn save_duty(&mut self, d: Duty) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Duties, &d.id.0)], |w| {
                w.save_duty(d);
                Ok::<_, ModelError>(())
            }),
        )?
        .1)
    }

    /// Removes a duty; tasks linked to it keep their work but lose the link.
    pub fn remove_duty(&mut self, id: &DutyId) -> Done {
        let touches = [entity(Coll::Duties, &id.0)];
        Ok(keep(&mut self.made, self.ws.change(&touches, |w| removed(w.remove_duty(id).map(|_| ()), Kind::Duty, id)))?
            .1)
    }

    pub fn set_role_letter(&mut self, duty: &DutyId, role: &RoleId, letter: Option<Raci>) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Duties, &duty.0)], |w| w.set_role_letter(duty, role, letter)),
        )?
        .1)
    }

    pub fn set_member_letter(&mut self, duty: &DutyId, member: &MemberId, letter: Option<Option<Raci>>) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Duties, &duty.0)], |w| w.set_member_letter(duty, member, letter)),
        )?
        .1)
    }

    // ── Board ───────────────────────────────────────────────────────────────

    /// Adds a task, or saves an existing one's fields and then moves it if its column changed.
    pub fn save_task(&mut self, task: Task) -> Done<BoardError> {
        self.save_task_by(task, None)
    }

    /// Saves a task as [`Cmd::save_task`], and records on its thread, as made by `by`, whom it
    /// was given to or taken from and a change of priority (issue 15's activity list).
    pub fn save_task_by(&mut self, task: Task, by: Option<MemberId>) -> Done<BoardError> {
        let now = self.now;
        let ids = &mut *self.ids;
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Tasks, &task.id.0), Touch::Append(Coll::Thread)], |w| {
                let b = &mut w.board;
                let Some(old) = b.task(&task.id) else { return b.add_task(task, now) };
                let recorded = thread::changes(old, &task);
                let (id, column) = (task.id.clone(), task.column.clone());
                let moved = old.column != column;
                b.update_task(task, now)?;
                if moved {
                    b.move_task(&id, &column, None, now)?;
                }
                w.thread.extend(recorded.into_iter().map(|change| Entry {
                    id: EntryId::generate(ids),
                    task: id.clone(),
                    author: by.clone(),
                    at: now,
                    text: String::new(),
                    change: Some(change),
                }));
                Ok(())
            }),
        )?
        .1)
    }

    /// Removes a task, and its thread with it (the declaration says the thread belongs to it).
    pub fn remove_task(&mut self, id: &TaskId) -> Done<BoardError> {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Tasks, &id.0)], |w| {
                w.board.remove_task(id).ok_or(BoardError::NoTask)?;
                Ok::<_, BoardError>(())
            }),
        )?
        .1)
    }

    /// Adds a comment to a task's thread, by `author` ("I am"; `None` when nobody is chosen).
    pub fn comment(&mut self, task: &TaskId, author: Option<MemberId>, text: &str) -> Done {
        let text = text.trim();
        let entry = Entry {
            id: EntryId::generate(self.ids),
            task: task.clone(),
            author,
            at: self.now,
            text: text.to_owned(),
            change: None,
        };
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Thread, &entry.id.0)], |w| {
                w.thread.push(entry);
                Ok::<_, ModelError>(())
            }),
        )?
        .1)
    }

    /// Removes a comment from a task's thread.
    pub fn remove_comment(&mut self, id: &EntryId) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Thread, &id.0)], |w| remove_row(&mut w.thread, &id.0, Kind::Note)),
        )?
        .1)
    }

    /// Moves a task to `column`, at `index` among its visible tasks (see `Board::move_task`).
    pub fn move_task(&mut self, id: &TaskId, column: &ColumnId, index: Option<usize>) -> Done<BoardError> {
        let now = self.now;
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Tasks, &id.0)], |w| w.board.move_task(id, column, index, now)),
        )?
        .1)
    }

    /// Moves a card one step by keyboard (see `Board::nudged`); refused at the board's edge.
    pub fn nudge_task(&mut self, id: &TaskId, by: Nudge) -> Done<BoardError> {
        let (column, index) = self.ws.board.nudged(id, by).ok_or(BoardError::NoColumn)?;
        self.move_task(id, &column, index)
    }

    /// A card dropped into `column` before the card `before` (last without one). Dropped into
    /// a person's swimlane (`lane`: who it assigns), it is theirs now, recorded as made by `by`;
    /// one step either way.
    pub fn drop_task(
        &mut self,
        id: &TaskId,
        column: &ColumnId,
        before: Option<&TaskId>,
        lane: Option<Vec<MemberId>>,
        by: Option<MemberId>,
    ) -> Done<BoardError> {
        let index = self.ws.board.index_before(id, column, before);
        let mut ops = self.move_task(id, column, index)?;
        let given = lane.and_then(|people| {
            let t = self.ws.board.task(id)?;
            (t.assignees != people).then(|| Task { assignees: people, ..t.clone() })
        });
        if let Some(task) = given {
            ops.extend(self.save_task_by(task, by)?);
        }
        Ok(ops)
    }

    /// Puts an archived task back on the board, where it was.
    pub fn restore_task(&mut self, id: &TaskId) -> Done<BoardError> {
        let now = self.now;
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Tasks, &id.0)], |w| {
                let t = w.board.tasks.iter_mut().find(|t| &t.id == id).ok_or(BoardError::NoTask)?;
                t.archived = false;
                t.updated_at = now;
                Ok::<_, BoardError>(())
            }),
        )?
        .1)
    }

    /// Archives every task in a done column; returns how many.
    pub fn archive_done(&mut self) -> Result<(usize, Vec<Op>), BoardError> {
        keep(&mut self.made, self.ws.change(&[Touch::All(Coll::Tasks)], |w| Ok(w.board.archive_done())))
    }

    pub fn add_column(&mut self, name: &str, kind: ColumnKind) -> Done<BoardError> {
        let ids = &mut *self.ids;
        Ok(keep(
            &mut self.made,
            self.ws.change(&[Touch::Append(Coll::Columns)], |w| w.board.push_column(ids, name, kind)),
        )?
        .1)
    }

    pub fn update_column(&mut self, column: Column) -> Done<BoardError> {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Columns, &column.id.0)], |w| w.board.update_column(column)),
        )?
        .1)
    }

    pub fn shift_column(&mut self, id: &ColumnId, by: isize) -> Done<BoardError> {
        Ok(keep(&mut self.made, self.ws.change(&[entity(Coll::Columns, &id.0)], |w| w.board.shift_column(id, by)))?.1)
    }

    pub fn remove_column(&mut self, id: &ColumnId, tasks_to: &ColumnId) -> Done<BoardError> {
        let now = self.now;
        let touches = [entity(Coll::Columns, &id.0), Touch::All(Coll::Tasks)];
        Ok(keep(&mut self.made, self.ws.change(&touches, |w| w.board.remove_column(id, tasks_to, now)))?.1)
    }

    pub fn set_standard(&mut self, priority: Priority, standard: ServiceStandard) -> Done<BoardError> {
        Ok(keep(&mut self.made, self.ws.change(&[settings()], |w| w.board.set_standard(priority, standard)))?.1)
    }

    // ── Training ────────────────────────────────────────────────────────────

    /// Plans training for a member in a skill, unless an unfinished plan for the same pair
    /// exists already.
    pub fn plan_training(&mut self, member: &MemberId, skill: &SkillId, target: u8, due: Option<NaiveDate>) -> Done {
        let ids = &mut *self.ids;
        Ok(keep(
            &mut self.made,
            self.ws.change(&[Touch::Append(Coll::Training)], |w| {
                if w.training
                    .iter()
                    .any(|x| &x.member == member && &x.skill == skill && x.status != TrainingStatus::Done)
                {
                    return Err(ModelError::AlreadyPlanned);
                }
                w.plan_training(ids, member, skill, target, due);
                Ok(())
            }),
        )?
        .1)
    }

    /// Turns a training item into a board task (once: a linked task is kept).
    pub fn training_task(&mut self, item: &TrainingId, title: String) -> Done {
        let (ids, now) = (&mut *self.ids, self.now);
        let touches = [entity(Coll::Training, &item.0), Touch::Append(Coll::Tasks)];
        Ok(keep(
            &mut self.made,
            self.ws.change(&touches, |w| {
                w.training_task(ids, item, title, now)
                    .map(|_| ())
                    .ok_or_else(|| ModelError::UnknownReference { kind: Kind::Training, id: item.0.clone() })
            }),
        )?
        .1)
    }

    pub fn set_training_due(&mut self, item: &TrainingId, due: Option<NaiveDate>) -> Done {
        self.edit_training(item, |x| x.due = due)
    }

    pub fn set_training_status(&mut self, item: &TrainingId, status: TrainingStatus) -> Done {
        self.edit_training(item, |x| x.status = status)
    }

    fn edit_training(&mut self, item: &TrainingId, f: impl FnOnce(&mut super::training::TrainingItem)) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Training, &item.0)], |w| {
                let x = w
                    .training
                    .iter_mut()
                    .find(|x| &x.id == item)
                    .ok_or_else(|| ModelError::UnknownReference { kind: Kind::Training, id: item.0.clone() })?;
                f(x);
                Ok(())
            }),
        )?
        .1)
    }

    // ── KPIs ────────────────────────────────────────────────────────────────

    /// Adds a KPI (the declaration holds its rules: a name no other KPI has, values in range).
    pub fn add_kpi(
        &mut self,
        name: &str,
        unit: &str,
        direction: Direction,
        target: f64,
        benchmark: Option<f64>,
    ) -> Done {
        let ids = &mut *self.ids;
        Ok(keep(
            &mut self.made,
            self.ws.change(&[Touch::Append(Coll::Kpis)], |w| {
                let mut k = Kpi::new(ids, name, unit, direction, target);
                k.benchmark = benchmark;
                w.kpis.push(k);
                Ok::<_, ModelError>(())
            }),
        )?
        .1)
    }

    /// Records a KPI's value for a period (replacing the value of that period).
    pub fn record_kpi(&mut self, id: &KpiId, period: NaiveDate, value: f64) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Kpis, &id.0)], |w| {
                let k = w
                    .kpis
                    .iter_mut()
                    .find(|k| &k.id == id)
                    .ok_or_else(|| ModelError::UnknownReference { kind: Kind::Kpi, id: id.0.clone() })?;
                if !k.allows(value) {
                    return Err(match k.range() {
                        (_, hi) if hi <= 100.0 => ModelError::PercentOutOfRange,
                        (lo, _) if lo >= 0.0 => ModelError::NegativeValue,
                        _ => ModelError::OutOfRange,
                    });
                }
                k.record(period, value);
                Ok(())
            }),
        )?
        .1)
    }

    pub fn remove_kpi(&mut self, id: &KpiId) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Kpis, &id.0)], |w| remove_row(&mut w.kpis, &id.0, Kind::Kpi)),
        )?
        .1)
    }

    /// Records the values of a `kpi,period,value` file; returns the report with the ops.
    pub fn import_kpi_values(&mut self, text: &str) -> Result<(CsvReport, Vec<Op>), ModelError> {
        keep(&mut self.made, self.ws.change(&[Touch::All(Coll::Kpis)], |w| Ok(import_values(&mut w.kpis, text))))
    }
}

/// Puts `item` in place of the row with its key, or adds it at the end.
fn upsert<T: Row>(list: &mut Vec<T>, item: T) {
    match list.iter_mut().find(|x| x.key_is(&item.key())) {
        Some(x) => *x = item,
        None => list.push(item),
    }
}

/// Removes the row with `id`; an error when there is none.
fn remove_row<T: Row>(list: &mut Vec<T>, id: &str, kind: Kind) -> Result<(), ModelError> {
    let before = list.len();
    list.retain(|x| !x.key_is(id));
    if list.len() == before {
        return Err(ModelError::UnknownReference { kind, id: id.to_owned() });
    }
    Ok(())
}

fn known_member(w: &Workspace, id: &MemberId) -> Result<(), ModelError> {
    w.member(id).map(|_| ()).ok_or_else(|| ModelError::UnknownReference { kind: Kind::Member, id: id.0.clone() })
}

impl Cmd<'_> {
    fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }

    // ── Meetings ────────────────────────────────────────────────────────────

    /// Adds or changes a meeting (blank standing items are left out).
    pub fn save_meeting(&mut self, mut m: Meeting) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Meetings, &m.id.0)], |w| {
                m.name = m.name.trim().to_owned();
                m.agenda.retain(|a| !a.trim().is_empty());
                upsert(&mut w.meetings, m);
                Ok::<_, ModelError>(())
            }),
        )?
        .1)
    }

    /// Removes a meeting and its minutes.
    pub fn remove_meeting(&mut self, id: &MeetingId) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Meetings, &id.0)], |w| remove_row(&mut w.meetings, &id.0, Kind::Meeting)),
        )?
        .1)
    }

    /// The minutes of a meeting held on `day` (made when there are none yet).
    pub fn hold_meeting(&mut self, meeting: &MeetingId, day: NaiveDate) -> Result<(MinutesId, Vec<Op>), ModelError> {
        let (id, ops) = keep(
            &mut self.made,
            self.ws.change(&[Touch::Append(Coll::Minutes)], |w| {
                w.hold_meeting(meeting, day)
                    .ok_or_else(|| ModelError::UnknownReference { kind: Kind::Meeting, id: meeting.0.clone() })
            }),
        )?;
        Ok((id, ops))
    }

    /// Keeps the minutes of a meeting held (adding them, or changing their decisions and notes).
    pub fn save_minutes(&mut self, m: Minutes) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Minutes, &m.id.0)], |w| {
                upsert(&mut w.minutes, m);
                Ok::<_, ModelError>(())
            }),
        )?
        .1)
    }

    // ── The improvement log ─────────────────────────────────────────────────

    /// Adds or changes an improvement. A new entry linked to a KPI takes the KPI's latest value as "before"; closing it (done) takes
    /// the latest value as "after" when none is given, and the day.
    pub fn save_improvement(&mut self, mut x: Improvement) -> Done {
        let today = self.today();
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Improvements, &x.id.0)], |w| {
                let kpi = x.kpi.as_ref().and_then(|k| w.kpis.iter().find(|x| &x.id == k));
                let old = w.improvements.iter().find(|i| i.id == x.id);
                let latest = kpi.and_then(|k| k.latest()).map(|l| l.0);
                if old.is_none() {
                    x.opened = today;
                    x.before = x.before.or(latest);
                }
                if x.status == ActionStatus::Done && old.is_none_or(|o| o.status != ActionStatus::Done) {
                    x.closed = Some(today);
                    x.after = x.after.or(latest);
                } else if x.status.is_open() {
                    x.closed = None;
                }
                upsert(&mut w.improvements, x);
                Ok::<_, ModelError>(())
            }),
        )?
        .1)
    }

    pub fn remove_improvement(&mut self, id: &ImprovementId) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Improvements, &id.0)], |w| {
                remove_row(&mut w.improvements, &id.0, Kind::Improvement)
            }),
        )?
        .1)
    }

    /// Turns an improvement action into a board task (once: a linked task is kept).
    pub fn improvement_task(&mut self, item: &ImprovementId, title: String) -> Done {
        let (ids, now) = (&mut *self.ids, self.now);
        let touches = [entity(Coll::Improvements, &item.0), Touch::Append(Coll::Tasks)];
        Ok(keep(
            &mut self.made,
            self.ws.change(&touches, |w| {
                w.improvement_task(ids, item, title, now)
                    .map(|_| ())
                    .ok_or_else(|| ModelError::UnknownReference { kind: Kind::Improvement, id: item.0.clone() })
            }),
        )?
        .1)
    }

    // ── Routines ────────────────────────────────────────────────────────────

    /// Adds or changes a routine. It needs a repeat (daily, or weekly on at least one weekday,
    /// or monthly). Its next day is its first day on or after the `next` given.
    pub fn save_routine(&mut self, mut r: Routine) -> Done {
        let today = self.today();
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Routines, &r.id.0)], |w| {
                r.title = r.title.trim().to_owned();
                r.weekdays.sort_unstable();
                r.weekdays.dedup();
                match r.repeat {
                    Repeat::Weekly if r.weekdays.is_empty() => return Err(ModelError::NoWeekday),
                    Repeat::AsNeeded => return Err(ModelError::OutOfRange),
                    _ => {}
                }
                // What the app recorded stays the app's (an editor may have opened before the
                // last task was made); the schedule starts after the last day made, and
                // resuming a paused routine starts from today, not from the pause.
                let mut from = r.next;
                if let Some(old) = w.routines.iter().find(|x| x.id == r.id) {
                    (r.last_task, r.last_day, r.missed) = (old.last_task.clone(), old.last_day, old.missed);
                    if old.paused && !r.paused {
                        from = from.max(today);
                    }
                }
                if let Some(last) = r.last_day {
                    from = from.max(super::dates::add_days(last, 1));
                }
                r.next = r.first_on_or_after(from).ok_or(ModelError::OutOfRange)?;
                upsert(&mut w.routines, r);
                Ok(())
            }),
        )?
        .1)
    }

    pub fn remove_routine(&mut self, id: &RoutineId) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Routines, &id.0)], |w| remove_row(&mut w.routines, &id.0, Kind::Routine)),
        )?
        .1)
    }

    /// Makes the tasks of routines whose day has come (see [`Workspace::run_routines`]).
    pub fn run_routines(&mut self, today: NaiveDate, missing: &str) -> Result<(Vec<RoutineRun>, Vec<Op>), ModelError> {
        let now = self.now;
        keep(
            &mut self.made,
            self.ws.change(&[Touch::All(Coll::Routines), Touch::Append(Coll::Tasks)], |w| {
                Ok::<_, ModelError>(w.run_routines(today, now, missing))
            }),
        )
    }

    // ── Check-ins and recognition ───────────────────────────────────────────

    /// Adds or changes a 1:1 check-in.
    pub fn save_checkin(&mut self, c: CheckIn) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::CheckIns, &c.id.0)], |w| {
                upsert(&mut w.checkins, c);
                Ok::<_, ModelError>(())
            }),
        )?
        .1)
    }

    pub fn remove_checkin(&mut self, id: &CheckInId) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::CheckIns, &id.0)], |w| remove_row(&mut w.checkins, &id.0, Kind::Note)),
        )?
        .1)
    }

    /// Thanks a member for something.
    pub fn recognise(&mut self, mut r: Recognition) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws.change(&[entity(Coll::Recognitions, &r.id.0)], |w| {
                r.text = r.text.trim().to_owned();
                upsert(&mut w.recognitions, r);
                Ok::<_, ModelError>(())
            }),
        )?
        .1)
    }

    pub fn remove_recognition(&mut self, id: &RecognitionId) -> Done {
        Ok(keep(
            &mut self.made,
            self.ws
                .change(&[entity(Coll::Recognitions, &id.0)], |w| remove_row(&mut w.recognitions, &id.0, Kind::Note)),
        )?
        .1)
    }
}

/// A removal that found nothing to remove is an error: the user acted on something gone.
fn removed(r: Option<()>, kind: Kind, id: &impl AsRef<str>) -> Result<(), ModelError> {
    r.ok_or_else(|| ModelError::UnknownReference { kind, id: id.as_ref().to_owned() })
}

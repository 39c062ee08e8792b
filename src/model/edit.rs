//! Model commands: every change the app makes to a workspace goes through these, so the rules
//! (unique names, ranges, no dangling references) live in one place.

use super::ids::{DepartmentId, DutyId, MemberId, RoleId, SkillId};
use super::keys::{clashes, repeats, KeySet};
use super::raci::{Duty, MemberLetter, Raci, RoleLetter};
use super::team::{Department, Member, Role, Skill, MAX_CAPACITY_HOURS, MAX_LEVEL};
use super::thread::Change;
use super::workspace::Workspace;
use std::fmt;

/// The largest headcount a role can ask for.
pub const MAX_HEADCOUNT: u32 = 999;

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
    /// A check-in or a recognition.
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
    #[error("capacity must be between 0 and {MAX_CAPACITY_HOURS} hours, not {0}")]
    CapacityOutOfRange(u32),
    #[error("a level must be between 0 and {MAX_LEVEL}, not {0}")]
    LevelOutOfRange(u8),
    #[error("headcount must be between 0 and {MAX_HEADCOUNT}, not {0}")]
    HeadcountOutOfRange(u32),
    #[error("{kind} {id} is listed twice")]
    DuplicateEntry { kind: Kind, id: String },
    #[error("there is no {kind} {id}")]
    UnknownReference { kind: Kind, id: String },
    #[error("a number is out of range")]
    OutOfRange,
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
}

/// The longest a name may be (a member, role, skill, department, KPI, meeting, column), in
/// characters.
pub const MAX_NAME: usize = 120;
/// The longest a title may be (a duty, a task, a routine, an improvement's problem, a thank-you).
pub const MAX_TITLE: usize = 300;
/// The longest free text may be (notes, descriptions, purposes, minutes).
pub const MAX_TEXT: usize = 10_000;

/// Refuses text longer than `max` characters. Checked by the commands, on what a person types;
/// a file's longer names are shortened by import repair instead.
pub fn fits(texts: &[(&str, usize)]) -> Result<(), ModelError> {
    match texts.iter().find(|(s, max)| s.chars().count() > *max) {
        Some(&(_, max)) => Err(ModelError::TooLong { max }),
        None => Ok(()),
    }
}

/// Something with an id and a user-visible name that must be unique among its kind.
pub trait Entity {
    type Id: PartialEq + AsRef<str> + ToString;
    const KIND: Kind;
    fn id(&self) -> &Self::Id;
    fn name(&self) -> &str;
}

macro_rules! entity {
    ($ty:ty, $id:ty, $kind:expr) => {
        impl Entity for $ty {
            type Id = $id;
            const KIND: Kind = $kind;
            fn id(&self) -> &$id {
                &self.id
            }
            fn name(&self) -> &str {
                &self.name
            }
        }
    };
}
entity!(Member, MemberId, Kind::Member);
entity!(Role, RoleId, Kind::Role);
entity!(Skill, SkillId, Kind::Skill);
entity!(Department, DepartmentId, Kind::Department);

impl Entity for Duty {
    type Id = DutyId;
    const KIND: Kind = Kind::Duty;
    fn id(&self) -> &DutyId {
        &self.id
    }
    fn name(&self) -> &str {
        &self.title
    }
}

/// The form of a name that uniqueness is judged on: trimmed, case folded.
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The item's name is present and no other item of its kind has it (one item: a scan).
fn check_name<T: Entity>(items: &[T], item: &T) -> Result<(), ModelError> {
    let key = name_key(item.name());
    if key.is_empty() {
        return Err(ModelError::EmptyName { kind: T::KIND });
    }
    if items.iter().any(|o| o.id() != item.id() && name_key(o.name()) == key) {
        return Err(ModelError::DuplicateName { kind: T::KIND, name: item.name().trim().to_owned() });
    }
    Ok(())
}

/// The ids of a kind's items, for reference checks.
fn ids_of<T: Entity>(items: &[T]) -> KeySet<'_> {
    KeySet::new(items.iter().map(|i| i.id().as_ref()))
}

/// The name rule for every item of a kind at once, O(n log n): the error, if any, per item.
/// `items` are (name, id) pairs. Not generic, so the wasm holds it once.
fn check_names(kind: Kind, items: Vec<(&str, &str)>) -> Vec<Option<ModelError>> {
    let keys: Vec<String> = items.iter().map(|(name, _)| name_key(name)).collect();
    let key_refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    let owners: Vec<&str> = items.iter().map(|(_, id)| *id).collect();
    let clash = clashes(&key_refs, &owners);
    items
        .iter()
        .enumerate()
        .map(|(i, (name, _))| {
            if keys[i].is_empty() {
                Some(ModelError::EmptyName { kind })
            } else if clash[i] {
                Some(ModelError::DuplicateName { kind, name: name.trim().to_owned() })
            } else {
                None
            }
        })
        .collect()
}

/// The (name, id) pairs of a kind's items, for [`check_names`].
fn named<T: Entity>(items: &[T]) -> Vec<(&str, &str)> {
    items.iter().map(|i| (i.name(), i.id().as_ref())).collect()
}

/// Look-ups over a whole workspace for the rules: which ids exist, built once.
pub struct Lookup<'a> {
    pub members: KeySet<'a>,
    pub roles: KeySet<'a>,
    pub skills: KeySet<'a>,
    pub departments: KeySet<'a>,
    pub duties: KeySet<'a>,
}

impl<'a> Lookup<'a> {
    pub fn new(ws: &'a Workspace) -> Self {
        Lookup {
            members: ids_of(&ws.members),
            roles: ids_of(&ws.roles),
            skills: ids_of(&ws.skills),
            departments: ids_of(&ws.departments),
            duties: ids_of(&ws.duties),
        }
    }
}

fn check_unique_refs<'a, I: AsRef<str> + ToString + 'a>(
    kind: Kind,
    ids: impl Iterator<Item = &'a I>,
) -> Result<(), ModelError> {
    let ids: Vec<&I> = ids.collect();
    let keys: Vec<&str> = ids.iter().map(|i| i.as_ref()).collect();
    match repeats(&keys).iter().position(|r| *r) {
        Some(i) => Err(ModelError::DuplicateEntry { kind, id: ids[i].to_string() }),
        None => Ok(()),
    }
}

fn check_level(level: u8) -> Result<(), ModelError> {
    if level > MAX_LEVEL {
        return Err(ModelError::LevelOutOfRange(level));
    }
    Ok(())
}

fn unknown(kind: Kind, id: &impl ToString) -> ModelError {
    ModelError::UnknownReference { kind, id: id.to_string() }
}

/// The rules each item must keep within its workspace, given the workspace's look-ups (all but
/// the name rule, which [`check_name`] and [`check_names`] check).
impl Lookup<'_> {
    /// Every rule but the name's a member must keep.
    pub fn check_member(&self, m: &Member) -> Result<(), ModelError> {
        if m.capacity_hours > MAX_CAPACITY_HOURS {
            return Err(ModelError::CapacityOutOfRange(m.capacity_hours));
        }
        check_unique_refs(Kind::Role, m.roles.iter())?;
        check_unique_refs(Kind::Skill, m.skills.iter().map(|s| &s.skill))?;
        if let Some(r) = m.roles.iter().find(|r| !self.roles.contains(r.as_str())) {
            return Err(unknown(Kind::Role, r));
        }
        for s in &m.skills {
            check_level(s.level)?;
            if !self.skills.contains(s.skill.as_str()) {
                return Err(unknown(Kind::Skill, &s.skill));
            }
        }
        match &m.department {
            Some(d) if !self.departments.contains(d.as_str()) => Err(unknown(Kind::Department, d)),
            _ => Ok(()),
        }
    }

    /// Every rule but the name's a role must keep.
    pub fn check_role(&self, r: &Role) -> Result<(), ModelError> {
        if r.headcount > MAX_HEADCOUNT {
            return Err(ModelError::HeadcountOutOfRange(r.headcount));
        }
        check_unique_refs(Kind::Skill, r.required_skills.iter().map(|s| &s.skill))?;
        for s in &r.required_skills {
            check_level(s.min_level)?;
            if !self.skills.contains(s.skill.as_str()) {
                return Err(unknown(Kind::Skill, &s.skill));
            }
        }
        Ok(())
    }

    /// Every rule but the name's a duty must keep.
    pub fn check_duty(&self, d: &Duty) -> Result<(), ModelError> {
        check_unique_refs(Kind::Role, d.roles.iter().map(|x| &x.role))?;
        check_unique_refs(Kind::Member, d.members.iter().map(|x| &x.member))?;
        if let Some(x) = d.roles.iter().find(|x| !self.roles.contains(x.role.as_str())) {
            return Err(unknown(Kind::Role, &x.role));
        }
        if let Some(x) = d.members.iter().find(|x| !self.members.contains(x.member.as_str())) {
            return Err(unknown(Kind::Member, &x.member));
        }
        Ok(())
    }
}

impl Workspace {
    /// Every rule a member must keep within this workspace.
    pub fn check_member(&self, m: &Member) -> Result<(), ModelError> {
        check_name(&self.members, m)?;
        Lookup::new(self).check_member(m)
    }

    /// Every rule a role must keep within this workspace.
    pub fn check_role(&self, r: &Role) -> Result<(), ModelError> {
        check_name(&self.roles, r)?;
        Lookup::new(self).check_role(r)
    }

    /// Every rule a skill must keep within this workspace.
    pub fn check_skill(&self, s: &Skill) -> Result<(), ModelError> {
        check_name(&self.skills, s)
    }

    /// Every rule a duty must keep within this workspace.
    pub fn check_duty(&self, d: &Duty) -> Result<(), ModelError> {
        check_name(&self.duties, d)?;
        Lookup::new(self).check_duty(d)
    }

    /// Every rule a department must keep within this workspace.
    pub fn check_department(&self, d: &Department) -> Result<(), ModelError> {
        check_name(&self.departments, d)
    }

    /// Adds a new member, or replaces the one with the same id.
    pub fn save_member(&mut self, mut m: Member) -> Result<(), ModelError> {
        tidy(&mut m.name);
        self.check_member(&m)?;
        upsert(&mut self.members, m);
        Ok(())
    }

    /// Adds a new role, or replaces the one with the same id.
    pub fn save_role(&mut self, mut r: Role) -> Result<(), ModelError> {
        tidy(&mut r.name);
        self.check_role(&r)?;
        upsert(&mut self.roles, r);
        Ok(())
    }

    /// Adds a new skill, or replaces the one with the same id.
    pub fn save_skill(&mut self, mut s: Skill) -> Result<(), ModelError> {
        tidy(&mut s.name);
        self.check_skill(&s)?;
        upsert(&mut self.skills, s);
        Ok(())
    }

    /// Adds a new department, or renames the one with the same id.
    pub fn save_department(&mut self, mut d: Department) -> Result<(), ModelError> {
        tidy(&mut d.name);
        self.check_department(&d)?;
        upsert(&mut self.departments, d);
        Ok(())
    }

    /// Adds a new duty, or changes the one with the same id (its letters included).
    pub fn save_duty(&mut self, mut d: Duty) -> Result<(), ModelError> {
        tidy(&mut d.title);
        tidy(&mut d.area);
        d.roles.retain(|x| x.letter.is_some());
        self.check_duty(&d)?;
        upsert(&mut self.duties, d);
        Ok(())
    }

    /// Removes a duty and its letters; tasks linked to it keep their work but lose the link.
    pub fn remove_duty(&mut self, id: &DutyId) -> Option<Duty> {
        let duty = take(&mut self.duties, id)?;
        for t in &mut self.board.tasks {
            if t.duty.as_ref() == Some(id) {
                t.duty = None;
            }
        }
        for r in &mut self.routines {
            if r.duty.as_ref() == Some(id) {
                r.duty = None;
            }
        }
        Some(duty)
    }

    /// Sets (or with `None`, clears) a role's letter on a duty.
    pub fn set_role_letter(&mut self, duty: &DutyId, role: &RoleId, letter: Option<Raci>) -> Result<(), ModelError> {
        if self.role(role).is_none() {
            return Err(unknown(Kind::Role, role));
        }
        let d = self.duties.iter_mut().find(|d| &d.id == duty).ok_or_else(|| unknown(Kind::Duty, duty))?;
        d.roles.retain(|x| &x.role != role);
        if letter.is_some() {
            d.roles.push(RoleLetter { role: role.clone(), letter });
        }
        Ok(())
    }

    /// Overrides a member's letter on a duty: `Some(letter)` sets it (`Some(None)` means "no part
    /// in it"), `None` removes the override so that the member's roles decide again.
    pub fn set_member_letter(
        &mut self,
        duty: &DutyId,
        member: &MemberId,
        letter: Option<Option<Raci>>,
    ) -> Result<(), ModelError> {
        if self.member(member).is_none() {
            return Err(unknown(Kind::Member, member));
        }
        let d = self.duties.iter_mut().find(|d| &d.id == duty).ok_or_else(|| unknown(Kind::Duty, duty))?;
        d.members.retain(|x| &x.member != member);
        if let Some(letter) = letter {
            d.members.push(MemberLetter { member: member.clone(), letter });
        }
        Ok(())
    }

    /// Removes a member and their overrides in the chart.
    pub fn remove_member(&mut self, id: &MemberId) -> Option<Member> {
        let member = take(&mut self.members, id)?;
        for d in &mut self.duties {
            d.members.retain(|x| &x.member != id);
        }
        for t in &mut self.board.tasks {
            t.assignees.retain(|m| m != id);
        }
        // What was about the member goes with them; what they own or gave loses the name.
        for x in &mut self.improvements {
            if x.owner.as_ref() == Some(id) {
                x.owner = None;
            }
        }
        for r in &mut self.routines {
            r.assignees.retain(|m| m != id);
        }
        self.checkins.retain(|c| &c.member != id);
        self.recognitions.retain(|r| &r.member != id);
        self.thread.retain(|e| e.change.as_ref().and_then(Change::member) != Some(id));
        for e in &mut self.thread {
            if e.author.as_ref() == Some(id) {
                e.author = None;
            }
        }
        for r in &mut self.recognitions {
            if r.from.as_ref() == Some(id) {
                r.from = None;
            }
        }
        Some(member)
    }

    /// Removes a role and every member's hold on it.
    pub fn remove_role(&mut self, id: &RoleId) -> Option<Role> {
        let role = take(&mut self.roles, id)?;
        for m in &mut self.members {
            m.roles.retain(|r| r != id);
        }
        for d in &mut self.duties {
            d.roles.retain(|x| &x.role != id);
        }
        for m in &mut self.meetings {
            m.roles.retain(|r| r != id);
        }
        Some(role)
    }

    /// Removes a skill from the catalogue, from every member and from every role's requirements.
    pub fn remove_skill(&mut self, id: &SkillId) -> Option<Skill> {
        let skill = take(&mut self.skills, id)?;
        for m in &mut self.members {
            m.skills.retain(|s| &s.skill != id);
        }
        for r in &mut self.roles {
            r.required_skills.retain(|s| &s.skill != id);
        }
        for t in &mut self.board.tasks {
            t.required_skills.retain(|s| &s.skill != id);
        }
        Some(skill)
    }

    /// Removes a department; its members keep working, in no department.
    pub fn remove_department(&mut self, id: &DepartmentId) -> Option<Department> {
        let dep = take(&mut self.departments, id)?;
        for m in &mut self.members {
            if m.department.as_ref() == Some(id) {
                m.department = None;
            }
        }
        Some(dep)
    }

    /// How many members hold `role`.
    pub fn role_usage(&self, role: &RoleId) -> usize {
        self.holders(role).count()
    }

    /// How many members list `skill`, and how many roles require it.
    pub fn skill_usage(&self, skill: &SkillId) -> (usize, usize) {
        let members = self.members.iter().filter(|m| m.skills.iter().any(|s| &s.skill == skill)).count();
        let roles = self.roles.iter().filter(|r| r.required_skills.iter().any(|s| &s.skill == skill)).count();
        (members, roles)
    }

    /// How many members belong to `department`.
    pub fn department_usage(&self, department: &DepartmentId) -> usize {
        self.members.iter().filter(|m| m.department.as_ref() == Some(department)).count()
    }
}

fn tidy(name: &mut String) {
    let trimmed = name.trim();
    if trimmed.len() != name.len() {
        *name = trimmed.to_owned();
    }
}

fn upsert<T: Entity>(items: &mut Vec<T>, item: T) {
    match items.iter().position(|o| o.id() == item.id()) {
        Some(i) => items[i] = item,
        None => items.push(item),
    }
}

fn take<T: Entity>(items: &mut Vec<T>, id: &T::Id) -> Option<T> {
    let i = items.iter().position(|o| o.id() == id)?;
    Some(items.remove(i))
}

/// A rule that a whole workspace breaks, and what breaks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The id of the item that breaks the rule.
    pub subject: String,
    pub error: ModelError,
}

/// Checks a whole workspace against every rule. An empty list means it is sound. O(n log n):
/// the look-ups are built once, by sorting.
pub fn validate(ws: &Workspace) -> Vec<Problem> {
    let mut out = Vec::new();
    duplicate_ids(&ws.members, &mut out);
    duplicate_ids(&ws.roles, &mut out);
    duplicate_ids(&ws.skills, &mut out);
    duplicate_ids(&ws.departments, &mut out);
    duplicate_ids(&ws.duties, &mut out);
    let look = Lookup::new(ws);
    let mut note = |subject: String, r: Result<(), ModelError>| {
        if let Err(error) = r {
            out.push(Problem { subject, error });
        }
    };
    // The name rule first for each item, as the one-item checks do.
    let name_ok = |name: Option<ModelError>| name.map_or(Ok(()), Err);
    for (m, name) in ws.members.iter().zip(check_names(Kind::Member, named(&ws.members))) {
        note(m.id.to_string(), name_ok(name).and_then(|_| look.check_member(m)));
    }
    for (r, name) in ws.roles.iter().zip(check_names(Kind::Role, named(&ws.roles))) {
        note(r.id.to_string(), name_ok(name).and_then(|_| look.check_role(r)));
    }
    for (s, name) in ws.skills.iter().zip(check_names(Kind::Skill, named(&ws.skills))) {
        note(s.id.to_string(), name_ok(name));
    }
    for (d, name) in ws.departments.iter().zip(check_names(Kind::Department, named(&ws.departments))) {
        note(d.id.to_string(), name_ok(name));
    }
    for (d, name) in ws.duties.iter().zip(check_names(Kind::Duty, named(&ws.duties))) {
        note(d.id.to_string(), name_ok(name).and_then(|_| look.check_duty(d)));
    }
    check_board(ws, &look, &mut out);
    out
}

fn check_board(ws: &Workspace, look: &Lookup, out: &mut Vec<Problem>) {
    let board = &ws.board;
    if board.columns.is_empty() {
        out.push(Problem { subject: String::new(), error: ModelError::EmptyName { kind: Kind::Column } });
    }
    let names: Vec<String> = board.columns.iter().map(|c| name_key(&c.name)).collect();
    let same_name = repeats(&names.iter().map(String::as_str).collect::<Vec<_>>());
    let same_id = repeats(&board.columns.iter().map(|c| c.id.as_str()).collect::<Vec<_>>());
    for (i, c) in board.columns.iter().enumerate() {
        if names[i].is_empty() {
            out.push(Problem { subject: c.id.to_string(), error: ModelError::EmptyName { kind: Kind::Column } });
        } else if same_name[i] {
            out.push(Problem {
                subject: c.id.to_string(),
                error: ModelError::DuplicateName { kind: Kind::Column, name: c.name.clone() },
            });
        }
        if same_id[i] || c.id.as_str().is_empty() {
            out.push(Problem {
                subject: c.id.to_string(),
                error: ModelError::DuplicateId { kind: Kind::Column, id: c.id.to_string() },
            });
        }
    }
    let columns = KeySet::new(board.columns.iter().map(|c| c.id.as_str()));
    let same_task = repeats(&board.tasks.iter().map(|t| t.id.as_str()).collect::<Vec<_>>());
    for (i, t) in board.tasks.iter().enumerate() {
        let mut note = |error| out.push(Problem { subject: t.id.to_string(), error });
        if t.title.trim().is_empty() {
            note(ModelError::EmptyName { kind: Kind::Task });
        }
        if same_task[i] || t.id.as_str().is_empty() {
            note(ModelError::DuplicateId { kind: Kind::Task, id: t.id.to_string() });
        }
        if !columns.contains(t.column.as_str()) {
            note(unknown(Kind::Column, &t.column));
        }
        if let Some(m) = t.assignees.iter().find(|m| !look.members.contains(m.as_str())) {
            note(unknown(Kind::Member, m));
        }
        if let Some(d) = t.duty.as_ref().filter(|d| !look.duties.contains(d.as_str())) {
            note(unknown(Kind::Duty, d));
        }
        if let Some(s) = t.required_skills.iter().find(|s| !look.skills.contains(s.skill.as_str())) {
            note(unknown(Kind::Skill, &s.skill));
        }
        if t.required_skills.iter().any(|s| s.min_level > MAX_LEVEL) {
            note(ModelError::LevelOutOfRange(MAX_LEVEL + 1));
        }
        if let Err(e) = check_unique_refs(Kind::Member, t.assignees.iter()) {
            note(e);
        }
    }
}

fn duplicate_ids<T: Entity>(items: &[T], out: &mut Vec<Problem>) {
    let same = repeats(&items.iter().map(|i| i.id().as_ref()).collect::<Vec<_>>());
    for (item, again) in items.iter().zip(same) {
        let id = item.id().to_string();
        if id.is_empty() || again {
            out.push(Problem { subject: id.clone(), error: ModelError::DuplicateId { kind: T::KIND, id } });
        }
    }
}

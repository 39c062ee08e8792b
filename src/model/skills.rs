//! Skills insight: coverage per skill, single points of failure, gaps, staffing, the
//! training plan and the record of level changes.

use super::board::{Task, TaskType};
use super::ids::{ColumnId, IdGen, MemberId, RoleId, SkillId, TaskId, TrainingId};
use super::team::MAX_LEVEL;
use super::training::{LevelChange, TrainingItem, TrainingStatus};
use super::workspace::Workspace;
use chrono::{DateTime, NaiveDate, Utc};

/// How many active members stand at each level (index 0–4) of a skill.
pub fn coverage(ws: &Workspace, skill: &SkillId) -> [usize; 5] {
    let mut out = [0; 5];
    for m in ws.members.iter().filter(|m| m.active) {
        out[m.level(skill).min(MAX_LEVEL) as usize] += 1;
    }
    out
}

/// Active members at or above `level` in a skill.
pub fn qualified(ws: &Workspace, skill: &SkillId, level: u8) -> Vec<MemberId> {
    ws.members.iter().filter(|m| m.active && m.level(skill) >= level).map(|m| m.id.clone()).collect()
}

/// A skill a role requires that too few people have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Risk {
    pub role: RoleId,
    pub skill: SkillId,
    pub level: u8,
    /// The only qualified member (a single point of failure), or `None` when nobody is.
    pub only: Option<MemberId>,
}

/// Every required skill that only one active member (or nobody) has at the required level.
pub fn single_points_of_failure(ws: &Workspace) -> Vec<Risk> {
    let mut out = Vec::new();
    for r in &ws.roles {
        for req in &r.required_skills {
            let q = qualified(ws, &req.skill, req.min_level);
            if q.len() <= 1 {
                out.push(Risk {
                    role: r.id.clone(),
                    skill: req.skill.clone(),
                    level: req.min_level,
                    only: q.into_iter().next(),
                });
            }
        }
    }
    out
}

/// A required skill of a member's role that the member does not reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub member: MemberId,
    pub role: RoleId,
    pub skill: SkillId,
    pub have: u8,
    pub need: u8,
}

/// Every gap of every active member, in team order.
pub fn gaps(ws: &Workspace) -> Vec<Gap> {
    let mut out = Vec::new();
    for m in ws.members.iter().filter(|m| m.active) {
        for r in m.roles.iter().filter_map(|r| ws.role(r)) {
            for req in &r.required_skills {
                let have = m.level(&req.skill);
                if have < req.min_level {
                    out.push(Gap {
                        member: m.id.clone(),
                        role: r.id.clone(),
                        skill: req.skill.clone(),
                        have,
                        need: req.min_level,
                    });
                }
            }
        }
    }
    out
}

/// A role's headcount against the people who hold it and meet all its required skills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staffing {
    pub role: RoleId,
    pub needed: u32,
    pub holders: usize,
    pub qualified: usize,
}

impl Staffing {
    pub fn is_met(&self) -> bool {
        self.qualified as u32 >= self.needed
    }
}

/// Staffing of every role.
pub fn staffing(ws: &Workspace) -> Vec<Staffing> {
    ws.roles
        .iter()
        .map(|r| {
            let holders: Vec<_> = ws.holders(&r.id).filter(|m| m.active).collect();
            let qualified =
                holders.iter().filter(|m| r.required_skills.iter().all(|s| m.level(&s.skill) >= s.min_level)).count();
            Staffing { role: r.id.clone(), needed: r.headcount, holders: holders.len(), qualified }
        })
        .collect()
}

impl Workspace {
    /// Sets a member's level in a skill (adding or removing the skill) and records the change.
    pub fn set_level(&mut self, member: &MemberId, skill: &SkillId, level: u8, now: DateTime<Utc>) -> bool {
        if level > MAX_LEVEL || self.skill(skill).is_none() {
            return false;
        }
        let Some(m) = self.members.iter_mut().find(|m| &m.id == member) else { return false };
        let from = m.level(skill);
        if from == level {
            return false;
        }
        match m.skills.iter_mut().find(|s| &s.skill == skill) {
            Some(s) => s.level = level,
            None => m.skills.push(super::team::MemberSkill { skill: skill.clone(), level, interested: false }),
        }
        self.skill_history.push(LevelChange { at: now, member: member.clone(), skill: skill.clone(), from, to: level });
        true
    }

    /// Saves a member (see [`Workspace::save_member`]) and records any change of level.
    pub fn save_member_recording(
        &mut self,
        m: super::team::Member,
        now: DateTime<Utc>,
    ) -> Result<(), super::decl::ModelError> {
        let before = self.member(&m.id).cloned();
        self.save_member(m.clone());
        self.record_level_changes(before.as_ref(), &m, now);
        Ok(())
    }

    /// Records the level changes between a member as stored and as about to be saved.
    pub fn record_level_changes(
        &mut self,
        before: Option<&super::team::Member>,
        after: &super::team::Member,
        now: DateTime<Utc>,
    ) {
        for s in &after.skills {
            let from = before.map_or(0, |b| b.level(&s.skill));
            if from != s.level {
                self.skill_history.push(LevelChange {
                    at: now,
                    member: after.id.clone(),
                    skill: s.skill.clone(),
                    from,
                    to: s.level,
                });
            }
        }
    }

    /// Plans training for a gap (or any member and skill).
    pub fn plan_training(
        &mut self,
        ids: &mut IdGen,
        member: &MemberId,
        skill: &SkillId,
        target: u8,
        due: Option<NaiveDate>,
    ) -> TrainingId {
        let id = TrainingId::generate(ids);
        self.training.push(TrainingItem {
            id: id.clone(),
            member: member.clone(),
            skill: skill.clone(),
            target_level: target.min(MAX_LEVEL),
            due,
            status: TrainingStatus::Planned,
            task: None,
        });
        id
    }

    /// Turns a training item into a training task on the board (first not-started column),
    /// assigned to the member and linked back to the item. Returns the task's id.
    pub fn training_task(
        &mut self,
        ids: &mut IdGen,
        item: &TrainingId,
        title: String,
        now: DateTime<Utc>,
    ) -> Option<TaskId> {
        let t = self.training.iter().find(|t| &t.id == item)?.clone();
        if let Some(existing) = t.task.as_ref().filter(|id| self.board.task(id).is_some()) {
            return Some(existing.clone());
        }
        let column: ColumnId = self.board.intake()?.clone();
        let id = TaskId::generate(ids);
        let task = Task {
            id: id.clone(),
            title,
            kind: TaskType::Training,
            assignees: vec![t.member.clone()],
            estimate_hours: 4.0,
            due: t.due,
            labels: vec!["training".into()],
            column,
            ..Task::default()
        };
        self.board.add_task(task, now).ok()?;
        if let Some(x) = self.training.iter_mut().find(|x| &x.id == item) {
            x.task = Some(id.clone());
        }
        Some(id)
    }
}

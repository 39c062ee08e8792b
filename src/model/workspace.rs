//! The aggregate root: the workspace, which holds every collection, and its look-ups.

use super::board::{Board, Column, Task};
use super::decl::Coll;
use super::ids::{DepartmentId, DutyId, MemberId, RoleId, SkillId};
use super::kpi::Kpi;
use super::raci::{Duty, Thresholds};
use super::rows::{Row, Rows};
use super::service::{CheckIn, Improvement, Meeting, Minutes, Recognition, Routine};
use super::team::{CollaborationModel, Department, Member, Role, Skill};
use super::thread::Entry;
use super::training::{LevelChange, TrainingItem};
use serde::{Deserialize, Serialize};

/// Everything Rolecall knows about one team.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    pub name: String,
    pub purpose: String,
    /// Short statements of what the team is aiming for.
    pub goals: Vec<String>,
    pub collaboration: CollaborationModel,
    pub departments: Vec<Department>,
    pub members: Vec<Member>,
    pub roles: Vec<Role>,
    pub skills: Vec<Skill>,
    /// The activities of the responsibility chart, with their letters.
    pub duties: Vec<Duty>,
    /// Where the chart starts warning.
    pub thresholds: Thresholds,
    /// The task board.
    pub board: Board,
    /// Training planned to close skill gaps.
    pub training: Vec<TrainingItem>,
    /// Every change of a member's level, for growth over time.
    pub skill_history: Vec<LevelChange>,
    /// Service KPIs and their values.
    pub kpis: Vec<Kpi>,
    /// The team's recurring meetings (version 5 made them of the old free-text rhythm lines).
    pub meetings: Vec<Meeting>,
    /// The minutes of meetings held.
    pub minutes: Vec<Minutes>,
    /// The improvement log.
    pub improvements: Vec<Improvement>,
    /// Task templates that repeat.
    pub routines: Vec<Routine>,
    /// 1:1 check-ins: private to this browser (see [`Workspace::without_private`]).
    pub checkins: Vec<CheckIn>,
    /// Thanks given to members.
    pub recognitions: Vec<Recognition>,
    /// The tasks' threads: comments, and changes of assignment and priority (version 6).
    pub thread: Vec<Entry>,
}

impl Workspace {
    /// The duty with `id`.
    pub fn duty(&self, id: &DutyId) -> Option<&Duty> {
        self.duties.iter().find(|d| &d.id == id)
    }

    /// The areas duties are grouped by, in the order they first appear.
    pub fn areas(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for d in &self.duties {
            if !out.contains(&d.area) {
                out.push(d.area.clone());
            }
        }
        out
    }

    /// The member with `id`.
    pub fn member(&self, id: &MemberId) -> Option<&Member> {
        self.members.iter().find(|m| &m.id == id)
    }

    /// The role with `id`.
    pub fn role(&self, id: &RoleId) -> Option<&Role> {
        self.roles.iter().find(|r| &r.id == id)
    }

    /// The skill with `id`.
    pub fn skill(&self, id: &SkillId) -> Option<&Skill> {
        self.skills.iter().find(|s| &s.id == id)
    }

    /// The department with `id`.
    pub fn department(&self, id: &DepartmentId) -> Option<&Department> {
        self.departments.iter().find(|d| &d.id == id)
    }

    /// The workspace as it may leave this browser: without the private check-ins.
    pub fn without_private(&self) -> Workspace {
        Workspace { checkins: Vec::new(), ..self.clone() }
    }

    /// Keeps this browser's private check-ins in `team`, a workspace that came from elsewhere
    /// (the team's room), for the members it has.
    pub fn keep_private_in(&self, team: &mut Workspace) {
        let known = super::keys::KeySet::new(team.members.iter().map(|m| m.id.as_str()));
        team.checkins = self.checkins.iter().filter(|c| known.contains(c.member.as_str())).cloned().collect();
    }

    /// The members who hold `role`.
    pub fn holders<'a>(&'a self, role: &'a RoleId) -> impl Iterator<Item = &'a Member> + 'a {
        self.members.iter().filter(move |m| m.holds(role))
    }
}

macro_rules! row {
    ($($ty:ty),*) => {$(
        impl Row for $ty {
            fn key(&self) -> String {
                self.id.0.clone()
            }
            fn key_is(&self, key: &str) -> bool {
                self.id.0 == key
            }
        }
    )*};
}
row!(
    Department,
    Member,
    Role,
    Skill,
    Duty,
    Column,
    Task,
    TrainingItem,
    Kpi,
    Meeting,
    Minutes,
    Improvement,
    Routine,
    CheckIn,
    Recognition,
    Entry
);

impl Row for LevelChange {
    // A log entry has no id of its own: its time, member and skill name it.
    fn key(&self) -> String {
        format!("{}|{}|{}", self.at.timestamp_millis(), self.member.0, self.skill.0)
    }
}

impl Workspace {
    /// Takes the workspace's own fields (the settings, not its lists) from `other`.
    pub fn take_settings(&mut self, other: Workspace) {
        self.name = other.name;
        self.purpose = other.purpose;
        self.goals = other.goals;
        self.collaboration = other.collaboration;
        self.thresholds = other.thresholds;
        self.board.standards = other.board.standards;
    }

    /// The rows of a collection (`None` for the settings, which are the workspace's own fields).
    pub fn rows(&self, coll: Coll) -> Option<&dyn Rows> {
        Some(match coll {
            Coll::Settings => return None,
            Coll::Departments => &self.departments,
            Coll::Members => &self.members,
            Coll::Roles => &self.roles,
            Coll::Skills => &self.skills,
            Coll::Duties => &self.duties,
            Coll::Columns => &self.board.columns,
            Coll::Tasks => &self.board.tasks,
            Coll::Training => &self.training,
            Coll::LevelChanges => &self.skill_history,
            Coll::Kpis => &self.kpis,
            Coll::Meetings => &self.meetings,
            Coll::Minutes => &self.minutes,
            Coll::Improvements => &self.improvements,
            Coll::Routines => &self.routines,
            Coll::CheckIns => &self.checkins,
            Coll::Recognitions => &self.recognitions,
            Coll::Thread => &self.thread,
        })
    }

    /// The rows of a collection, to change.
    pub(super) fn rows_mut(&mut self, coll: Coll) -> Option<&mut dyn Rows> {
        Some(match coll {
            Coll::Settings => return None,
            Coll::Departments => &mut self.departments,
            Coll::Members => &mut self.members,
            Coll::Roles => &mut self.roles,
            Coll::Skills => &mut self.skills,
            Coll::Duties => &mut self.duties,
            Coll::Columns => &mut self.board.columns,
            Coll::Tasks => &mut self.board.tasks,
            Coll::Training => &mut self.training,
            Coll::LevelChanges => &mut self.skill_history,
            Coll::Kpis => &mut self.kpis,
            Coll::Meetings => &mut self.meetings,
            Coll::Minutes => &mut self.minutes,
            Coll::Improvements => &mut self.improvements,
            Coll::Routines => &mut self.routines,
            Coll::CheckIns => &mut self.checkins,
            Coll::Recognitions => &mut self.recognitions,
            Coll::Thread => &mut self.thread,
        })
    }
}

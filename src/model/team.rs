//! The team model: workspace, members, roles, skills, departments.

use super::ids::{DepartmentId, MemberId, RoleId, SkillId};
use serde::{Deserialize, Serialize};

/// Declared once, with every other limit (`decl.rs`); named here for the team's own code.
pub use super::decl::{MAX_CAPACITY_HOURS, MAX_LEVEL};

/// How the team works together (from the collaboration models in the design sources).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CollaborationModel {
    /// Organised by department; specialists collaborate across department lines.
    Departmental,
    /// People from several functions solve service problems together.
    #[default]
    CrossFunctional,
    /// Distributed, working mostly through online tools.
    Virtual,
    /// Short cycles, fast feedback, strategy adjusted as the market moves.
    Agile,
}

impl CollaborationModel {
    /// Every model, in the order the app lists them.
    pub const ALL: [CollaborationModel; 4] = [Self::Departmental, Self::CrossFunctional, Self::Virtual, Self::Agile];

    /// The stable name used in files and in the UI's `value` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Departmental => "departmental",
            Self::CrossFunctional => "cross-functional",
            Self::Virtual => "virtual",
            Self::Agile => "agile",
        }
    }

    /// The model with that stable name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// The kind of a skill in the catalogue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkillCategory {
    /// Communication, empathy, conflict handling.
    People,
    /// Troubleshooting, systems, tools.
    Technical,
    /// Knowledge of the products and policies.
    Product,
    /// Planning, quality, methods.
    Process,
    /// Anything else.
    #[default]
    Other,
}

impl SkillCategory {
    /// Every category, in the order the app lists them.
    pub const ALL: [SkillCategory; 5] = [Self::People, Self::Technical, Self::Product, Self::Process, Self::Other];

    /// The stable name used in files and in the UI's `value` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::People => "people",
            Self::Technical => "technical",
            Self::Product => "product",
            Self::Process => "process",
            Self::Other => "other",
        }
    }

    /// The category with that stable name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A team or department inside the workspace.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Department {
    pub id: DepartmentId,
    pub name: String,
}

/// A member's level in one skill.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct MemberSkill {
    pub skill: SkillId,
    /// 0 none, 1 basic, 2 intermediate, 3 advanced, 4 expert.
    pub level: u8,
    /// The member wants to grow in this skill.
    pub interested: bool,
}

/// A person on the team.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Member {
    pub id: MemberId,
    pub name: String,
    pub title: String,
    /// E-mail, phone or chat handle; optional.
    pub contact: String,
    pub department: Option<DepartmentId>,
    /// Hours a week this person can give the team (0–168).
    pub capacity_hours: u32,
    pub roles: Vec<RoleId>,
    pub skills: Vec<MemberSkill>,
    pub notes: String,
    pub active: bool,
}

impl Default for Member {
    fn default() -> Self {
        Self {
            id: MemberId::default(),
            name: String::new(),
            title: String::new(),
            contact: String::new(),
            department: None,
            capacity_hours: 40,
            roles: Vec::new(),
            skills: Vec::new(),
            notes: String::new(),
            active: true,
        }
    }
}

impl Member {
    /// This member's level in `skill` (0 when they do not list it).
    pub fn level(&self, skill: &SkillId) -> u8 {
        self.skills.iter().find(|s| &s.skill == skill).map_or(0, |s| s.level)
    }

    /// Whether the member holds `role`.
    pub fn holds(&self, role: &RoleId) -> bool {
        self.roles.contains(role)
    }
}

/// A skill a role needs, with the lowest acceptable level.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct RequiredSkill {
    pub skill: SkillId,
    pub min_level: u8,
}

/// A role on the team: why it exists, what it does, what it needs.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Role {
    pub id: RoleId,
    pub name: String,
    pub purpose: String,
    pub required_skills: Vec<RequiredSkill>,
    /// How many people the role needs.
    pub headcount: u32,
}

impl Default for Role {
    fn default() -> Self {
        Self {
            id: RoleId::default(),
            name: String::new(),
            purpose: String::new(),
            required_skills: Vec::new(),
            headcount: 1,
        }
    }
}

/// A skill in the team's catalogue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Skill {
    pub id: SkillId,
    pub name: String,
    pub category: SkillCategory,
    pub description: String,
}

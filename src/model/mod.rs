//! Plain data and pure functions: no browser, no views. Everything here is tested natively.

pub mod analytics;
pub mod assign;
pub mod board;
pub mod chart;
pub mod commands;
pub mod csv;
pub mod dates;
pub mod decl;
pub mod edit;
pub mod erlang;
pub mod generate;
pub mod handbook;
pub mod history;
pub mod ids;
pub mod impact;
pub mod import;
pub mod input;
pub mod json;
pub mod keys;
pub mod kpi;
pub mod layout;
pub mod link;
pub mod merge;
pub mod ops;
pub mod raci;
pub mod raci_check;
pub mod review;
pub mod rows;
pub mod rules;
pub mod schema;
pub mod service;
pub mod share;
pub mod skills;
pub mod team;
pub mod template;
pub mod template_zh;
pub mod thread;
pub mod training;
pub mod workspace;
pub mod ydoc;

pub use board::{Board, Priority, Task, TaskType};
pub use edit::{validate, Kind, ModelError, Problem};
pub use ids::{
    CheckInId, ColumnId, DepartmentId, DutyId, EntryId, IdGen, ImprovementId, KpiId, MeetingId, MemberId, MinutesId,
    RecognitionId, RoleId, RoutineId, SkillId, TaskId, TrainingId,
};
pub use raci::{Duty, Frequency, Raci};
pub use team::{CollaborationModel, Department, Member, MemberSkill, RequiredSkill, Role, Skill, SkillCategory};
pub use workspace::Workspace;

//! The typed building blocks of the team's commands: saving and removing members, roles,
//! skills, departments and duties, and the chart's letters. The rules every change keeps are
//! declared once (`decl.rs`) and checked for every command in one place (`Workspace::change`);
//! a removal's references are taken out there too, so these only put things in place.

use super::ids::{DepartmentId, DutyId, MemberId, RoleId, SkillId};
use super::raci::{Duty, MemberLetter, Raci, RoleLetter};
use super::team::{Department, Member, Role, Skill};
use super::workspace::Workspace;

pub use super::decl::{Kind, ModelError};
pub use super::rules::{name_key, Problem};

/// Something with an id, kept in a list of its kind.
pub trait Entity {
    type Id: PartialEq + AsRef<str> + ToString;
    fn id(&self) -> &Self::Id;
}

macro_rules! entity {
    ($($ty:ty => $id:ty),*) => {$(
        impl Entity for $ty {
            type Id = $id;
            fn id(&self) -> &$id {
                &self.id
            }
        }
    )*};
}
entity!(Member => MemberId, Role => RoleId, Skill => SkillId, Department => DepartmentId, Duty => DutyId);

fn unknown(kind: Kind, id: &impl ToString) -> ModelError {
    ModelError::UnknownReference { kind, id: id.to_string() }
}

impl Workspace {
    /// Adds a new member, or replaces the one with the same id.
    pub fn save_member(&mut self, mut m: Member) {
        tidy(&mut m.name);
        upsert(&mut self.members, m);
    }

    /// Adds a new role, or replaces the one with the same id.
    pub fn save_role(&mut self, mut r: Role) {
        tidy(&mut r.name);
        upsert(&mut self.roles, r);
    }

    /// Adds a new skill, or replaces the one with the same id.
    pub fn save_skill(&mut self, mut s: Skill) {
        tidy(&mut s.name);
        upsert(&mut self.skills, s);
    }

    /// Adds a new department, or renames the one with the same id.
    pub fn save_department(&mut self, mut d: Department) {
        tidy(&mut d.name);
        upsert(&mut self.departments, d);
    }

    /// Adds a new duty, or changes the one with the same id (its letters included; a role's
    /// entry without a letter is not kept).
    pub fn save_duty(&mut self, mut d: Duty) {
        tidy(&mut d.title);
        tidy(&mut d.area);
        d.roles.retain(|x| x.letter.is_some());
        upsert(&mut self.duties, d);
    }

    /// Removes a duty (see `Workspace::change` for what refers to it).
    pub fn remove_duty(&mut self, id: &DutyId) -> Option<Duty> {
        take(&mut self.duties, id)
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

    /// Removes a member (see `Workspace::change` for what refers to them).
    pub fn remove_member(&mut self, id: &MemberId) -> Option<Member> {
        take(&mut self.members, id)
    }

    /// Removes a role (see `Workspace::change` for what refers to it).
    pub fn remove_role(&mut self, id: &RoleId) -> Option<Role> {
        take(&mut self.roles, id)
    }

    /// Removes a skill from the catalogue (see `Workspace::change` for what refers to it).
    pub fn remove_skill(&mut self, id: &SkillId) -> Option<Skill> {
        take(&mut self.skills, id)
    }

    /// Removes a department (see `Workspace::change` for what refers to it).
    pub fn remove_department(&mut self, id: &DepartmentId) -> Option<Department> {
        take(&mut self.departments, id)
    }

    /// Removes a member, giving their open tasks to `heir` first (or to nobody).
    pub fn remove_member_giving_tasks(&mut self, id: &MemberId, heir: Option<&MemberId>) -> bool {
        if self.member(id).is_none() || heir.is_some_and(|h| h == id || self.member(h).is_none()) {
            return false;
        }
        if let Some(heir) = heir {
            let open: Vec<bool> = self.board.tasks.iter().map(|t| self.board.is_open(t)).collect();
            for (t, open) in self.board.tasks.iter_mut().zip(open) {
                if open && t.assignees.contains(id) {
                    t.assignees.retain(|m| m != id && m != heir);
                    t.assignees.push(heir.clone());
                }
            }
        }
        self.remove_member(id).is_some()
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

/// Checks a whole workspace against every rule of the declaration. An empty list means it is
/// sound. O(n log n).
pub fn validate(ws: &Workspace) -> Vec<Problem> {
    super::rules::problems(&super::json::value_of(ws))
}

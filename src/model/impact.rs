//! What removing a member or a role would break, said before it is done (issue 15: removing the
//! only QA person left six chart errors and unassigned their tasks without a word).

use super::commands::Cmd;
use super::ids::{IdGen, MemberId, RoleId, TaskId};
use super::raci_check::{check, Finding, Severity};
use super::workspace::Workspace;
use chrono::DateTime;

/// What a removal would break.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Impact {
    /// Chart errors the removal would cause (duties left without an A or an R, or only on roles
    /// nobody holds), that the chart does not have now.
    pub new_errors: Vec<Finding>,
    /// Open tasks that would lose this person.
    pub tasks: Vec<TaskId>,
    /// Unfinished training items that would go with them.
    pub training: usize,
}

/// The chart errors `after` has and `before` has not.
fn new_errors(before: &Workspace, after: &Workspace) -> Vec<Finding> {
    let errors = |ws: &Workspace| check(ws).into_iter().filter(|f| f.severity() == Severity::Error).collect::<Vec<_>>();
    let old = errors(before);
    errors(after).into_iter().filter(|f| !old.contains(f)).collect()
}

/// The open tasks member `id` works on (those a removal takes them off).
pub fn open_tasks(ws: &Workspace, id: &MemberId) -> Vec<TaskId> {
    ws.board.tasks.iter().filter(|t| ws.board.is_open(t) && t.assignees.contains(id)).map(|t| t.id.clone()).collect()
}

/// What removing member `id` would break. It checks a copy of the whole workspace: call it when
/// the removal is asked for, not whenever an editor opens.
pub fn of_member(ws: &Workspace, id: &MemberId) -> Impact {
    let mut after = ws.clone();
    let _ = Cmd::new(&mut after, &mut IdGen::new(0), DateTime::default()).remove_member(id);
    Impact {
        new_errors: new_errors(ws, &after),
        tasks: open_tasks(ws, id),
        training: ws
            .training
            .iter()
            .filter(|x| &x.member == id && x.status != super::training::TrainingStatus::Done)
            .count(),
    }
}

/// What removing role `id` would break in the chart.
pub fn of_role(ws: &Workspace, id: &RoleId) -> Impact {
    let mut after = ws.clone();
    let _ = Cmd::new(&mut after, &mut IdGen::new(0), DateTime::default()).remove_role(id);
    Impact { new_errors: new_errors(ws, &after), ..Impact::default() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::service_team;
    use crate::model::IdGen;

    // Removing the only quality analyst leaves duties without a Responsible (or Accountable), and
    // their open tasks; the impact names them before anything happens.
    #[test]
    fn removing_the_only_qa_person_says_what_breaks() {
        let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let ws = service_team(&mut IdGen::new(1), now);
        let sam = ws.members.iter().find(|m| m.name == "Sam Okafor").unwrap().id.clone();
        let impact = of_member(&ws, &sam);
        assert!(!impact.new_errors.is_empty(), "{impact:?}");
        let qa = ws.roles.iter().find(|r| ws.holders(&r.id).any(|m| m.id == sam)).unwrap().id.clone();
        assert!(!of_role(&ws, &qa).new_errors.is_empty());
        // A member whose removal breaks nothing says so.
        let mut lone = ws.clone();
        lone.members.push(crate::model::Member {
            id: MemberId::from("mem_new"),
            name: "New".into(),
            ..Default::default()
        });
        assert_eq!(of_member(&lone, &MemberId::from("mem_new")), Impact::default());
        // Their open tasks go to the heir.
        let tom = ws.members.iter().find(|m| m.name == "Tom Becker").unwrap().id.clone();
        let mut w = ws.clone();
        let tasks = of_member(&w, &tom).tasks;
        assert!(!tasks.is_empty());
        let heir = w.members.iter().find(|m| m.name == "Chen Wei").unwrap().id.clone();
        Cmd::new(&mut w, &mut IdGen::new(1), now).remove_member_giving_tasks(&tom, Some(&heir)).unwrap();
        assert!(tasks.iter().all(|t| w.board.task(t).unwrap().assignees.contains(&heir)));
    }
}

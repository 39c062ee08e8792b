//! What a share link carries (issue 15: a team of six with 90 tasks passed the link's cap with
//! everything in it): the team and the open board, or the team model and the chart only.

use super::keys::KeySet;
use super::workspace::Workspace;

/// What a link carries: a team of six with 90 tasks passed 8,192 characters with everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkScope {
    /// The team model and the chart: people, roles, skills, duties, meetings and the board's
    /// columns, without tasks, KPI values, training or logs.
    TeamAndChart,
    /// Also the open board: every task not archived, without its history of moves.
    WithBoard,
}

/// The workspace as a link of `scope` carries it.
pub fn for_link(ws: &Workspace, scope: LinkScope) -> Workspace {
    // Comments and recorded changes are the tasks' history: a link leaves them out too.
    let mut out = Workspace {
        skill_history: Vec::new(),
        minutes: Vec::new(),
        checkins: Vec::new(),
        thread: Vec::new(),
        ..ws.clone()
    };
    out.board.tasks.retain(|t| !t.archived);
    out.board.tasks.iter_mut().for_each(|t| t.history.clear());
    if scope == LinkScope::TeamAndChart {
        out.board.tasks.clear();
        out.training.clear();
        out.kpis.iter_mut().for_each(|k| k.values.clear());
        out.improvements.clear();
        out.routines.clear();
        out.recognitions.clear();
    }
    // What is left must still hold together (training and improvements pointing at tasks gone).
    let tasks = KeySet::new(out.board.tasks.iter().map(|t| t.id.as_str()));
    let keep: Vec<bool> =
        out.training.iter().map(|x| x.task.as_ref().is_none_or(|t| tasks.contains(t.as_str()))).collect();
    for (x, keep) in out.training.iter_mut().zip(keep) {
        if !keep {
            x.task = None;
        }
    }
    let kept: Vec<Vec<bool>> =
        out.improvements.iter().map(|x| x.tasks.iter().map(|t| tasks.contains(t.as_str())).collect()).collect();
    for (x, kept) in out.improvements.iter_mut().zip(kept) {
        let mut k = kept.into_iter();
        x.tasks.retain(|_| k.next().unwrap_or(false));
    }
    let last: Vec<bool> =
        out.routines.iter().map(|r| r.last_task.as_ref().is_some_and(|t| !tasks.contains(t.as_str()))).collect();
    for (r, gone) in out.routines.iter_mut().zip(last) {
        if gone {
            r.last_task = None;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    // A link carries what its scope says, and what it carries still holds together.
    #[test]
    fn a_link_carries_its_scope_and_stays_valid() {
        use super::{for_link, LinkScope};
        let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let mut ws = crate::model::template::service_team(&mut crate::model::IdGen::new(1), now);
        ws.board.tasks[0].archived = true;
        let board = for_link(&ws, LinkScope::WithBoard);
        assert_eq!(board.board.tasks.len(), ws.board.tasks.len() - 1);
        assert!(board.board.tasks.iter().all(|t| t.history.is_empty() && !t.archived));
        assert_eq!(crate::model::validate(&board), vec![]);
        let team = for_link(&ws, LinkScope::TeamAndChart);
        assert!(team.board.tasks.is_empty() && team.kpis.iter().all(|k| k.values.is_empty()));
        assert_eq!(
            (team.members.len(), team.duties.len(), team.meetings.len()),
            (ws.members.len(), ws.duties.len(), ws.meetings.len())
        );
        assert_eq!(crate::model::validate(&team), vec![]);
    }
}

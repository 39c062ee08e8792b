//! Who should take a task: open load, capacity, and suggested assignees.

use super::board::Task;
use super::ids::MemberId;
use super::raci_check::member_letter;
use super::workspace::Workspace;

/// Hours of open work assigned to a member: each open task's estimate shared equally between
/// its assignees.
pub fn open_load(ws: &Workspace, member: &MemberId) -> f64 {
    ws.board
        .tasks
        .iter()
        .filter(|t| ws.board.is_open(t) && t.assignees.contains(member))
        .map(|t| t.estimate_hours / t.assignees.len().max(1) as f64)
        .sum()
}

/// Capacity left this week: capacity minus open load (negative when over).
pub fn spare_capacity(ws: &Workspace, member: &MemberId) -> f64 {
    ws.member(member).map_or(0.0, |m| m.capacity_hours as f64) - open_load(ws, member)
}

/// The members with more open work than capacity, in one pass over the tasks (the same sums,
/// in the same order, as [`open_load`]).
pub fn over_capacity(ws: &Workspace) -> Vec<MemberId> {
    let people = super::keys::KeySet::new(ws.members.iter().map(|m| m.id.as_str()));
    let mut load = vec![0.0; ws.members.len()];
    for t in ws.board.tasks.iter().filter(|t| ws.board.is_open(t)) {
        let share = t.estimate_hours / t.assignees.len().max(1) as f64;
        for m in &t.assignees {
            if let Some(i) = people.position(m.as_str()) {
                load[i] += share;
            }
        }
    }
    ws.members
        .iter()
        .zip(load)
        .filter(|(m, load)| m.capacity_hours as f64 - load < 0.0)
        .map(|(m, _)| m.id.clone())
        .collect()
}

/// Whether a member has more open work than capacity.
pub fn is_over_capacity(ws: &Workspace, member: &MemberId) -> bool {
    spare_capacity(ws, member) < 0.0
}

/// One reason behind a suggestion, shown to the user.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// Meets `met` of the task's `total` required skills at the required level.
    Skills { met: usize, total: usize },
    /// Below the required level in a skill.
    Gap { skill: String, have: u8, need: u8 },
    /// Responsible for the task's duty in the chart.
    Responsible,
    /// Accountable for the task's duty (a fallback when nobody Responsible is free).
    Accountable,
    /// Hours of capacity left after their open work.
    Spare { hours: f64 },
    /// Already over capacity by this many hours.
    Over { hours: f64 },
}

/// A ranked candidate for a task.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub member: MemberId,
    /// 0–100: skills up to 50, the duty up to 30, spare capacity up to 20.
    pub score: f64,
    pub reasons: Vec<Reason>,
}

/// Active members ranked for a task, best first, each with the reasons for the rank.
pub fn suggest(ws: &Workspace, task: &Task) -> Vec<Suggestion> {
    let duty = task.duty.as_ref().and_then(|d| ws.duty(d));
    let mut out: Vec<Suggestion> = ws
        .members
        .iter()
        .filter(|m| m.active)
        .map(|m| {
            let mut reasons = Vec::new();
            let mut score = 0.0;
            let total = task.required_skills.len();
            if total > 0 {
                let mut met = 0;
                let mut partial = 0.0;
                for req in &task.required_skills {
                    let have = m.level(&req.skill);
                    if have >= req.min_level {
                        met += 1;
                        partial += 1.0;
                    } else {
                        partial += have as f64 / req.min_level.max(1) as f64;
                        let skill = ws.skill(&req.skill).map(|s| s.name.clone()).unwrap_or_default();
                        reasons.push(Reason::Gap { skill, have, need: req.min_level });
                    }
                }
                reasons.insert(0, Reason::Skills { met, total });
                score += 50.0 * partial / total as f64;
            } else {
                score += 25.0;
            }
            if let Some(d) = duty {
                match member_letter(ws, d, &m.id).0 {
                    Some(l) if l.is_responsible() => {
                        score += 30.0;
                        reasons.push(Reason::Responsible);
                    }
                    Some(l) if l.is_accountable() => {
                        score += 15.0;
                        reasons.push(Reason::Accountable);
                    }
                    _ => {}
                }
            }
            let spare = spare_capacity(ws, &m.id);
            if spare < 0.0 {
                reasons.push(Reason::Over { hours: -spare });
            } else {
                let capacity = (m.capacity_hours as f64).max(1.0);
                score += 20.0 * (spare / capacity).min(1.0);
                reasons.push(Reason::Spare { hours: spare });
            }
            Suggestion { member: m.id.clone(), score, reasons }
        })
        .collect();
    out.sort_by(|a, b| {
        b.score.partial_cmp(&a.score).unwrap_or(std::cmp::Ordering::Equal).then_with(|| {
            let name = |id: &MemberId| ws.member(id).map(|m| m.name.to_lowercase()).unwrap_or_default();
            name(&a.member).cmp(&name(&b.member))
        })
    });
    out
}

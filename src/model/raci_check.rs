//! The responsibility chart's checks: what a chart gets wrong, and each member's letters.

use super::ids::{DutyId, MemberId, RoleId};
use super::keys::KeySet;
use super::raci::{Duty, Raci};
use super::team::Member;
use super::workspace::Workspace;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// What a finding is about. Each has a stable code (`Check::code`) for files, tests and links.
#[derive(Debug, Clone, PartialEq)]
pub enum Check {
    /// A duty nobody is Accountable for.
    NoAccountable,
    /// A duty with more than one Accountable (`count`).
    ManyAccountable { count: usize },
    /// A duty nobody does (no R, and the Accountable does not do it either).
    NoResponsible,
    /// A duty whose R or A sits only on roles no active member holds.
    Unstaffed { responsible: bool, accountable: bool },
    /// Too many Responsible on one duty.
    TooManyResponsible { count: usize, limit: usize },
    /// Too many Consulted on one duty.
    TooManyConsulted { count: usize, limit: usize },
    /// Too many Informed on one duty.
    TooManyInformed { count: usize, limit: usize },
    /// A duty with people doing it but nobody Consulted or Informed.
    Silo,
    /// Every role has a letter on this duty.
    EveryRoleInvolved { roles: usize },
    /// A role Accountable for too many duties.
    RoleBottleneck { count: usize, limit: usize },
    /// A role Responsible for too many duties.
    RoleOverload { count: usize, limit: usize },
    /// A role that is neither Responsible nor Accountable anywhere.
    RoleIdle,
    /// A member whose R/A load is far above the team's median.
    MemberOverload { load: usize, median: f64 },
}

impl Check {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Check::NoAccountable => "raci.no-accountable",
            Check::ManyAccountable { .. } => "raci.many-accountable",
            Check::NoResponsible => "raci.no-responsible",
            Check::Unstaffed { .. } => "raci.unstaffed",
            Check::TooManyResponsible { .. } => "raci.too-many-responsible",
            Check::TooManyConsulted { .. } => "raci.too-many-consulted",
            Check::TooManyInformed { .. } => "raci.too-many-informed",
            Check::Silo => "raci.silo",
            Check::EveryRoleInvolved { .. } => "raci.every-role-involved",
            Check::RoleBottleneck { .. } => "raci.role-bottleneck",
            Check::RoleOverload { .. } => "raci.role-overload",
            Check::RoleIdle => "raci.role-idle",
            Check::MemberOverload { .. } => "raci.member-overload",
        }
    }

    /// How serious it is.
    pub fn severity(&self) -> Severity {
        match self {
            Check::NoAccountable | Check::ManyAccountable { .. } | Check::NoResponsible | Check::Unstaffed { .. } => {
                Severity::Error
            }
            _ => Severity::Warning,
        }
    }
}

/// One problem in the chart and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub check: Check,
    pub duty: Option<DutyId>,
    pub role: Option<RoleId>,
    pub member: Option<MemberId>,
}

impl Finding {
    pub fn severity(&self) -> Severity {
        self.check.severity()
    }

    /// A key that differs whenever what the finding says differs, for keyed lists.
    pub fn key(&self) -> String {
        let (a, b) = match &self.check {
            Check::ManyAccountable { count } => (*count as f64, 0.0),
            Check::Unstaffed { responsible, accountable } => {
                (f64::from(u8::from(*responsible)), f64::from(u8::from(*accountable)))
            }
            Check::TooManyResponsible { count, limit }
            | Check::TooManyConsulted { count, limit }
            | Check::TooManyInformed { count, limit }
            | Check::RoleBottleneck { count, limit }
            | Check::RoleOverload { count, limit } => (*count as f64, *limit as f64),
            Check::EveryRoleInvolved { roles } => (*roles as f64, 0.0),
            Check::MemberOverload { load, median } => (*load as f64, *median),
            Check::NoAccountable | Check::NoResponsible | Check::Silo | Check::RoleIdle => (0.0, 0.0),
        };
        let id = |x: Option<&str>| x.unwrap_or_default().to_owned();
        format!(
            "{}|{}|{}|{}|{a}|{b}",
            self.check.code(),
            id(self.duty.as_ref().map(|d| d.as_str())),
            id(self.role.as_ref().map(|r| r.as_str())),
            id(self.member.as_ref().map(|m| m.as_str()))
        )
    }
}

/// A member's letter on a duty: their override if they have one, otherwise what their roles
/// give them combined. The flag says whether it is an override.
pub fn member_letter(ws: &Workspace, duty: &Duty, member: &MemberId) -> (Option<Raci>, bool) {
    match ws.member(member) {
        Some(m) => letter_of(duty, m),
        // An override of someone no longer in the team still reads as written.
        None => duty.member_override(member).map_or((None, false), |o| (o, true)),
    }
}

/// [`member_letter`] for a member already in hand (the checks walk every member of every duty:
/// no look-up by id in that loop).
pub fn letter_of(duty: &Duty, m: &Member) -> (Option<Raci>, bool) {
    if let Some(o) = duty.member_override(&m.id) {
        return (o, true);
    }
    (Raci::combine(m.roles.iter().filter_map(|r| duty.role_letter(r))), false)
}

/// How many duties each active member is Responsible or Accountable for.
pub fn member_loads(ws: &Workspace) -> Vec<(MemberId, usize)> {
    ws.members
        .iter()
        .filter(|m| m.active)
        .map(|m| {
            let load = ws
                .duties
                .iter()
                .filter(|d| letter_of(d, m).0.is_some_and(|l| l.is_responsible() || l.is_accountable()))
                .count();
            (m.id.clone(), load)
        })
        .collect()
}

fn median(values: &mut [usize]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_unstable();
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2] as f64
    } else {
        (values[n / 2 - 1] + values[n / 2]) as f64 / 2.0
    }
}

/// Every finding in the workspace's chart: errors first, then warnings, each in chart order.
pub fn check(ws: &Workspace) -> Vec<Finding> {
    let t = &ws.thresholds;
    let mut out = Vec::new();
    let at_duty = |check: Check, duty: &Duty| Finding { check, duty: Some(duty.id.clone()), role: None, member: None };
    // Roles by position, found once: a duty's letters are then read per role without a scan,
    // and each member's letter on each duty costs its few roles, not a search.
    let roles = KeySet::new(ws.roles.iter().map(|r| r.id.as_str()));
    let active: Vec<(&Member, Vec<usize>)> = ws
        .members
        .iter()
        .filter(|m| m.active)
        .map(|m| (m, m.roles.iter().filter_map(|r| roles.position(r.as_str())).collect()))
        .collect();
    let mut loads = vec![0usize; active.len()];
    let mut by_role: Vec<Option<Raci>> = vec![None; ws.roles.len()];
    for d in &ws.duties {
        by_role.iter_mut().for_each(|l| *l = None);
        let mut seen = vec![false; ws.roles.len()];
        for x in &d.roles {
            // As `Duty::role_letter`: the first entry for a role counts.
            if let Some(i) = roles.position(x.role.as_str()).filter(|&i| !seen[i]) {
                seen[i] = true;
                by_role[i] = x.letter;
            }
        }
        let letters: Vec<Raci> = by_role.iter().flatten().copied().collect();
        let a = letters.iter().filter(|l| l.is_accountable()).count();
        let r = letters.iter().filter(|l| l.is_responsible()).count();
        let c = letters.iter().filter(|l| **l == Raci::C).count();
        let i = letters.iter().filter(|l| **l == Raci::I).count();
        // Member overrides can supply what roles do not.
        let mut effective: Vec<Raci> = Vec::new();
        for (k, (m, idx)) in active.iter().enumerate() {
            let letter = match d.member_override(&m.id) {
                Some(o) => o,
                None => Raci::combine(idx.iter().filter_map(|&i| by_role[i])),
            };
            if let Some(l) = letter {
                if l.is_responsible() || l.is_accountable() {
                    loads[k] += 1;
                }
                effective.push(l);
            }
        }
        let eff_a = effective.iter().any(|l| l.is_accountable());
        let eff_r = effective.iter().any(|l| l.is_responsible());
        let over_a = d.members.iter().any(|o| o.letter.is_some_and(Raci::is_accountable));
        let over_r = d.members.iter().any(|o| o.letter.is_some_and(Raci::is_responsible));
        if a == 0 && !over_a {
            out.push(at_duty(Check::NoAccountable, d));
        } else if a > 1 {
            out.push(at_duty(Check::ManyAccountable { count: a }, d));
        }
        if r == 0 && !over_r {
            out.push(at_duty(Check::NoResponsible, d));
        }
        let lost_a = (a > 0 || over_a) && !eff_a;
        let lost_r = (r > 0 || over_r) && !eff_r;
        if lost_a || lost_r {
            out.push(at_duty(Check::Unstaffed { responsible: lost_r, accountable: lost_a }, d));
        }
        if r > t.max_responsible {
            out.push(at_duty(Check::TooManyResponsible { count: r, limit: t.max_responsible }, d));
        }
        if c > t.max_consulted {
            out.push(at_duty(Check::TooManyConsulted { count: c, limit: t.max_consulted }, d));
        }
        if i > t.max_informed {
            out.push(at_duty(Check::TooManyInformed { count: i, limit: t.max_informed }, d));
        }
        if (a + r) > 0 && c + i == 0 {
            out.push(at_duty(Check::Silo, d));
        }
        if ws.roles.len() >= 3 && letters.len() == ws.roles.len() {
            out.push(at_duty(Check::EveryRoleInvolved { roles: ws.roles.len() }, d));
        }
    }
    if !ws.duties.is_empty() {
        for role in &ws.roles {
            let letters: Vec<Raci> = ws.duties.iter().filter_map(|d| d.role_letter(&role.id)).collect();
            let a = letters.iter().filter(|l| l.is_accountable()).count();
            let r = letters.iter().filter(|l| l.is_responsible()).count();
            let at_role = |check: Check| Finding { check, duty: None, role: Some(role.id.clone()), member: None };
            if a > t.max_accountable_per_role {
                out.push(at_role(Check::RoleBottleneck { count: a, limit: t.max_accountable_per_role }));
            }
            if r > t.max_responsible_per_role {
                out.push(at_role(Check::RoleOverload { count: r, limit: t.max_responsible_per_role }));
            }
            if a == 0 && r == 0 {
                out.push(at_role(Check::RoleIdle));
            }
        }
        let loads: Vec<(MemberId, usize)> = active.iter().zip(loads).map(|((m, _), l)| (m.id.clone(), l)).collect();
        let med = median(&mut loads.iter().map(|(_, l)| *l).collect::<Vec<_>>());
        for (member, load) in loads {
            // "Far above": more than the factor times the median, and at least three duties more.
            if (load as f64) > t.member_load_factor * med && (load as f64) >= med + 3.0 {
                out.push(Finding {
                    check: Check::MemberOverload { load, median: med },
                    duty: None,
                    role: None,
                    member: Some(member),
                });
            }
        }
    }
    out.sort_by_key(|f| f.severity());
    out
}

//! Responsibility charts: who is Responsible, Accountable, Consulted and Informed for each duty,
//! and the checks that catch gaps and overlaps as they are made.

use super::ids::{DutyId, MemberId, RoleId};
use super::team::Workspace;
use serde::{Deserialize, Serialize};

/// One cell of a RACI chart. `AR` is the one combination practitioners allow: the Accountable
/// person also does the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Raci {
    R,
    A,
    #[serde(rename = "A+R")]
    AR,
    C,
    I,
}

impl Raci {
    /// The cell's text: `R`, `A`, `A/R`, `C`, `I`.
    pub fn label(self) -> &'static str {
        match self {
            Raci::R => "R",
            Raci::A => "A",
            Raci::AR => "A/R",
            Raci::C => "C",
            Raci::I => "I",
        }
    }

    /// Whether this letter does the work.
    pub fn is_responsible(self) -> bool {
        matches!(self, Raci::R | Raci::AR)
    }

    /// Whether this letter owns the outcome.
    pub fn is_accountable(self) -> bool {
        matches!(self, Raci::A | Raci::AR)
    }

    /// The next value when a cell is clicked: empty → R → A → A/R → C → I → empty.
    pub fn cycle(current: Option<Raci>) -> Option<Raci> {
        match current {
            None => Some(Raci::R),
            Some(Raci::R) => Some(Raci::A),
            Some(Raci::A) => Some(Raci::AR),
            Some(Raci::AR) => Some(Raci::C),
            Some(Raci::C) => Some(Raci::I),
            Some(Raci::I) => None,
        }
    }

    /// The value after typing a letter key on a cell. R and A combine and uncombine
    /// (R on A gives A/R, R on A/R gives A); a letter on itself clears the cell.
    pub fn press(current: Option<Raci>, key: char) -> Option<Raci> {
        use Raci::*;
        match (key.to_ascii_uppercase(), current) {
            ('R', Some(R)) => None,
            ('R', Some(A)) => Some(AR),
            ('R', Some(AR)) => Some(A),
            ('R', _) => Some(R),
            ('A', Some(A)) => None,
            ('A', Some(R)) => Some(AR),
            ('A', Some(AR)) => Some(R),
            ('A', _) => Some(A),
            ('C', Some(C)) => None,
            ('C', _) => Some(C),
            ('I', Some(I)) => None,
            ('I', _) => Some(I),
            _ => current,
        }
    }

    /// Several letters held at once (by a member through several roles), as one: A and R
    /// combine, and either outranks C, which outranks I.
    pub fn combine(letters: impl IntoIterator<Item = Raci>) -> Option<Raci> {
        let (mut r, mut a, mut c, mut i) = (false, false, false, false);
        for l in letters {
            r |= l.is_responsible();
            a |= l.is_accountable();
            c |= l == Raci::C;
            i |= l == Raci::I;
        }
        match (a, r) {
            (true, true) => Some(Raci::AR),
            (true, false) => Some(Raci::A),
            (false, true) => Some(Raci::R),
            _ if c => Some(Raci::C),
            _ if i => Some(Raci::I),
            _ => None,
        }
    }
}

/// How often a duty comes round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Frequency {
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    AsNeeded,
}

impl Frequency {
    pub const ALL: [Frequency; 5] =
        [Frequency::Daily, Frequency::Weekly, Frequency::Monthly, Frequency::Quarterly, Frequency::AsNeeded];

    /// The stable name used in files and `value` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::AsNeeded => "as-needed",
        }
    }

    /// The frequency with that stable name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

/// A role's letter on a duty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoleLetter {
    pub role: RoleId,
    pub letter: Option<Raci>,
}

/// A named person's letter on a duty, replacing what their roles give them. `None` means the
/// person has no part in it, whatever their roles say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MemberLetter {
    pub member: MemberId,
    pub letter: Option<Raci>,
}

/// An activity the team must carry out, with who does what in it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Duty {
    pub id: DutyId,
    pub title: String,
    /// The area it belongs to ("Customer inquiries", "Escalations" …); rows are grouped by it.
    pub area: String,
    pub description: String,
    pub frequency: Option<Frequency>,
    /// One entry per role that has a letter (entries without a letter are not kept).
    pub roles: Vec<RoleLetter>,
    /// Overrides for named people.
    pub members: Vec<MemberLetter>,
}

impl Duty {
    /// The role's letter on this duty.
    pub fn role_letter(&self, role: &RoleId) -> Option<Raci> {
        self.roles.iter().find(|x| &x.role == role).and_then(|x| x.letter)
    }

    /// The override for a member, if there is one (`Some(None)`: overridden to nothing).
    pub fn member_override(&self, member: &MemberId) -> Option<Option<Raci>> {
        self.members.iter().find(|x| &x.member == member).map(|x| x.letter)
    }
}

/// Limits above which the chart warns. Each workspace keeps its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Thresholds {
    /// More Responsible roles than this on one duty: split the duty.
    pub max_responsible: usize,
    /// More Consulted than this: decisions slow down.
    pub max_consulted: usize,
    /// More Informed than this: noise.
    pub max_informed: usize,
    /// A role Accountable for more duties than this is a bottleneck.
    pub max_accountable_per_role: usize,
    /// A role Responsible for more duties than this is overloaded.
    pub max_responsible_per_role: usize,
    /// A member whose R/A count is more than this many times the team's median is overloaded.
    pub member_load_factor: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            max_responsible: 3,
            max_consulted: 4,
            max_informed: 6,
            max_accountable_per_role: 8,
            max_responsible_per_role: 10,
            member_load_factor: 2.0,
        }
    }
}

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
}

/// A member's letter on a duty: their override if they have one, otherwise what their roles
/// give them combined. The flag says whether it is an override.
pub fn member_letter(ws: &Workspace, duty: &Duty, member: &MemberId) -> (Option<Raci>, bool) {
    if let Some(o) = duty.member_override(member) {
        return (o, true);
    }
    let Some(m) = ws.member(member) else { return (None, false) };
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
                .filter(|d| member_letter(ws, d, &m.id).0.is_some_and(|l| l.is_responsible() || l.is_accountable()))
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
    let active: Vec<&super::team::Member> = ws.members.iter().filter(|m| m.active).collect();
    for d in &ws.duties {
        let letters: Vec<Raci> = ws.roles.iter().filter_map(|r| d.role_letter(&r.id)).collect();
        let a = letters.iter().filter(|l| l.is_accountable()).count();
        let r = letters.iter().filter(|l| l.is_responsible()).count();
        let c = letters.iter().filter(|l| **l == Raci::C).count();
        let i = letters.iter().filter(|l| **l == Raci::I).count();
        // Member overrides can supply what roles do not.
        let effective: Vec<Raci> = active.iter().filter_map(|m| member_letter(ws, d, &m.id).0).collect();
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
        let loads = member_loads(ws);
        let med = median(&mut loads.iter().map(|(_, l)| *l).collect::<Vec<_>>());
        for (member, load) in loads {
            // "Far above": more than the factor times the median, and at least three duties more.
            if (load as f64) > t.member_load_factor * med && (load as f64) >= med + 3.0 {
                out.push(Finding { check: Check::MemberOverload { load, median: med }, duty: None, role: None, member: Some(member) });
            }
        }
    }
    out.sort_by_key(|f| f.severity());
    out
}

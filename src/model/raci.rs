//! Responsibility charts: who is Responsible, Accountable, Consulted and Informed for each duty,
//! and the checks that catch gaps and overlaps as they are made.

use super::ids::{DutyId, MemberId, RoleId};
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

//! Staffing a queue with Erlang C: how many people answer a queue so that a service level is
//! met, and what that asks of the team.
//!
//! The published formulas, for traffic `A = λ · AHT` (in Erlangs) and `N` agents:
//! - the probability that a contact waits, Erlang C: `P(wait) = N·B / (N − A·(1 − B))`, with `B`
//!   the Erlang B blocking probability from its recursion `B(0) = 1`,
//!   `B(k) = A·B(k−1) / (k + A·B(k−1))` (no factorials or powers, so large traffic cannot
//!   overflow);
//! - the service level `SL = 1 − P(wait) · e^(−(N − A)·t / AHT)` for an answer within `t`;
//! - the average speed of answer `ASA = P(wait) · AHT / (N − A)`, and occupancy `A / N`.
//!
//! Erlang C assumes that nobody abandons and that contacts arrive steadily at random (Poisson):
//! real queues with abandonment need fewer agents than it says.

use super::ids::RoleId;
use super::workspace::Workspace;

/// A queue as the user describes it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Queue {
    pub contacts_per_hour: f64,
    pub handle_minutes: f64,
    /// The share of contacts to answer within `answer_seconds`, in percent.
    pub target_percent: f64,
    pub answer_seconds: f64,
    /// The share of paid time not spent on the queue (breaks, training, absence), in percent.
    pub shrinkage_percent: f64,
}

impl Default for Queue {
    fn default() -> Self {
        Queue {
            contacts_per_hour: 200.0,
            handle_minutes: 3.0,
            target_percent: 80.0,
            answer_seconds: 20.0,
            shrinkage_percent: 30.0,
        }
    }
}

/// Why a queue cannot be staffed as asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffingError {
    /// A value is negative or not a number.
    Negative,
    /// The handle time is zero: there is no work to staff.
    NoHandleTime,
    /// A service level target of 100 % (or more) needs infinitely many agents.
    TargetTooHigh,
    /// Shrinkage of 100 % (or more) leaves no time on the queue.
    ShrinkageTooHigh,
    /// More traffic than one queue this calculator staffs (over [`MAX_TRAFFIC`] Erlangs).
    TooMuchTraffic,
}

/// The largest traffic staffed, in Erlangs (the search for agents is linear in it).
pub const MAX_TRAFFIC: f64 = 100_000.0;

/// What `N` agents give.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    pub agents: u32,
    /// The probability that a contact waits.
    pub wait_probability: f64,
    /// The share answered within the target time, 0–1.
    pub service_level: f64,
    pub asa_seconds: f64,
    /// 0–1.
    pub occupancy: f64,
}

/// The staffing of a queue.
#[derive(Debug, Clone, PartialEq)]
pub struct Staffing {
    /// Traffic in Erlangs.
    pub traffic: f64,
    /// The fewest agents on the queue that meet the target.
    pub needed: Outcome,
    /// People to roster so that `needed` are on the queue after shrinkage.
    pub rostered: u32,
    /// The outcomes of N−2 … N+3 agents (those above the traffic only).
    pub around: Vec<Outcome>,
}

/// The outcome of `agents` on traffic `a` (Erlangs), with handle time and answer time in
/// seconds. `None` when the agents cannot keep up (`agents ≤ a`): the queue grows without end.
pub fn outcome(a: f64, agents: u32, handle_seconds: f64, answer_seconds: f64) -> Option<Outcome> {
    let n = f64::from(agents);
    if n <= a {
        return None;
    }
    let mut b = 1.0;
    for k in 1..=agents {
        b = a * b / (f64::from(k) + a * b);
    }
    Some(with_blocking(a, agents, b, handle_seconds, answer_seconds))
}

fn with_blocking(a: f64, agents: u32, b: f64, handle_seconds: f64, answer_seconds: f64) -> Outcome {
    let n = f64::from(agents);
    let wait = (n * b / (n - a * (1.0 - b))).clamp(0.0, 1.0);
    Outcome {
        agents,
        wait_probability: wait,
        service_level: (1.0 - wait * (-(n - a) * answer_seconds / handle_seconds).exp()).clamp(0.0, 1.0),
        asa_seconds: wait * handle_seconds / (n - a),
        occupancy: a / n,
    }
}

/// Staffs a queue: the fewest agents that meet the target, found in one pass of the Erlang B
/// recursion (O(N)), the people to roster, and the neighbourhood of N.
pub fn staff(q: &Queue) -> Result<Staffing, StaffingError> {
    let values = [q.contacts_per_hour, q.handle_minutes, q.target_percent, q.answer_seconds, q.shrinkage_percent];
    if values.iter().any(|v| !v.is_finite() || *v < 0.0) {
        return Err(StaffingError::Negative);
    }
    if q.handle_minutes == 0.0 {
        return Err(StaffingError::NoHandleTime);
    }
    if q.target_percent >= 100.0 {
        return Err(StaffingError::TargetTooHigh);
    }
    if q.shrinkage_percent >= 100.0 {
        return Err(StaffingError::ShrinkageTooHigh);
    }
    let handle = q.handle_minutes * 60.0;
    let a = q.contacts_per_hour * handle / 3600.0;
    if a > MAX_TRAFFIC {
        return Err(StaffingError::TooMuchTraffic);
    }
    let target = q.target_percent / 100.0;
    let mut b = 1.0;
    let mut k: u32 = 0;
    let needed = loop {
        k += 1;
        b = a * b / (f64::from(k) + a * b);
        if f64::from(k) > a {
            let o = with_blocking(a, k, b, handle, q.answer_seconds);
            if o.service_level >= target {
                break o;
            }
        }
    };
    let rostered = (f64::from(needed.agents) / (1.0 - q.shrinkage_percent / 100.0) - 1e-9).ceil().max(0.0) as u32;
    let around = (needed.agents.saturating_sub(2)..=needed.agents + 3)
        .filter_map(|n| outcome(a, n, handle, q.answer_seconds))
        .collect();
    Ok(Staffing { traffic: a, needed, rostered, around })
}

/// What a rostered need asks of the role that answers the queue.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamFit {
    /// Active members holding the role.
    pub headcount: usize,
    /// Their weekly capacity, in hours.
    pub capacity_hours: f64,
    /// Hours a week the roster needs: rostered people × hours the queue is open.
    pub need_hours: f64,
    /// The need in people at the holders' average weekly capacity (40 h when nobody holds it).
    pub need_people: f64,
}

impl TeamFit {
    /// Hours a week over (positive: spare) or under (negative: shortfall) the need.
    pub fn spare_hours(&self) -> f64 {
        self.capacity_hours - self.need_hours
    }

    /// The same in people.
    pub fn spare_people(&self) -> f64 {
        self.headcount as f64 - self.need_people
    }
}

/// Compares `rostered` people on a queue open `open_hours` a week with the role's holders.
pub fn team_fit(ws: &Workspace, role: &RoleId, rostered: u32, open_hours: f64) -> TeamFit {
    let holders: Vec<f64> = ws.holders(role).filter(|m| m.active).map(|m| f64::from(m.capacity_hours)).collect();
    let capacity_hours: f64 = holders.iter().sum();
    let average =
        if holders.is_empty() || capacity_hours == 0.0 { 40.0 } else { capacity_hours / holders.len() as f64 };
    let need_hours = f64::from(rostered) * open_hours.max(0.0);
    TeamFit { headcount: holders.len(), capacity_hours, need_hours, need_people: need_hours / average }
}

/// Contacts per hour from a forecast of contacts per week spread over the hours the queue is open.
pub fn per_hour(per_week: f64, open_hours: f64) -> f64 {
    if open_hours > 0.0 {
        per_week / open_hours
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The worked example of Call Centre Helper, "Erlang C Formula – Made Simple With an Easy
    /// Worked Example" (callcentrehelper.com): 100 calls in 30 minutes, an average handle time
    /// of 180 seconds, 80 % of calls answered within 20 seconds, 30 % shrinkage. Traffic 10
    /// Erlangs; P(wait) with 11 agents 0.6821 and service level 39.0 %; 12 agents 64.0 %;
    /// 13 agents 79.6 %; 14 agents 88.8 % with an ASA of 7.8 s and 71.4 % occupancy: 14 agents,
    /// 20 rostered after shrinkage.
    #[test]
    fn the_published_worked_example() {
        let q = Queue {
            contacts_per_hour: 200.0,
            handle_minutes: 3.0,
            target_percent: 80.0,
            answer_seconds: 20.0,
            shrinkage_percent: 30.0,
        };
        let s = staff(&q).unwrap();
        assert!((s.traffic - 10.0).abs() < 1e-9);
        let at = |n: u32| outcome(10.0, n, 180.0, 20.0).unwrap();
        assert!((at(11).wait_probability - 0.6821).abs() < 5e-5, "{}", at(11).wait_probability);
        assert!((at(11).service_level - 0.3896).abs() < 5e-4, "{}", at(11).service_level);
        assert!((at(12).service_level - 0.6402).abs() < 5e-4, "{}", at(12).service_level);
        assert!((at(13).service_level - 0.7956).abs() < 5e-4, "{}", at(13).service_level);
        assert_eq!(s.needed.agents, 14);
        assert!((s.needed.service_level - 0.8884).abs() < 5e-4, "{}", s.needed.service_level);
        assert!((s.needed.asa_seconds - 7.8).abs() < 0.05, "{}", s.needed.asa_seconds);
        assert!((s.needed.occupancy - 0.714).abs() < 5e-4);
        assert_eq!(s.rostered, 20);
        assert_eq!(s.around.iter().map(|o| o.agents).collect::<Vec<_>>(), vec![12, 13, 14, 15, 16, 17]);
        // At or below the traffic, the queue never clears.
        assert_eq!(outcome(10.0, 10, 180.0, 20.0), None);
    }

    #[test]
    fn impossible_queues_are_refused() {
        let ok = Queue::default();
        assert_eq!(staff(&Queue { handle_minutes: 0.0, ..ok }), Err(StaffingError::NoHandleTime));
        assert_eq!(staff(&Queue { target_percent: 100.0, ..ok }), Err(StaffingError::TargetTooHigh));
        assert_eq!(staff(&Queue { contacts_per_hour: -1.0, ..ok }), Err(StaffingError::Negative));
        assert_eq!(staff(&Queue { answer_seconds: f64::NAN, ..ok }), Err(StaffingError::Negative));
        assert_eq!(staff(&Queue { shrinkage_percent: 100.0, ..ok }), Err(StaffingError::ShrinkageTooHigh));
        assert_eq!(staff(&Queue { contacts_per_hour: 1e9, ..ok }), Err(StaffingError::TooMuchTraffic));
        // No contacts: nobody is needed on the queue beyond one to answer.
        assert_eq!(staff(&Queue { contacts_per_hour: 0.0, ..ok }).unwrap().needed.agents, 1);
    }

    #[test]
    fn large_traffic_does_not_overflow() {
        let q = Queue { contacts_per_hour: 60_000.0, handle_minutes: 6.0, ..Queue::default() };
        let s = staff(&q).unwrap();
        assert!((s.traffic - 6000.0).abs() < 1e-6);
        assert!(s.needed.agents > 6000 && s.needed.agents < 6100, "{}", s.needed.agents);
        assert!(s.needed.service_level.is_finite() && s.needed.service_level >= 0.8);
    }

    proptest! {
        /// N is the fewest agents meeting the target, and more agents never serve worse.
        #[test]
        fn the_fewest_agents_that_meet_the_target(
            contacts in 1.0f64..2000.0, handle in 0.5f64..30.0, target in 50.0f64..99.0, answer in 0.0f64..120.0,
        ) {
            let q = Queue { contacts_per_hour: contacts, handle_minutes: handle, target_percent: target, answer_seconds: answer, shrinkage_percent: 0.0 };
            let s = staff(&q).unwrap();
            prop_assert!(s.needed.service_level >= target / 100.0);
            if let Some(fewer) = outcome(s.traffic, s.needed.agents - 1, handle * 60.0, answer) {
                prop_assert!(fewer.service_level < target / 100.0);
            }
            for w in s.around.windows(2) {
                prop_assert!(w[1].service_level >= w[0].service_level - 1e-12);
                prop_assert!(w[1].asa_seconds <= w[0].asa_seconds + 1e-9);
            }
        }
    }
}

//! Running the service (schema version 5): meetings and their minutes, the improvement log,
//! recurring routines, 1:1 check-ins and recognition. Plain types and the date rules of
//! repetition; what reads the whole workspace is in `review.rs`.

use super::board::Priority;
use super::dates::add_days;
use super::ids::{
    CheckInId, DutyId, ImprovementId, KpiId, MeetingId, MemberId, MinutesId, RecognitionId, RoleId, RoutineId, TaskId,
};
use super::kpi::Direction;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// How often a meeting or a routine comes round.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Repeat {
    Daily,
    #[default]
    Weekly,
    Monthly,
    /// Held when needed (a meeting only; a routine must repeat).
    AsNeeded,
}

impl Repeat {
    pub const ALL: [Repeat; 4] = [Repeat::Daily, Repeat::Weekly, Repeat::Monthly, Repeat::AsNeeded];

    pub fn as_str(self) -> &'static str {
        match self {
            Repeat::Daily => "daily",
            Repeat::Weekly => "weekly",
            Repeat::Monthly => "monthly",
            Repeat::AsNeeded => "as-needed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The days a period of this cadence spans: what "since the last meeting" means before the
    /// first minutes are kept.
    pub fn days(self) -> i64 {
        match self {
            Repeat::Daily => 1,
            Repeat::Weekly | Repeat::AsNeeded => 7,
            Repeat::Monthly => 31,
        }
    }
}

/// A recurring meeting: the daily huddle, the weekly review, the monthly review, or the team's
/// own (seed 001 §3.2 定期会议).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meeting {
    pub id: MeetingId,
    pub name: String,
    pub cadence: Repeat,
    pub duration_minutes: u32,
    /// The roles that attend.
    pub roles: Vec<RoleId>,
    /// Standing agenda items, before what the live data brings.
    pub agenda: Vec<String>,
}

impl Meeting {
    /// A new meeting's defaults: half an hour, weekly.
    pub fn fresh(id: MeetingId) -> Meeting {
        Meeting { id, duration_minutes: 30, ..Meeting::default() }
    }
}

/// The minutes of one meeting held on one day.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Minutes {
    pub id: MinutesId,
    pub meeting: MeetingId,
    #[serde(deserialize_with = "super::dates::read::day")]
    pub date: NaiveDate,
    pub decisions: String,
    pub notes: String,
}

/// Where an improvement came from (seed 004 items 8, 12, 15; seed 001 §4.2, §9).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    #[default]
    Feedback,
    Complaint,
    KpiMiss,
    Incident,
    Audit,
    Idea,
}

impl Source {
    pub const ALL: [Source; 6] =
        [Source::Feedback, Source::Complaint, Source::KpiMiss, Source::Incident, Source::Audit, Source::Idea];

    pub fn as_str(self) -> &'static str {
        match self {
            Source::Feedback => "feedback",
            Source::Complaint => "complaint",
            Source::KpiMiss => "kpi-miss",
            Source::Incident => "incident",
            Source::Audit => "audit",
            Source::Idea => "idea",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Where an improvement action stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    #[default]
    Open,
    InProgress,
    Done,
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] =
        [ActionStatus::Open, ActionStatus::InProgress, ActionStatus::Done, ActionStatus::Dropped];

    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::InProgress => "in-progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Whether the action still needs work.
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::InProgress)
    }
}

/// One entry of the improvement log: feedback, then cause, then action, then result.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Improvement {
    pub id: ImprovementId,
    pub source: Source,
    pub problem: String,
    pub cause: String,
    pub action: String,
    pub owner: Option<MemberId>,
    #[serde(deserialize_with = "super::dates::read::day_or_none")]
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    /// The KPI the action should move, and its value before and after.
    pub kpi: Option<KpiId>,
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// The board tasks that carry the action.
    pub tasks: Vec<TaskId>,
    #[serde(deserialize_with = "super::dates::read::day")]
    pub opened: NaiveDate,
    #[serde(deserialize_with = "super::dates::read::day_or_none")]
    pub closed: Option<NaiveDate>,
}

/// Whether a closed action's KPI moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Better,
    Worse,
    Unchanged,
}

/// How the KPI moved from `before` to `after`, judged by which way is better.
pub fn effect(before: f64, after: f64, direction: Direction) -> Effect {
    let change = after - before;
    if change.abs() < 1e-9 {
        return Effect::Unchanged;
    }
    match (change > 0.0, direction) {
        (true, Direction::HigherIsBetter) | (false, Direction::LowerIsBetter) => Effect::Better,
        _ => Effect::Worse,
    }
}

/// A task template that repeats (seed 001's daily quality sampling, weekly calibration, monthly
/// report). The next task is made once its day has come.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Routine {
    pub id: RoutineId,
    pub title: String,
    pub repeat: Repeat,
    /// For a weekly routine: the days it falls on, 1 (Monday) to 7 (Sunday).
    pub weekdays: Vec<u8>,
    /// For a monthly routine: the day of the month (a shorter month uses its last day).
    pub month_day: u8,
    /// The duty of the chart this routine carries out.
    pub duty: Option<DutyId>,
    pub assignees: Vec<MemberId>,
    pub priority: Priority,
    pub estimate_hours: f64,
    /// The day of the next task not yet made.
    #[serde(deserialize_with = "super::dates::read::day")]
    pub next: NaiveDate,
    /// Occurrences that passed unmade before the last task (the app was closed).
    pub missed: u32,
    /// The last task made, and its day.
    pub last_task: Option<TaskId>,
    #[serde(deserialize_with = "super::dates::read::day_or_none")]
    pub last_day: Option<NaiveDate>,
    pub paused: bool,
}

impl Routine {
    /// A new routine's defaults: weekly on today's weekday, from today, an hour, P3.
    pub fn fresh(id: RoutineId, today: NaiveDate) -> Routine {
        Routine {
            id,
            weekdays: vec![today.weekday().number_from_monday() as u8],
            next: today,
            estimate_hours: 1.0,
            priority: Priority::P3,
            ..Routine::default()
        }
    }
}

impl CheckIn {
    /// A new check-in with `member`, dated today.
    pub fn fresh(id: CheckInId, member: MemberId, today: NaiveDate) -> CheckIn {
        CheckIn { id, member, date: today, ..CheckIn::default() }
    }
}

impl Default for Routine {
    fn default() -> Self {
        Routine {
            id: RoutineId::default(),
            title: String::new(),
            repeat: Repeat::default(),
            weekdays: Vec::new(),
            month_day: 1,
            duty: None,
            assignees: Vec::new(),
            priority: Priority::default(),
            estimate_hours: 0.0,
            next: NaiveDate::default(),
            missed: 0,
            last_task: None,
            last_day: None,
            paused: false,
        }
    }
}

/// The last day of `d`'s month.
fn month_end(year: i32, month: u32) -> u32 {
    let (y, m) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(y, m, 1).and_then(|d| d.pred_opt()).map_or(28, |d| d.day())
}

/// The routine's day in a month (its day, or the month's last when the month is shorter).
fn in_month(year: i32, month: u32, day: u8) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, u32::from(day.max(1)).min(month_end(year, month)))
}

fn month_index(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

fn from_month_index(i: i64, day: u8) -> Option<NaiveDate> {
    in_month(i32::try_from(i.div_euclid(12)).ok()?, u32::try_from(i.rem_euclid(12)).ok()? + 1, day)
}

impl Routine {
    /// Whether `d` is one of the routine's days.
    pub fn falls_on(&self, d: NaiveDate) -> bool {
        match self.repeat {
            Repeat::Daily => true,
            Repeat::Weekly => self.weekdays.contains(&(d.weekday().number_from_monday() as u8)),
            Repeat::Monthly => in_month(d.year(), d.month(), self.month_day) == Some(d),
            Repeat::AsNeeded => false,
        }
    }

    /// The first of the routine's days on or after `from` (`None` for a routine with no days).
    pub fn first_on_or_after(&self, from: NaiveDate) -> Option<NaiveDate> {
        match self.repeat {
            Repeat::Daily => Some(from),
            Repeat::Weekly => (0..7).map(|i| add_days(from, i)).find(|d| self.falls_on(*d)),
            Repeat::Monthly => {
                let m = month_index(from);
                [m, m + 1].into_iter().filter_map(|i| from_month_index(i, self.month_day)).find(|d| *d >= from)
            }
            Repeat::AsNeeded => None,
        }
    }

    /// The last of the routine's days on or before `to`.
    fn last_on_or_before(&self, to: NaiveDate) -> Option<NaiveDate> {
        match self.repeat {
            Repeat::Daily => Some(to),
            Repeat::Weekly => (0..7).map(|i| add_days(to, -i)).find(|d| self.falls_on(*d)),
            Repeat::Monthly => {
                let m = month_index(to);
                [m, m - 1].into_iter().filter_map(|i| from_month_index(i, self.month_day)).find(|d| *d <= to)
            }
            Repeat::AsNeeded => None,
        }
    }

    /// How many of the routine's days fall in `from..=to`. Counted, not walked: a routine left a
    /// thousand years behind costs what one a day behind does.
    pub fn count_between(&self, from: NaiveDate, to: NaiveDate) -> u64 {
        if to < from {
            return 0;
        }
        match self.repeat {
            Repeat::Daily => (to - from).num_days() as u64 + 1,
            Repeat::Weekly => {
                let days = (to - from).num_days() + 1;
                let per_week = (1..=7u8).filter(|d| self.weekdays.contains(d)).count() as u64;
                let rest = (0..days % 7).filter(|i| self.falls_on(add_days(from, *i))).count() as u64;
                (days / 7) as u64 * per_week + rest
            }
            Repeat::Monthly => {
                let (a, b) = (month_index(from), month_index(to));
                let occ = |i| from_month_index(i, self.month_day);
                if a == b {
                    return u64::from(occ(a).is_some_and(|d| d >= from && d <= to));
                }
                let mut n = (b - a + 1) as u64;
                if occ(a).is_none_or(|d| d < from) {
                    n -= 1;
                }
                if occ(b).is_none_or(|d| d > to) {
                    n -= 1;
                }
                n
            }
            Repeat::AsNeeded => 0,
        }
    }
}

/// What catching a routine up to `today` does: the day of the one task to make, how many days
/// passed unmade before it, and the routine's next day after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatchUp {
    pub day: NaiveDate,
    pub missed: u64,
    pub next: NaiveDate,
}

/// The catch-up a routine needs on `today`, if its next day has come. However long the app was
/// closed, one task is made, for the latest day; the days before it are counted as missed.
pub fn catch_up(r: &Routine, today: NaiveDate) -> Option<CatchUp> {
    if r.paused || r.next > today {
        return None;
    }
    let from = r.first_on_or_after(r.next)?;
    if from > today {
        return None;
    }
    let day = r.last_on_or_before(today)?;
    let missed = r.count_between(from, today).saturating_sub(1);
    let next = r.first_on_or_after(add_days(today, 1))?;
    Some(CatchUp { day, missed, next })
}

/// A short key of `id` for an id made of it: its own random part when it has the app's shape
/// (`rtn_` and up to 24 letters and digits), else a hash of it (so that two ids never meet,
/// and no id can make one too long).
fn key_part(id: &str, prefix: &str) -> String {
    id.strip_prefix(prefix)
        .and_then(|s| s.strip_prefix('_'))
        .filter(|s| (1..=24).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
        .map(str::to_owned)
        .unwrap_or_else(|| {
            let h = id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
            format!("h{h:016x}")
        })
}

/// The id of the task a routine makes for `day`: the same in every tab and every browser of
/// the team, so that two of them making it at once make one task.
pub fn routine_task_id(routine: &RoutineId, day: NaiveDate) -> TaskId {
    let own = key_part(&routine.0, RoutineId::PREFIX);
    TaskId(format!("{}_{own}_{:04}{:02}{:02}", TaskId::PREFIX, day.year(), day.month(), day.day()))
}

/// The id of a meeting's minutes on `day`: the same in every tab and browser, so that two
/// people keeping the minutes of one meeting at once keep one entity.
pub fn minutes_id(meeting: &MeetingId, day: NaiveDate) -> MinutesId {
    let own = key_part(&meeting.0, MeetingId::PREFIX);
    MinutesId(format!("{}_{own}_{:04}{:02}{:02}", MinutesId::PREFIX, day.year(), day.month(), day.day()))
}

/// A dated 1:1 check-in with a member (seed 001 §15 绩效反馈). Private to this browser: never
/// synced, and left out of files and links unless the user asks.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckIn {
    pub id: CheckInId,
    pub member: MemberId,
    #[serde(deserialize_with = "super::dates::read::day")]
    pub date: NaiveDate,
    pub goals: String,
    pub feedback: String,
    pub actions: String,
}

/// Thanks for something done well (seed 000: recognise excellent performance).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Recognition {
    pub id: RecognitionId,
    pub member: MemberId,
    pub from: Option<MemberId>,
    #[serde(deserialize_with = "super::dates::read::day")]
    pub date: NaiveDate,
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn weekly(days: &[u8], next: &str) -> Routine {
        Routine { repeat: Repeat::Weekly, weekdays: days.to_vec(), next: day(next), ..Routine::default() }
    }

    // Counting agrees with walking day by day, for every kind of routine.
    #[test]
    fn counting_agrees_with_walking() {
        let routines = [
            Routine { repeat: Repeat::Daily, ..Routine::default() },
            weekly(&[1, 3, 5], "2026-01-01"),
            weekly(&[7], "2026-01-01"),
            Routine { repeat: Repeat::Monthly, month_day: 31, ..Routine::default() },
            Routine { repeat: Repeat::Monthly, month_day: 1, ..Routine::default() },
            Routine { repeat: Repeat::Monthly, month_day: 15, ..Routine::default() },
        ];
        let start = day("2026-01-01");
        for r in &routines {
            for a in (0..70).step_by(3) {
                for len in [0, 1, 5, 6, 7, 13, 29, 30, 31, 59, 64, 200] {
                    let (from, to) = (add_days(start, a), add_days(start, a + len));
                    let walked = (0..=len).filter(|i| r.falls_on(add_days(from, *i))).count() as u64;
                    assert_eq!(r.count_between(from, to), walked, "{r:?} {from} {to}");
                }
            }
        }
    }

    // Closed for a month: one task, for the latest day, and the rest counted as missed.
    #[test]
    fn a_month_away_catches_up_with_one_task() {
        let r = weekly(&[1], "2026-10-05"); // Mondays
        let c = catch_up(&r, day("2026-11-04")).unwrap(); // a Wednesday
        assert_eq!(c.day, day("2026-11-02"));
        assert_eq!(c.missed, 4); // 5, 12, 19, 26 October
        assert_eq!(c.next, day("2026-11-09"));
        // Not yet due: nothing.
        assert_eq!(catch_up(&Routine { next: day("2026-11-09"), ..r.clone() }, day("2026-11-04")), None);
        // On the day: one, none missed.
        let c = catch_up(&Routine { next: day("2026-11-09"), ..r.clone() }, day("2026-11-09")).unwrap();
        assert_eq!((c.day, c.missed, c.next), (day("2026-11-09"), 0, day("2026-11-16")));
        // Paused: nothing.
        assert_eq!(catch_up(&Routine { paused: true, ..r }, day("2026-11-04")), None);
    }

    // The 31st falls on a shorter month's last day.
    #[test]
    fn a_monthly_routine_keeps_to_short_months() {
        let r = Routine { repeat: Repeat::Monthly, month_day: 31, next: day("2026-01-31"), ..Routine::default() };
        let c = catch_up(&r, day("2026-03-01")).unwrap();
        assert_eq!((c.day, c.missed, c.next), (day("2026-02-28"), 1, day("2026-03-31")));
    }

    // A routine left at the first representable day costs no more than one a day behind.
    #[test]
    fn a_routine_far_behind_is_counted_not_walked() {
        let r = Routine { repeat: Repeat::Daily, next: day("1970-01-01"), ..Routine::default() };
        let c = catch_up(&r, day("9999-12-31")).unwrap();
        assert_eq!(c.missed, (day("9999-12-31") - day("1970-01-01")).num_days() as u64);
    }

    // The same routine and day give the same task id, anywhere.
    #[test]
    fn routine_task_ids_are_the_same_everywhere() {
        let id = RoutineId("rtn_abc".into());
        assert_eq!(routine_task_id(&id, day("2026-11-23")).0, "tsk_abc_20261123");
        // Ids without the usual form never meet another routine's task, and stay short.
        let odd = [RoutineId("tsk_abc".into()), RoutineId("x".repeat(64)), RoutineId("rtn_a/b".into())];
        let ids: Vec<String> = odd.iter().map(|r| routine_task_id(r, day("2026-11-23")).0).collect();
        assert!(ids.iter().all(|i| i != "tsk_abc_20261123" && i.len() <= 40), "{ids:?}");
    }

    #[test]
    fn an_effect_is_judged_by_the_kpis_direction() {
        assert_eq!(effect(80.0, 90.0, Direction::HigherIsBetter), Effect::Better);
        assert_eq!(effect(80.0, 70.0, Direction::HigherIsBetter), Effect::Worse);
        assert_eq!(effect(8.0, 6.0, Direction::LowerIsBetter), Effect::Better);
        assert_eq!(effect(6.0, 6.0, Direction::LowerIsBetter), Effect::Unchanged);
    }
}

use super::member_name;
use crate::browser;
use crate::components::shared::form::{Form, FormNotices};
use crate::components::t;
use crate::i18n::model_error;
use crate::i18n::{date, fill, Strings};
use crate::model::kpi::Kpi;
use crate::model::ops::Coll;
use crate::model::review::agenda;
use crate::model::service::{minutes_id, Minutes};
use crate::model::{MeetingId, Workspace};
use crate::state::AppState;
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use leptos::prelude::*;

/// Everything the agenda reads (it is built again when any of it changes).
const READS: [Coll; 12] = [
    Coll::Settings,
    Coll::Members,
    Coll::Roles,
    Coll::Skills,
    Coll::Columns,
    Coll::Tasks,
    Coll::Training,
    Coll::Kpis,
    Coll::Meetings,
    Coll::Minutes,
    Coll::Improvements,
    Coll::Recognitions,
];

/// A KPI value with its unit.
fn with_unit(k: &Kpi, v: f64) -> String {
    let n = crate::i18n::hours(v);
    if k.unit == "%" {
        format!("{n} %")
    } else {
        format!("{n} {}", k.unit)
    }
}

/// The agenda as sections of lines, in words: (heading, lines).
fn sections(
    t: &'static Strings,
    w: &Workspace,
    id: &MeetingId,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> (String, Vec<(&'static str, Vec<String>)>) {
    let a = agenda(w, id, now, offset);
    let today = now.with_timezone(&offset).date_naive();
    // Looked up by id once, not by scanning per line.
    let tasks: std::collections::BTreeMap<&str, &crate::model::Task> =
        w.board.tasks.iter().map(|t| (t.id.as_str(), t)).collect();
    let task = |id: &crate::model::TaskId| tasks.get(id.as_str()).map(|t| t.title.clone()).unwrap_or_default();
    let kpis = a
        .kpis
        .iter()
        .filter_map(|m| {
            let k = w.kpis.iter().find(|k| k.id == m.kpi)?;
            Some(fill(
                t.agenda_kpi_line,
                &[("name", &k.name), ("value", &with_unit(k, m.value)), ("target", &with_unit(k, k.target))],
            ))
        })
        .collect();
    let overdue = a
        .overdue
        .iter()
        .map(|id| {
            let due = tasks.get(id.as_str()).and_then(|x| x.due).map(|d| date(t, d)).unwrap_or_default();
            format!("{} · {due}", task(id))
        })
        .collect();
    let trainings: std::collections::BTreeMap<&str, _> = w.training.iter().map(|x| (x.id.as_str(), x)).collect();
    let training = a
        .overdue_training
        .iter()
        .filter_map(|id| trainings.get(id.as_str()).copied())
        .map(|x| {
            let skill = w.skill(&x.skill).map(|s| s.name.clone()).unwrap_or_default();
            format!("{} · {skill}", member_name(w, Some(&x.member)))
        })
        .collect();
    let risks = a
        .risks
        .iter()
        .map(|r| {
            let skill = w.skill(&r.skill).map(|s| s.name.clone()).unwrap_or_default();
            let role = w.role(&r.role).map(|s| s.name.clone()).unwrap_or_default();
            match &r.only {
                Some(m) => fill(
                    t.agenda_risk_only,
                    &[("skill", &skill), ("role", &role), ("member", &member_name(w, Some(m)))],
                ),
                None => fill(t.agenda_risk_none, &[("skill", &skill), ("role", &role)]),
            }
        })
        .collect();
    let improvements: std::collections::BTreeMap<&str, _> = w.improvements.iter().map(|x| (x.id.as_str(), x)).collect();
    let actions = a
        .actions
        .iter()
        .filter_map(|id| improvements.get(id.as_str()).copied())
        .map(|x| {
            let mut line = x.problem.clone();
            let owner = member_name(w, x.owner.as_ref());
            if !owner.is_empty() {
                line = format!("{line} · {owner}");
            }
            if let Some(d) = x.due {
                line = format!("{line} · {}", date(t, d));
                if d < today {
                    line = format!("{line} · {}", t.badge_overdue);
                }
            }
            line
        })
        .collect();
    let recognitions: std::collections::BTreeMap<&str, _> = w.recognitions.iter().map(|x| (x.id.as_str(), x)).collect();
    let thanks = a
        .recognitions
        .iter()
        .filter_map(|id| recognitions.get(id.as_str()).copied())
        .map(|r| format!("{}: {}", member_name(w, Some(&r.member)), r.text))
        .collect();
    let standing = w.meetings.iter().find(|m| &m.id == id).map(|m| m.agenda.clone()).unwrap_or_default();
    let list = vec![
        (t.agenda_standing, standing),
        (t.agenda_kpis, kpis),
        (t.agenda_breached, a.breached.iter().map(task).collect()),
        (t.agenda_at_risk, a.at_risk.iter().map(task).collect()),
        (t.agenda_overdue, overdue),
        (t.agenda_training, training),
        (t.agenda_risks, risks),
        (t.agenda_actions, actions),
        (t.agenda_recognition, thanks),
    ];
    (date(t, a.since), list.into_iter().filter(|(_, lines)| !lines.is_empty()).collect())
}

/// The minutes' draft, in this tab's session storage.
const FORM: &str = "minutes";

/// The meeting whose minutes were typed but not saved before leaving the page, to open again.
pub(super) fn kept_meeting() -> Option<MeetingId> {
    crate::components::shared::form::kept::<Minutes>(FORM).map(|m| m.meeting)
}

/// One meeting held today: the agenda built from live data, which prints on one page, and the
/// minutes kept for this occurrence, with the earlier ones below.
#[component]
pub fn MeetingView(id: MeetingId, #[prop(into)] on_back: Callback<()>) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let offset = browser::local_offset();
    // A memo: the clock ticks every minute, the day changes once (re-rendering the minutes' boxes
    // on every tick would replace what is being typed).
    let today_memo = Memo::new(move |_| browser::local_day(state.now.get()));
    let today = move || today_memo.get();
    // A handle, so that every closure below is `Copy`.
    let id = StoredValue::new(id);
    let meeting = move || {
        state.ws.watch(&[Coll::Meetings], |w| id.with_value(|id| w.meetings.iter().find(|m| &m.id == id).cloned()))
    };
    let content = move || {
        let now = state.now.get();
        state.ws.watch(&READS, |w| id.with_value(|id| sections(t, w, id, now, offset)))
    };
    let earlier = Memo::new(move |_| {
        let day = today();
        state.ws.watch(&[Coll::Minutes], |w| {
            let mut list: Vec<_> =
                id.with_value(|id| w.minutes.iter().filter(|m| &m.meeting == id && m.date < day).cloned().collect());
            list.sort_by_key(|m| std::cmp::Reverse(m.date));
            list
        })
    });
    let heading_ref = NodeRef::<leptos::html::H2>::new();
    crate::components::shared::focus_on_mount(heading_ref);
    view! {
        <div class="rc-actions rc-no-print">
            <button type="button" class="rc-button" on:click=move |_| on_back.run(())>"← " {t.back_to_meetings}</button>
            <button type="button" class="rc-button rc-button--primary" on:click=move |_| { let _ = window().print(); }>
                {t.print_agenda}
            </button>
        </div>
        <section class="rc-panel rc-agenda" aria-labelledby="agenda-title" data-testid="agenda">
            <h2 id="agenda-title" tabindex="-1" node_ref=heading_ref>{move || {
                let name = meeting().map(|m| m.name).unwrap_or_default();
                fill(t.agenda_title, &[("name", &name), ("date", &date(t, today()))])
            }}</h2>
            <p class="rc-muted">{move || meeting().map(|m| fill(t.meeting_summary, &[("cadence", &crate::i18n::cadence(t, m.cadence)), ("minutes", &m.duration_minutes)]))}</p>
            {move || {
                let (since, list) = content();
                let clear = list.iter().all(|(h, _)| *h == t.agenda_standing);
                view! {
                    <p class="rc-hint">{fill(t.agenda_since, &[("date", &since)])}</p>
                    {clear.then(|| view! { <p class="rc-ok" role="status">{t.agenda_clear}</p> })}
                    {list.into_iter().map(|(heading, lines)| view! {
                        <section class="rc-agenda__section">
                            <h3>{heading}" "<span class="rc-badge">{lines.len()}</span></h3>
                            <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        </section>
                    }).collect_view()}
                }
            }}
            {move || {
                let day = today();
                view! { <MinutesForm meeting=id.get_value() day=day/> }
            }}
        </section>
        <Show when=move || earlier.with(|e| !e.is_empty())>
            <section class="rc-panel rc-no-print" aria-labelledby="past-minutes-title">
                <h2 id="past-minutes-title">{t.past_minutes}</h2>
                {move || earlier.get().into_iter().map(|m| view! {
                    <details class="rc-past-minutes">
                        <summary>{date(t, m.date)}</summary>
                        <p class="rc-pre"><strong>{t.f_decisions}": "</strong>{m.decisions}</p>
                        <p class="rc-pre"><strong>{t.f_notes}": "</strong>{m.notes}</p>
                    </details>
                }).collect_view()}
            </section>
        </Show>
    }
}

/// The minutes of one meeting on one day, through the form kit: what is typed is kept as it is
/// typed (leaving the page or reloading it loses nothing), saved a moment after the typing
/// stops and at once by "Save minutes"; only what was typed here is saved, over what a
/// colleague keeps in the same minutes meanwhile.
#[component]
fn MinutesForm(meeting: MeetingId, day: NaiveDate) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let minutes = state.ws.with_untracked(|w| w.minutes_of(&meeting, day).cloned()).unwrap_or_else(|| Minutes {
        id: minutes_id(&meeting, day),
        meeting: meeting.clone(),
        date: day,
        ..Minutes::default()
    });
    let form = Form::open(FORM, Coll::Minutes, minutes, Vec::new());
    let run = move |c: &mut crate::model::commands::Cmd, m: Minutes| c.save_minutes(m).map_err(|e| model_error(t, &e));
    // Saved only while the view is there: a field can lose its focus (and a timer fire) as the
    // view is taken down, when what it would read is gone; the draft keeps what was typed.
    let save = move || {
        if form.value.try_get_untracked().is_some() {
            form.save(&|m, _| Ok(m), &run);
        }
    };
    // A moment after the typing stops, saved; the wait is cancelled with the view (a timer that
    // outlived it would read what is gone).
    let pending: std::sync::Arc<std::sync::Mutex<Option<TimeoutHandle>>> = Default::default();
    let cancel = {
        let pending = pending.clone();
        move || {
            if let Some(h) = pending.lock().ok().and_then(|mut p| p.take()) {
                h.clear();
            }
        }
    };
    let typed = {
        let (pending, cancel) = (pending.clone(), cancel.clone());
        move || {
            cancel();
            let h = set_timeout_with_handle(save, std::time::Duration::from_millis(1_000)).ok();
            if let Ok(mut p) = pending.lock() {
                *p = h;
            }
        }
    };
    on_cleanup(cancel.clone());
    let on_discard = move |()| {
        form.forget();
        let now =
            state.ws.with_untracked(|w| w.minutes_of(&form.value.with_untracked(|m| m.meeting.clone()), day).cloned());
        form.value.set(now.unwrap_or_default());
        form.restored.set(false);
    };
    let save_as_new = move |()| {
        form.save_as_new(false, &|m, _| Ok(m), &run);
    };
    let typed2 = typed.clone();
    // Leaving a field saves at once (the timer's wait is not needed then).
    let left = {
        let cancel = cancel.clone();
        move || {
            cancel();
            save();
        }
    };
    let left2 = left.clone();
    view! {
        <section class="rc-agenda__section rc-minutes" aria-labelledby="minutes-title">
            <h3 id="minutes-title">{t.minutes_title}</h3>
            <FormNotices restored=form.restored elsewhere=Signal::derive(move || form.elsewhere())
                labels=vec![("decisions", t.f_decisions), ("notes", t.f_notes)]
                on_discard=on_discard on_save_as_new=save_as_new/>
            <div class="rc-grid">
                <div class="rc-field">
                    <label for="minutes-decisions">{t.f_decisions}</label>
                    <textarea id="minutes-decisions" class="rc-input" rows="4"
                        prop:value=move || form.value.with(|m| m.decisions.clone())
                        on:input=move |ev| { form.value.update(|m| m.decisions = event_target_value(&ev)); typed(); }
                        on:change=move |_| left()></textarea>
                </div>
                <div class="rc-field">
                    <label for="minutes-notes">{t.f_notes}</label>
                    <textarea id="minutes-notes" class="rc-input" rows="4"
                        prop:value=move || form.value.with(|m| m.notes.clone())
                        on:input=move |ev| { form.value.update(|m| m.notes = event_target_value(&ev)); typed2(); }
                        on:change=move |_| left2()></textarea>
                </div>
            </div>
            {move || form.error.get().map(|e| view! { <p class="rc-error" role="alert">{e}</p> })}
            <div class="rc-actions rc-no-print">
                <button type="button" class="rc-button" on:click=move |_| save()>{t.save_minutes}</button>
            </div>
        </section>
    }
}

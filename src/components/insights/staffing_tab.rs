use crate::components::t;
use crate::i18n::{fill, hours, Strings};
use crate::model::analytics::{created_per_week, forecast, recent_weeks, Forecast};
use crate::model::erlang::{per_hour, staff, team_fit, Queue, StaffingError};
use crate::model::ops::Coll;
use crate::state::AppState;
use crate::storage;
use leptos::prelude::*;

/// The calculator's fields, kept per browser (a preference) so that they survive a reload.
const PREF: &str = "staffing";

fn error_text(t: &Strings, e: StaffingError) -> &'static str {
    match e {
        StaffingError::Negative => t.err_staffing_negative,
        StaffingError::NoHandleTime => t.err_staffing_handle,
        StaffingError::TargetTooHigh => t.err_staffing_target,
        StaffingError::ShrinkageTooHigh => t.err_staffing_shrinkage,
        StaffingError::TooMuchTraffic => t.err_staffing_traffic,
    }
}

/// Until one is chosen, the queue's role: the one most people hold (the front line, as a rule).
fn front_line(w: &crate::model::Workspace) -> Option<&crate::model::team::Role> {
    w.roles.iter().max_by_key(|r| w.holders(&r.id).filter(|m| m.active).count())
}

/// A number as the user reads it: at most one decimal.
fn one(x: f64) -> String {
    hours(x)
}

fn percent(x: f64) -> String {
    format!("{} %", one(x * 100.0))
}

/// Erlang C: how many people a queue needs, and what that asks of the role that answers it.
#[component]
pub fn StaffingTab() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let saved: Vec<String> = storage::pref(PREF).map(|s| s.split('|').map(str::to_owned).collect()).unwrap_or_default();
    let d = Queue::default();
    let defaults =
        [d.contacts_per_hour, d.handle_minutes, d.target_percent, d.answer_seconds, d.shrinkage_percent, 40.0];
    // An array of signals is `Copy`, so every closure below can hold it.
    let fields: [RwSignal<String>; 6] =
        std::array::from_fn(|i| RwSignal::new(saved.get(i).cloned().unwrap_or_else(|| one(defaults[i]))));
    let role = RwSignal::new(saved.get(6).cloned().unwrap_or_default());
    let note = RwSignal::new(None::<String>);
    let keep = move || {
        let mut all: Vec<String> = fields.iter().map(|f| f.get_untracked()).collect();
        all.push(role.get_untracked());
        storage::set_pref(PREF, &all.join("|"));
    };
    let value = move |i: usize| fields[i].with(|s| crate::model::input::number(s).ok().flatten().unwrap_or(f64::NAN));
    let labels = [
        t.f_contacts_per_hour,
        t.f_handle_minutes,
        t.f_target_percent,
        t.f_answer_seconds,
        t.f_shrinkage,
        t.f_open_hours,
    ];
    let inputs = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let id = format!("staffing-{i}");
            let f = fields[i];
            view! {
                <div class="rc-field">
                    <label for=id.clone()>{*label}</label>
                    <input id=id class="rc-input" type="number" min="0" step="any" inputmode="decimal"
                        prop:value=move || f.get()
                        on:input=move |ev| { f.set(event_target_value(&ev)); note.set(None); keep(); }/>
                </div>
            }
        })
        .collect_view();
    let use_forecast = move |_| {
        let open = value(5);
        let next = state.ws.with_untracked(|w| {
            let weeks = recent_weeks(state.now.get_untracked(), 12);
            match forecast(&created_per_week(&w.board, &weeks), 1) {
                Forecast::Ahead { per_week, .. } => per_week.first().copied(),
                Forecast::TooShort { .. } => None,
            }
        });
        match next {
            Some(week) if open > 0.0 => {
                let hour = per_hour(week, open);
                fields[0].set(one(hour));
                note.set(Some(fill(
                    t.staffing_forecast_used,
                    &[("contacts", &one(week)), ("per_hour", &one(hour)), ("hours", &one(open))],
                )));
                keep();
            }
            _ => note.set(Some(t.staffing_forecast_none.to_owned())),
        }
    };
    let result = move || {
        let q = Queue {
            contacts_per_hour: value(0),
            handle_minutes: value(1),
            target_percent: value(2),
            answer_seconds: value(3),
            shrinkage_percent: value(4),
        };
        let s = match staff(&q) {
            Ok(s) => s,
            Err(e) => {
                return view! { <p class="rc-banner rc-banner--error" role="alert">{error_text(t, e)}</p> }.into_any()
            }
        };
        let n = s.needed;
        let rows = s
            .around
            .iter()
            .map(|o| {
                let this = o.agents == n.agents;
                view! {
                    <tr class=if this { "rc-row--current" } else { "" }>
                        <th scope="row" class="rc-num">{o.agents}</th>
                        <td class="rc-num">{percent(o.service_level)}</td>
                        <td class="rc-num">{format!("{} s", one(o.asa_seconds))}</td>
                        <td class="rc-num">{percent(o.occupancy)}</td>
                    </tr>
                }
            })
            .collect_view();
        let fit = state.ws.watch(&[Coll::Members, Coll::Roles], |w| {
            let chosen = w.roles.iter().find(|r| r.id.0 == role.get()).or_else(|| front_line(w))?;
            let f = team_fit(w, &chosen.id, s.rostered, value(5));
            let spare = f.spare_hours();
            let verdict = if spare < 0.0 {
                fill(t.queue_short, &[("hours", &hours(-spare)), ("people", &one(-f.spare_people()))])
            } else {
                fill(t.staffing_spare, &[("hours", &hours(spare)), ("people", &one(f.spare_people()))])
            };
            Some(view! {
                <p data-testid="staffing-fit">
                    {fill(t.staffing_fit, &[
                        ("role", &chosen.name), ("count", &f.headcount), ("hours", &hours(f.capacity_hours)),
                        ("need", &hours(f.need_hours)), ("people", &one(f.need_people)),
                    ])}" "<strong>{verdict}</strong>
                </p>
            })
        });
        view! {
            <div role="status" data-testid="staffing-result">
                <p class="rc-staffing__big">{fill(t.staffing_agents, &[("n", &n.agents)])}</p>
                <p class="rc-staffing__big">{fill(t.staffing_rostered, &[("shrinkage", &one(q.shrinkage_percent)), ("n", &s.rostered)])}</p>
                <p>{fill(t.staffing_gives, &[
                    ("n", &n.agents), ("sl", &percent(n.service_level)), ("asa", &one(n.asa_seconds)), ("occ", &percent(n.occupancy)),
                ])}" "{fill(t.staffing_traffic, &[("a", &one(s.traffic))])}</p>
            </div>
            {fit}
            <table class="rc-table rc-table--compact">
                <caption>{t.staffing_table}</caption>
                <thead><tr>
                    <th scope="col" class="rc-num">{t.col_agents}</th><th scope="col" class="rc-num">{t.col_service_level}</th>
                    <th scope="col" class="rc-num">{t.col_asa}</th><th scope="col" class="rc-num">{t.col_occupancy}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="rc-panel" aria-labelledby="queue-title">
            <h2 id="queue-title">{t.queue_title}</h2>
            <p class="rc-muted">{t.staffing_intro}</p>
            <div class="rc-grid">{inputs}
                <div class="rc-field">
                    <label for="staffing-role">{t.f_queue_role}</label>
                    <select id="staffing-role" class="rc-select"
                        on:change=move |ev| { role.set(event_target_value(&ev)); keep(); }>
                        {move || state.ws.watch(&[Coll::Roles, Coll::Members], |w| w.roles.iter().map(|r| {
                            let id = r.id.0.clone();
                            let selected = role.with_untracked(|x| if x.is_empty() { front_line(w).is_some_and(|m| m.id == r.id) } else { x == &id });
                            view! { <option value=id selected=selected>{r.name.clone()}</option> }
                        }).collect_view())}
                    </select>
                </div>
            </div>
            <div class="rc-actions">
                <button type="button" class="rc-button" on:click=use_forecast>{t.staffing_use_forecast}</button>
            </div>
            {move || note.get().map(|n| view! { <p class="rc-hint" role="status">{n}</p> })}
            {result}
            <p class="rc-hint">{t.staffing_assumes}</p>
        </section>
    }
}

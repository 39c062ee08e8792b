use crate::components::shared::editor_actions::EditorActions;
use crate::components::shared::form::{Form, FormNotices};
use crate::components::t;
use crate::i18n::{date, fill, model_error, Strings};
use crate::model::dates::{iso_day, parse_iso_day};
use crate::model::ops::Coll;
use crate::model::service::{Repeat, Routine};
use crate::model::{DutyId, MemberId, Priority, RoutineId};
use crate::state::AppState;
use leptos::prelude::*;

/// How a routine repeats, in words ("Weekly on Mon, Thu").
fn repeat_line(t: &Strings, r: &Routine) -> String {
    match r.repeat {
        Repeat::Weekly => {
            let days: Vec<&str> =
                r.weekdays.iter().filter_map(|d| t.weekdays.get(usize::from(*d).wrapping_sub(1))).copied().collect();
            fill(t.repeat_weekly_on, &[("days", &days.join(", "))])
        }
        Repeat::Monthly => fill(t.repeat_monthly_on, &[("day", &r.month_day)]),
        other => crate::i18n::cadence(t, other).to_string(),
    }
}

/// Routines: task templates that make their task when the day comes.
#[component]
pub fn RoutinesTab() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    // A routine left with unsaved changes (another page, a reload) opens again.
    let editing = RwSignal::new(crate::components::shared::form::kept::<Routine>(FORM));
    let routines = move || {
        state.ws.watch(&[Coll::Routines, Coll::Duties], |w| {
            w.routines
                .iter()
                .map(|r| (r.clone(), r.duty.as_ref().and_then(|d| w.duty(d)).map(|d| d.title.clone())))
                .collect::<Vec<_>>()
        })
    };
    let add = move |_| {
        let id = state.with_ids(RoutineId::generate);
        let today = crate::browser::local_day(state.now.get_untracked());
        editing.set(Some(Routine::fresh(id, today)));
    };
    view! {
        <section class="rc-panel" aria-labelledby="routines-title">
            <div class="rc-panel__head">
                <h2 id="routines-title">{t.tab_routines}</h2>
                <button type="button" class="rc-button rc-button--primary" on:click=add>{t.add_routine}</button>
            </div>
            {move || editing.get().map(|r| view! { <RoutineEditor routine=r on_close=move |_| editing.set(None)/> })}
            <Show when=move || routines().is_empty()>
                <p class="rc-muted">{t.routines_empty}</p>
            </Show>
            <ul class="rc-ops-list">
                {move || routines().into_iter().map(|(r, duty)| {
                    let for_edit = r.clone();
                    view! {
                        <li class="rc-ops-item" data-testid="routine">
                            <div class="rc-ops-item__main">
                                <h3 class="rc-ops-item__title">{r.title.clone()}</h3>
                                <p class="rc-muted">{repeat_line(t, &r)}{duty.map(|d| format!(" · {d}"))}</p>
                                <p class="rc-hint">
                                    {if r.paused { t.f_paused.to_string() } else { fill(t.routine_next, &[("date", &date(t, r.next))]) }}
                                    {r.last_day.map(|d| format!(" · {}", fill(t.routine_last, &[("date", &date(t, d))])))}
                                    {(r.missed > 0).then(|| format!(" · {}", fill(t.routine_missed, &[("n", &r.missed)])))}
                                </p>
                            </div>
                            <div class="rc-actions">
                                <button type="button" class="rc-button" aria-label=format!("{} {}", t.edit, r.title)
                                    on:click=move |_| editing.set(Some(for_edit.clone()))>{t.edit}</button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The routine editor's draft, in this tab's session storage.
pub(super) const FORM: &str = "routine";

/// Adds or edits a routine: what the task is, when it repeats, who does it and for which duty.
#[component]
fn RoutineEditor(routine: Routine, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let fields = vec![iso_day(routine.next), routine.month_day.to_string(), routine.estimate_hours.to_string()];
    let form = Form::open(FORM, Coll::Routines, routine, fields);
    let routine = form.value.get_untracked();
    let is_new = form.is_new();
    let (draft, error) = (form.value, form.error);
    let on_close = Callback::new(move |()| {
        form.forget();
        on_close.run(());
    });
    let (members, duties) = state.ws.with_untracked(|w| {
        (
            w.members.iter().map(|m| (m.id.clone(), m.name.clone())).collect::<Vec<_>>(),
            w.duties.iter().map(|d| (d.id.clone(), d.title.clone())).collect::<Vec<_>>(),
        )
    });
    let title_ref = NodeRef::<leptos::html::Input>::new();
    crate::components::shared::focus_on_mount(title_ref);
    let build = move |mut r: Routine, fields: &[String]| -> Result<Routine, String> {
        // A changed schedule starts from the first day given.
        r.next = parse_iso_day(&fields[0]).ok_or_else(|| t.err_date_range.to_string())?;
        r.month_day = match crate::model::input::whole(&fields[1]) {
            Ok(Some(d)) => d.min(u32::from(u8::MAX)) as u8,
            _ => return Err(fill(t.err_not_a_number, &[("value", &fields[1])])),
        };
        r.estimate_hours = match super::parse_number(&fields[2]) {
            Ok(h) => h.unwrap_or(0.0),
            Err(_) => return Err(fill(t.err_not_a_number, &[("value", &fields[2])])),
        };
        Ok(r)
    };
    let run = move |c: &mut crate::model::commands::Cmd, r: Routine| c.save_routine(r).map_err(|e| model_error(t, &e));
    let saved = move || {
        on_close.run(());
        // Due today already: its task comes at once.
        state.run_routines();
    };
    let (save, save_as_new) = form.saves(build, run, saved);
    let remove = move || {
        let id = draft.with_untracked(|r| r.id.clone());
        let _ = state.edit(|c| c.remove_routine(&id));
        on_close.run(());
    };
    let question = Signal::derive(move || fill(t.confirm_remove_item, &[("name", &draft.with(|r| r.title.clone()))]));
    let repeats = [Repeat::Daily, Repeat::Weekly, Repeat::Monthly];
    view! {
        <form class="rc-card rc-editor" on:submit=save aria-label=t.add_routine>
            <FormNotices restored=form.restored elsewhere=Signal::derive(move || form.elsewhere())
                labels=vec![("title", t.f_task_title), ("repeat", t.f_repeat), ("next", t.f_starts), ("estimate_hours", t.f_estimate), ("paused", t.f_paused)]
                on_discard=move |()| on_close.run(()) on_save_as_new=save_as_new/>
            <div class="rc-grid">
                <div class="rc-field">
                    <label for="routine-title">{t.f_task_title}</label>
                    <input id="routine-title" class="rc-input" type="text" node_ref=title_ref
                        prop:value=move || draft.with(|r| r.title.clone())
                        on:input=move |ev| draft.update(|r| r.title = event_target_value(&ev))/>
                </div>
                <div class="rc-field">
                    <label for="routine-repeat">{t.f_repeat}</label>
                    <select id="routine-repeat" class="rc-select"
                        on:change=move |ev| if let Some(x) = Repeat::parse(&event_target_value(&ev)) { draft.update(|r| r.repeat = x) }>
                        {repeats.into_iter().map(|x| view! {
                            <option value=x.as_str() selected=routine.repeat == x>{crate::i18n::cadence(t, x)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="rc-field">
                    <label for="routine-first">{t.f_starts}</label>
                    <input id="routine-first" class="rc-input" type="date" prop:value=move || form.field(0)
                        min=iso_day(crate::model::dates::first_day()) max=iso_day(crate::model::dates::last_day())
                        on:input=move |ev| form.set_field(0, event_target_value(&ev))/>
                </div>
            </div>
            <Show when=move || draft.with(|r| r.repeat == Repeat::Weekly)>
                <fieldset class="rc-field rc-checks">
                    <legend>{t.f_weekdays}</legend>
                    {(1..=7u8).map(|d| view! {
                        <label class="rc-check">
                            <input type="checkbox" prop:checked=move || draft.with(|r| r.weekdays.contains(&d))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    draft.update(|r| { r.weekdays.retain(|x| *x != d); if on { r.weekdays.push(d); r.weekdays.sort_unstable(); } });
                                }/>
                            {t.weekdays[usize::from(d) - 1]}
                        </label>
                    }).collect_view()}
                </fieldset>
            </Show>
            <Show when=move || draft.with(|r| r.repeat == Repeat::Monthly)>
                <div class="rc-field">
                    <label for="routine-day">{t.f_month_day}</label>
                    <input id="routine-day" class="rc-input rc-input--short" type="number" min="1" max="31"
                        prop:value=move || form.field(1) on:input=move |ev| form.set_field(1, event_target_value(&ev))/>
                </div>
            </Show>
            <div class="rc-grid">
                <div class="rc-field">
                    <label for="routine-duty">{t.f_duty}</label>
                    <select id="routine-duty" class="rc-select"
                        on:change=move |ev| { let v = event_target_value(&ev); draft.update(|r| r.duty = (!v.is_empty()).then_some(DutyId(v))) }>
                        <option value="">{t.no_duty}</option>
                        {duties.into_iter().map(|(id, title)| {
                            let selected = routine.duty.as_ref() == Some(&id);
                            view! { <option value=id.0 selected=selected>{title}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="rc-field">
                    <label for="routine-priority">{t.f_priority}</label>
                    <select id="routine-priority" class="rc-select"
                        on:change=move |ev| if let Some(p) = Priority::parse(&event_target_value(&ev)) { draft.update(|r| r.priority = p) }>
                        {Priority::ALL.into_iter().map(|p| view! {
                            <option value=p.as_str() selected=routine.priority == p>{t.priorities[p.index()]}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="rc-field">
                    <label for="routine-estimate">{t.f_estimate}</label>
                    <input id="routine-estimate" class="rc-input" type="text" inputmode="decimal"
                        prop:value=move || form.field(2) on:input=move |ev| form.set_field(2, event_target_value(&ev))/>
                </div>
            </div>
            <fieldset class="rc-field rc-checks">
                <legend>{t.f_assignees}</legend>
                {members.into_iter().map(|(id, name)| {
                    let (a, b) = (id.clone(), id);
                    view! {
                        <label class="rc-check">
                            <input type="checkbox" prop:checked=move || draft.with(|r| r.assignees.contains(&a))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let id: MemberId = b.clone();
                                    draft.update(|r| { r.assignees.retain(|m| m != &id); if on { r.assignees.push(id); } });
                                }/>
                            {name}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <label class="rc-check">
                <input type="checkbox" prop:checked=move || draft.with(|r| r.paused)
                    on:change=move |ev| draft.update(|r| r.paused = event_target_checked(&ev))/>
                {t.f_paused}
            </label>
            <EditorActions error=error on_cancel=move |_| on_close.run(())
                remove=(!is_new).then_some((t.remove, question)) on_remove=move |_| remove()/>
        </form>
    }
}

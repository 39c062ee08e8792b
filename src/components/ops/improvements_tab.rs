use super::{member_name, number_text, parse_number};
use crate::components::shared::editor_actions::EditorActions;
use crate::components::shared::form::{Form, FormNotices};
use crate::components::t;
use crate::i18n::{date, fill, model_error, Strings};
use crate::model::dates::{iso_day, parse_iso_day};
use crate::model::ops::Coll;
use crate::model::service::{effect, ActionStatus, Effect, Improvement, Source};
use crate::model::{ImprovementId, KpiId, MemberId, Workspace};
use crate::state::AppState;
use leptos::prelude::*;

fn source_name(t: &Strings, s: Source) -> &'static str {
    t.sources[Source::ALL.iter().position(|x| *x == s).unwrap_or(0)]
}

fn status_name(t: &Strings, s: ActionStatus) -> &'static str {
    t.action_statuses[ActionStatus::ALL.iter().position(|x| *x == s).unwrap_or(0)]
}

/// Whether the action moved its KPI, in words (for an action with a KPI).
fn effect_line(t: &Strings, w: &Workspace, x: &Improvement) -> Option<String> {
    let k = w.kpis.iter().find(|k| Some(&k.id) == x.kpi.as_ref())?;
    Some(match (x.before, x.after) {
        (Some(b), Some(a)) => {
            let line = match effect(b, a, k.direction) {
                Effect::Better => t.effect_better,
                Effect::Worse => t.effect_worse,
                Effect::Unchanged => t.effect_same,
            };
            format!(
                "{}: {}",
                k.name,
                fill(line, &[("before", &crate::i18n::hours(b)), ("after", &crate::i18n::hours(a))])
            )
        }
        _ => format!("{}: {}", k.name, t.effect_unknown),
    })
}

/// The improvement log: feedback, then cause, then action, then result.
#[component]
pub fn ImprovementsTab() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let editing = RwSignal::new(None::<Improvement>);
    // The day, not the minute: the list is not rebuilt (losing focus) on every tick.
    let today_memo = Memo::new(move |_| crate::browser::local_day(state.now.get()));
    let today = move || today_memo.get();
    let entries = move || {
        let day = today();
        state.ws.watch(&[Coll::Improvements, Coll::Members, Coll::Kpis, Coll::Tasks], |w| {
            let titles: std::collections::BTreeMap<&str, &str> =
                w.board.tasks.iter().map(|t| (t.id.as_str(), t.title.as_str())).collect();
            let mut list: Vec<_> = w
                .improvements
                .iter()
                .map(|x| {
                    let task = x.tasks.iter().find_map(|id| titles.get(id.as_str())).map(|t| t.to_string());
                    let overdue = x.status.is_open() && x.due.is_some_and(|d| d < day);
                    (x.clone(), member_name(w, x.owner.as_ref()), effect_line(t, w, x), task, overdue)
                })
                .collect();
            // Open actions first, the log's order otherwise.
            list.sort_by_key(|e| !e.0.status.is_open());
            list
        })
    };
    let add = move |_| {
        let id = state.with_ids(ImprovementId::generate);
        editing.set(Some(Improvement { id, ..Improvement::default() }));
    };
    // An entry left with unsaved changes (another page, a reload) opens again.
    if let Some(kept) = crate::components::shared::form::kept::<Improvement>(FORM) {
        editing.set(Some(kept));
    }
    let make_task = move |id: ImprovementId, title: String| {
        let _ = state.edit(|c| c.improvement_task(&id, title));
    };
    view! {
        <section class="rc-panel" aria-labelledby="improvements-title">
            <div class="rc-panel__head">
                <h2 id="improvements-title">{t.tab_improvements}</h2>
                <button type="button" class="rc-button rc-button--primary" on:click=add>{t.add_improvement}</button>
            </div>
            {move || editing.get().map(|x| view! { <ImprovementEditor item=x on_close=move |_| editing.set(None)/> })}
            <Show when=move || entries().is_empty()>
                <p class="rc-muted">{t.improvements_empty}</p>
            </Show>
            <ul class="rc-ops-list">
                {move || entries().into_iter().map(|(x, owner, effect, task, overdue)| {
                    let (for_edit, id) = (x.clone(), x.id.clone());
                    let title = if x.action.trim().is_empty() { x.problem.clone() } else { x.action.clone() };
                    let label = x.problem.clone();
                    view! {
                        <li class="rc-ops-item" data-testid="improvement">
                            <div class="rc-ops-item__main">
                                <p class="rc-chips">
                                    <span class="rc-chip">{source_name(t, x.source)}</span>
                                    <span class="rc-chip" class:rc-chip--done=!x.status.is_open()>{status_name(t, x.status)}</span>
                                    {overdue.then(|| view! { <span class="rc-badge rc-badge--warn">{t.badge_overdue}</span> })}
                                </p>
                                <h3 class="rc-ops-item__title">{x.problem.clone()}</h3>
                                {(!x.cause.is_empty()).then(|| view! { <p><strong>{t.f_cause}": "</strong>{x.cause.clone()}</p> })}
                                {(!x.action.is_empty()).then(|| view! { <p><strong>{t.f_action}": "</strong>{x.action.clone()}</p> })}
                                <p class="rc-hint">
                                    {(!owner.is_empty()).then(|| format!("{}: {owner}", t.f_owner))}
                                    {x.due.map(|d| format!(" · {}: {}", t.f_due, date(t, d)))}
                                </p>
                                {effect.map(|e| view! { <p class="rc-ops-effect" data-testid="effect">{e}</p> })}
                                {task.clone().map(|title| view! { <p class="rc-hint">{fill(t.task_linked, &[("title", &title)])}</p> })}
                            </div>
                            <div class="rc-actions">
                                <button type="button" class="rc-button" aria-label=format!("{} {label}", t.edit)
                                    on:click=move |_| editing.set(Some(for_edit.clone()))>{t.edit}</button>
                                {task.is_none().then(|| view! {
                                    <button type="button" class="rc-button" aria-label=format!("{} {label}", t.make_task)
                                        on:click=move |_| make_task(id.clone(), title.clone())>{t.make_task}</button>
                                })}
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The improvement editor's draft, in this tab's session storage.
pub(super) const FORM: &str = "improvement";

/// Adds or edits an entry of the improvement log.
#[component]
fn ImprovementEditor(item: Improvement, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let fields = vec![item.due.map(iso_day).unwrap_or_default(), number_text(item.before), number_text(item.after)];
    let form = Form::open(FORM, Coll::Improvements, item, fields);
    let item = form.value.get_untracked();
    let is_new = form.is_new();
    let (draft, error) = (form.value, form.error);
    let on_close = Callback::new(move |()| {
        form.forget();
        on_close.run(());
    });
    let (members, kpis) = state.ws.with_untracked(|w| {
        (
            w.members.iter().map(|m| (m.id.clone(), m.name.clone())).collect::<Vec<_>>(),
            w.kpis.iter().map(|k| (k.id.clone(), k.name.clone())).collect::<Vec<_>>(),
        )
    });
    let first = NodeRef::<leptos::html::Select>::new();
    crate::components::shared::focus_on_mount(first);
    let build = move |mut x: Improvement, fields: &[String]| -> Result<Improvement, String> {
        x.due = parse_iso_day(&fields[0]);
        for (text, to) in [(&fields[1], &mut x.before), (&fields[2], &mut x.after)] {
            match parse_number(text) {
                Ok(v) => *to = v,
                Err(_) => return Err(fill(t.err_not_a_number, &[("value", text)])),
            }
        }
        Ok(x)
    };
    let run = move |c: &mut crate::model::commands::Cmd, x: Improvement| {
        c.save_improvement(x).map_err(|e| model_error(t, &e))
    };
    let (save, save_as_new) = form.saves(build, run, move || on_close.run(()));
    let remove = move || {
        let id = draft.with_untracked(|x| x.id.clone());
        let _ = state.edit(|c| c.remove_improvement(&id));
        on_close.run(());
    };
    let question = Signal::derive(move || fill(t.confirm_remove_item, &[("name", &draft.with(|x| x.problem.clone()))]));
    let text_field = move |id: &'static str,
                           label: &'static str,
                           get: fn(&Improvement) -> String,
                           set: fn(&mut Improvement, String)| {
        view! {
            <div class="rc-field">
                <label for=id>{label}</label>
                <textarea id=id class="rc-input" rows="2" prop:value=move || draft.with(get)
                    on:input=move |ev| draft.update(|x| set(x, event_target_value(&ev)))></textarea>
            </div>
        }
    };
    view! {
        <form class="rc-card rc-editor" on:submit=save aria-label=t.add_improvement>
            <FormNotices restored=form.restored elsewhere=Signal::derive(move || form.elsewhere())
                labels=vec![("problem", t.f_problem), ("cause", t.f_cause), ("action", t.f_action), ("due", t.f_due), ("before", t.f_before), ("after", t.f_after)]
                on_discard=move |()| on_close.run(()) on_save_as_new=save_as_new/>
            <div class="rc-grid">
                <div class="rc-field">
                    <label for="imp-source">{t.f_source}</label>
                    <select id="imp-source" class="rc-select" node_ref=first
                        on:change=move |ev| if let Some(s) = Source::parse(&event_target_value(&ev)) { draft.update(|x| x.source = s) }>
                        {Source::ALL.into_iter().map(|s| view! {
                            <option value=s.as_str() selected=item.source == s>{source_name(t, s)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="rc-field">
                    <label for="imp-status">{t.f_action_status}</label>
                    <select id="imp-status" class="rc-select"
                        on:change=move |ev| if let Some(s) = ActionStatus::parse(&event_target_value(&ev)) { draft.update(|x| x.status = s) }>
                        {ActionStatus::ALL.into_iter().map(|s| view! {
                            <option value=s.as_str() selected=item.status == s>{status_name(t, s)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            {text_field("imp-problem", t.f_problem, |x| x.problem.clone(), |x, v| x.problem = v)}
            {text_field("imp-cause", t.f_cause, |x| x.cause.clone(), |x, v| x.cause = v)}
            {text_field("imp-action", t.f_action, |x| x.action.clone(), |x, v| x.action = v)}
            <div class="rc-grid">
                <div class="rc-field">
                    <label for="imp-owner">{t.f_owner}</label>
                    <select id="imp-owner" class="rc-select"
                        on:change=move |ev| { let v = event_target_value(&ev); draft.update(|x| x.owner = (!v.is_empty()).then_some(MemberId(v))) }>
                        <option value="">{t.none_option}</option>
                        {members.into_iter().map(|(id, name)| {
                            let selected = item.owner.as_ref() == Some(&id);
                            view! { <option value=id.0 selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="rc-field">
                    <label for="imp-due">{t.f_due}</label>
                    <input id="imp-due" class="rc-input" type="date" prop:value=move || form.field(0)
                        min=crate::model::dates::iso_day(crate::model::dates::first_day()) max=crate::model::dates::iso_day(crate::model::dates::last_day())
                        on:input=move |ev| form.set_field(0, event_target_value(&ev))/>
                </div>
                <div class="rc-field">
                    <label for="imp-kpi">{t.f_kpi_link}</label>
                    <select id="imp-kpi" class="rc-select"
                        on:change=move |ev| { let v = event_target_value(&ev); draft.update(|x| x.kpi = (!v.is_empty()).then_some(KpiId(v))) }>
                        <option value="">{t.none_option}</option>
                        {kpis.into_iter().map(|(id, name)| {
                            let selected = item.kpi.as_ref() == Some(&id);
                            view! { <option value=id.0 selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="rc-field">
                    <label for="imp-before">{t.f_before}</label>
                    <input id="imp-before" class="rc-input" type="text" inputmode="decimal" prop:value=move || form.field(1)
                        on:input=move |ev| form.set_field(1, event_target_value(&ev))/>
                </div>
                <div class="rc-field">
                    <label for="imp-after">{t.f_after}</label>
                    <input id="imp-after" class="rc-input" type="text" inputmode="decimal" prop:value=move || form.field(2)
                        on:input=move |ev| form.set_field(2, event_target_value(&ev))/>
                </div>
            </div>
            <EditorActions error=error on_cancel=move |_| on_close.run(())
                remove=(!is_new).then_some((t.remove, question)) on_remove=move |_| remove()/>
        </form>
    }
}

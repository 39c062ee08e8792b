use crate::components::shared::editor_actions::EditorActions;
use crate::components::shared::form::{Form, FormNotices};
use crate::components::shared::lazy::{fetch_soon, lazy};
use crate::components::shared::required_skills_field::RequiredSkillsField;
use crate::components::t;
use crate::i18n::{board_error, fill, reason};
use crate::model::assign::{is_over_capacity, suggest};
use crate::model::ops::Coll;
use crate::model::{dates, ColumnId, DutyId, MemberId, Priority, Task, TaskType};
use crate::state::AppState;
use chrono::TimeZone;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::sync::atomic::AtomicBool;

/// The task editor's draft, in this tab's session storage.
pub(super) const FORM: &str = "task";

/// Whether the editor's code has arrived (for the session).
static LOADED: AtomicBool = AtomicBool::new(false);

/// Creates or edits a task, with ranked assignment suggestions beside the assignees. Its code
/// is a split point of its own: the board's first screen does without it, and it is fetched in
/// the background once the board is on screen (or when a task is opened before that).
#[component]
pub fn TaskEditor(
    /// The task as it is now (a fresh one for "Add task").
    task: Task,
    /// Runs when the dialog should close.
    #[prop(into)]
    on_close: Callback<()>,
) -> impl IntoView {
    lazy(&LOADED, load_task_editor, move || {
        crate::browser::ready_now(editor_view(task.clone(), on_close)).and_then(Result::ok)
    })
}

/// Fetches the editor's code when the browser is next idle.
pub fn fetch_editor_soon() {
    fetch_soon(&LOADED, load_task_editor);
}

#[wasm_split(task_editor, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_task_editor))]
fn editor_view(task: Task, on_close: Callback<()>) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <Editor task on_close/> }.into_any())
}

#[component]
fn Editor(task: Task, on_close: Callback<()>) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let offset = crate::browser::local_offset();
    let service_due =
        task.service_due.map(|d| dates::local_minute(d.with_timezone(&offset).naive_local())).unwrap_or_default();
    let fields = vec![crate::i18n::hours(task.estimate_hours), task.labels.join(", "), service_due];
    let form = Form::open(FORM, Coll::Tasks, task, fields);
    let task = form.value.get_untracked();
    let is_new = form.is_new();
    let (draft, error) = (form.value, form.error);
    // Every way out but leaving the page forgets the draft: save, cancel, Escape, remove.
    let on_close = Callback::new(move |()| {
        form.forget();
        on_close.run(());
    });
    let title_ref = NodeRef::<leptos::html::Input>::new();
    crate::components::shared::focus_on_mount(title_ref);

    let build = move |mut task: Task, fields: &[String]| -> Result<Task, String> {
        match crate::model::input::number(&fields[0]) {
            Ok(h) => task.estimate_hours = h.unwrap_or(0.0),
            Err(_) => return Err(fill(t.err_not_a_number, &[("value", &fields[0])])),
        }
        task.labels = fields[1].split(',').map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect();
        task.service_due = dates::parse_local_minute(&fields[2])
            .and_then(|d| offset.from_local_datetime(&d).single())
            .map(|d| d.with_timezone(&chrono::Utc));
        Ok(task)
    };
    // Who records the changes: "I am", if they are still on the team (read from the command's
    // workspace: the store is busy with the command).
    let run = move |c: &mut crate::model::commands::Cmd, task: Task| {
        let me = state.me.get_untracked().filter(|m| c.ws().member(m).is_some());
        c.save_task_by(task, me).map_err(|e| board_error(t, &e))
    };
    let (save, save_as_new) = form.saves(build, run, move || on_close.run(()));
    let remove = move |_| {
        let id = draft.with_untracked(|d| d.id.clone());
        let _ = state.edit(|c| c.remove_task(&id));
        on_close.run(());
    };
    let toggle_assignee = move |id: MemberId, on: bool| {
        draft.update(|d| {
            d.assignees.retain(|m| m != &id);
            if on {
                d.assignees.push(id);
            }
        })
    };
    let (columns, duties, members) = state.ws.with_untracked(|w| {
        (
            w.board.columns.iter().map(|c| (c.id.clone(), c.name.clone())).collect::<Vec<_>>(),
            w.duties.iter().map(|d| (d.id.clone(), d.title.clone())).collect::<Vec<_>>(),
            w.members
                .iter()
                .filter(|m| m.active)
                .map(|m| (m.id.clone(), m.name.clone(), is_over_capacity(w, &m.id)))
                .collect::<Vec<_>>(),
        )
    });
    let suggestions = move || {
        let task = draft.get();
        state.ws.watch(&[Coll::Members, Coll::Tasks, Coll::Columns, Coll::Duties, Coll::Skills, Coll::Roles], |w| {
            suggest(w, &task)
                .into_iter()
                .take(5)
                .map(|s| {
                    let name = w.member(&s.member).map(|m| m.name.clone()).unwrap_or_default();
                    let why: Vec<String> = s.reasons.iter().map(|r| reason(t, r)).collect();
                    (s.member, name, why.join(" · "))
                })
                .collect::<Vec<_>>()
        })
    };

    view! {
        <div class="rc-overlay" on:keydown=move |ev| if ev.key() == "Escape" { on_close.run(()) }>
            <section class="rc-dialog rc-dialog--wide" role="dialog" aria-modal="true" aria-labelledby="task-editor-title">
                <h2 id="task-editor-title">{if is_new { t.new_task } else { t.edit_task }}</h2>
                <FormNotices restored=form.restored elsewhere=Signal::derive(move || form.elsewhere())
                    labels=vec![("title", t.f_task_title), ("description", t.f_description), ("priority", t.f_priority), ("due", t.f_due), ("estimate_hours", t.f_estimate), ("labels", t.f_labels), ("archived", t.archived_label)]
                    on_discard=move |()| on_close.run(()) on_save_as_new=save_as_new/>
                <form class="rc-form" on:submit=save novalidate>
                    <div class="rc-field">
                        <label for="task-title">{t.f_task_title}</label>
                        <input id="task-title" class="rc-input" type="text" node_ref=title_ref autocomplete="off"
                            prop:value=move || draft.with(|d| d.title.clone())
                            on:input=move |ev| draft.update(|d| d.title = event_target_value(&ev))/>
                    </div>
                    <div class="rc-grid">
                        <div class="rc-field">
                            <label for="task-type">{t.f_task_type}</label>
                            <select id="task-type" class="rc-select" on:change=move |ev| {
                                if let Some(k) = TaskType::parse(&event_target_value(&ev)) { draft.update(|d| d.kind = k) }
                            }>
                                {TaskType::ALL.into_iter().enumerate().map(|(i, k)| view! {
                                    <option value=k.as_str() selected=move || draft.with(|d| d.kind == k)>{t.task_types[i]}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="rc-field">
                            <label for="task-priority">{t.f_priority}</label>
                            <select id="task-priority" class="rc-select" on:change=move |ev| {
                                if let Some(p) = Priority::parse(&event_target_value(&ev)) { draft.update(|d| d.priority = p) }
                            }>
                                {Priority::ALL.into_iter().map(|p| view! {
                                    <option value=p.as_str() selected=move || draft.with(|d| d.priority == p)>{t.priorities[p.index()]}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="rc-field">
                            <label for="task-column">{t.f_column}</label>
                            <select id="task-column" class="rc-select" on:change=move |ev| draft.update(|d| d.column = ColumnId(event_target_value(&ev)))>
                                {columns.into_iter().map(|(id, name)| {
                                    let v = id.clone();
                                    view! { <option value=id.to_string() selected=move || draft.with(|d| d.column == v)>{name}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="rc-field">
                            <label for="task-duty">{t.f_duty}</label>
                            <select id="task-duty" class="rc-select" on:change=move |ev| {
                                let v = event_target_value(&ev);
                                draft.update(|d| d.duty = (!v.is_empty()).then_some(DutyId(v)));
                            }>
                                <option value="" selected=move || draft.with(|d| d.duty.is_none())>{t.no_duty}</option>
                                {duties.into_iter().map(|(id, title)| {
                                    let v = id.clone();
                                    view! { <option value=id.to_string() selected=move || draft.with(|d| d.duty.as_ref() == Some(&v))>{title}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="rc-field">
                            <label for="task-estimate">{t.f_estimate}</label>
                            <input id="task-estimate" class="rc-input rc-input--short" type="number" min="0" max=crate::model::decl::MAX_ESTIMATE_HOURS step="0.5"
                                prop:value=move || form.field(0) on:input=move |ev| form.set_field(0, event_target_value(&ev))/>
                        </div>
                        <div class="rc-field">
                            <label for="task-due">{t.f_due}</label>
                            <input id="task-due" class="rc-input" type="date" min=dates::iso_day(dates::first_day()) max=dates::iso_day(dates::last_day())
                                prop:value=move || draft.with(|d| d.due.map(dates::iso_day).unwrap_or_default())
                                on:change=move |ev| draft.update(|d| d.due = dates::parse_iso_day(&event_target_value(&ev)))/>
                        </div>
                        <div class="rc-field">
                            <label for="task-service-due">{t.f_service_due}</label>
                            <input id="task-service-due" class="rc-input" type="datetime-local"
                                prop:value=move || form.field(2) on:change=move |ev| form.set_field(2, event_target_value(&ev))/>
                        </div>
                        <div class="rc-field">
                            <label for="task-labels">{t.f_labels}</label>
                            <input id="task-labels" class="rc-input" type="text"
                                prop:value=move || form.field(1) on:input=move |ev| form.set_field(1, event_target_value(&ev))/>
                        </div>
                    </div>
                    <div class="rc-field">
                        <label for="task-description">{t.f_description}</label>
                        <textarea id="task-description" class="rc-input" rows="3"
                            prop:value=move || draft.with(|d| d.description.clone())
                            on:input=move |ev| draft.update(|d| d.description = event_target_value(&ev))></textarea>
                    </div>
                    <RequiredSkillsField add_id="task-add-skill"
                        value=Signal::derive(move || draft.with(|d| d.required_skills.clone()))
                        on_change=move |v| draft.update(|d| d.required_skills = v)/>
                    <div class="rc-assign">
                        <fieldset class="rc-fieldset">
                            <legend>{t.f_assignees}</legend>
                            <div class="rc-checks rc-checks--column">
                                {members.into_iter().map(|(id, name, over)| {
                                    let (a, b) = (id.clone(), id.clone());
                                    view! {
                                        <label class="rc-check">
                                            <input type="checkbox" prop:checked=move || draft.with(|d| d.assignees.contains(&a))
                                                on:change=move |ev| toggle_assignee(b.clone(), event_target_checked(&ev))/>
                                            {name}
                                            {over.then(|| view! { <span class="rc-badge rc-badge--warn">{t.over_capacity}</span> })}
                                        </label>
                                    }
                                }).collect_view()}
                            </div>
                        </fieldset>
                        <section class="rc-suggestions" aria-labelledby="suggestions-title">
                            <h3 id="suggestions-title">{t.suggestions_title}</h3>
                            <ol class="rc-suggestions__list">
                                {move || {
                                    let list = suggestions();
                                    if list.is_empty() {
                                        return view! { <li class="rc-muted">{t.no_suggestions}</li> }.into_any();
                                    }
                                    list.into_iter().map(|(id, name, why)| {
                                        let assigned = { let id = id.clone(); Memo::new(move |_| draft.with(|d| d.assignees.contains(&id))) };
                                        let label = fill(t.suggestion_assign, &[("name", &name)]);
                                        view! {
                                            <li class="rc-suggestion">
                                                <div>
                                                    <strong>{name.clone()}</strong>
                                                    <p class="rc-hint">{why}</p>
                                                </div>
                                                <button type="button" class="rc-button rc-button--small" aria-label=label
                                                    disabled=move || assigned.get()
                                                    on:click={let id = id.clone(); move |_| toggle_assignee(id.clone(), true)}>
                                                    {move || if assigned.get() { t.suggestion_assigned } else { t.assign }}
                                                </button>
                                            </li>
                                        }
                                    }).collect_view().into_any()
                                }}
                            </ol>
                        </section>
                    </div>
                    <EditorActions error=error on_cancel=on_close
                        remove=(!is_new).then(|| (t.remove_task, Signal::derive(move || fill(t.confirm_remove_task, &[("name", &draft.with_untracked(|d| d.title.clone()))]))))
                        on_remove=remove/>
                </form>
                {(!is_new).then(|| view! { <super::task_thread::TaskThread task=task.id.clone()/> })}
            </section>
        </div>
    }
}

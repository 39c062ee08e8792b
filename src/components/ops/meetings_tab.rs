use super::meeting_view::MeetingView;
use crate::components::shared::editor_actions::EditorActions;
use crate::components::shared::form::{Form, FormNotices};
use crate::components::t;
use crate::i18n::{fill, model_error};
use crate::model::ops::Coll;
use crate::model::service::{Meeting, Repeat};
use crate::model::{MeetingId, RoleId};
use crate::state::AppState;
use leptos::prelude::*;

/// The meeting editor's draft, in this tab's session storage.
pub(super) const FORM: &str = "meeting";

/// The team's meetings; opening one shows its agenda and minutes. A meeting left open with its
/// minutes typed but not saved (another page, a reload) opens again, as does an editor.
#[component]
pub fn MeetingsTab() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let open = RwSignal::new(super::meeting_view::kept_meeting());
    let editing = RwSignal::new(crate::components::shared::form::kept::<Meeting>(FORM));
    let meetings = move || {
        state.ws.watch(&[Coll::Meetings, Coll::Roles], |w| {
            w.meetings
                .iter()
                .map(|m| {
                    let roles: Vec<String> = m.roles.iter().filter_map(|r| w.role(r)).map(|r| r.name.clone()).collect();
                    (m.clone(), roles.join(", "))
                })
                .collect::<Vec<_>>()
        })
    };
    let add = move |_| {
        let id = state.with_ids(MeetingId::generate);
        editing.set(Some(Meeting::fresh(id)));
    };
    move || {
        match open.get() {
        Some(id) => view! { <MeetingView id=id on_back=move || open.set(None)/> }.into_any(),
        None => view! {
            <section class="rc-panel" aria-labelledby="meetings-title">
                <div class="rc-panel__head">
                    <h2 id="meetings-title">{t.tab_meetings}</h2>
                    <button type="button" class="rc-button rc-button--primary" on:click=add>{t.add_meeting}</button>
                </div>
                {move || editing.get().map(|m| view! { <MeetingEditor meeting=m on_close=move |_| editing.set(None)/> })}
                <Show when=move || meetings().is_empty()>
                    <p class="rc-muted">{t.meetings_empty}</p>
                </Show>
                <ul class="rc-ops-list">
                    {move || meetings().into_iter().map(|(m, roles)| {
                        let summary = fill(t.meeting_summary, &[("cadence", &crate::i18n::cadence(t, m.cadence)), ("minutes", &m.duration_minutes)]);
                        let (id, for_edit) = (m.id.clone(), m.clone());
                        view! {
                            <li class="rc-ops-item" data-testid="meeting">
                                <div class="rc-ops-item__main">
                                    <h3 class="rc-ops-item__title">{m.name.clone()}</h3>
                                    <p class="rc-muted">{summary}</p>
                                    <p class="rc-hint">{roles}</p>
                                </div>
                                <div class="rc-actions">
                                    <button type="button" class="rc-button rc-button--primary"
                                        aria-label=format!("{} {}", t.open_meeting, m.name)
                                        on:click=move |_| open.set(Some(id.clone()))>{t.open_meeting}</button>
                                    <button type="button" class="rc-button" aria-label=format!("{} {}", t.edit, m.name)
                                        on:click=move |_| editing.set(Some(for_edit.clone()))>{t.edit}</button>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }.into_any(),
    }
    }
}

/// Adds or edits a meeting: name, cadence, duration, the roles that attend, standing items.
#[component]
fn MeetingEditor(meeting: Meeting, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let fields = vec![meeting.duration_minutes.to_string(), meeting.agenda.join("\n")];
    let form = Form::open(FORM, Coll::Meetings, meeting, fields);
    let meeting = form.value.get_untracked();
    let is_new = form.is_new();
    let (draft, error) = (form.value, form.error);
    let on_close = Callback::new(move |()| {
        form.forget();
        on_close.run(());
    });
    let roles = state.ws.with_untracked(|w| w.roles.iter().map(|r| (r.id.clone(), r.name.clone())).collect::<Vec<_>>());
    let name_ref = NodeRef::<leptos::html::Input>::new();
    crate::components::shared::focus_on_mount(name_ref);
    let build = move |mut m: Meeting, fields: &[String]| -> Result<Meeting, String> {
        match crate::model::input::whole(&fields[0]) {
            Ok(Some(minutes)) => m.duration_minutes = minutes,
            _ => return Err(fill(t.err_not_a_number, &[("value", &fields[0])])),
        }
        m.agenda = fields[1].lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
        Ok(m)
    };
    let run = move |c: &mut crate::model::commands::Cmd, m: Meeting| c.save_meeting(m).map_err(|e| model_error(t, &e));
    let (save, save_as_new) = form.saves(build, run, move || on_close.run(()));
    let remove = move || {
        let id = draft.with_untracked(|m| m.id.clone());
        let _ = state.edit(|c| c.remove_meeting(&id));
        on_close.run(());
    };
    let toggle = move |id: RoleId, on: bool| {
        draft.update(|m| {
            m.roles.retain(|r| r != &id);
            if on {
                m.roles.push(id);
            }
        })
    };
    let question = Signal::derive(move || fill(t.confirm_remove_item, &[("name", &draft.with(|m| m.name.clone()))]));
    view! {
        <form class="rc-card rc-editor" on:submit=save aria-label=t.add_meeting>
            <FormNotices restored=form.restored elsewhere=Signal::derive(move || form.elsewhere())
                labels=vec![("name", t.f_meeting_name), ("duration_minutes", t.f_duration), ("agenda", t.f_agenda)]
                on_discard=move |()| on_close.run(()) on_save_as_new=save_as_new/>
            <div class="rc-grid">
                <div class="rc-field">
                    <label for="meeting-name">{t.f_meeting_name}</label>
                    <input id="meeting-name" class="rc-input" type="text" node_ref=name_ref
                        prop:value=move || draft.with(|m| m.name.clone())
                        on:input=move |ev| draft.update(|m| m.name = event_target_value(&ev))/>
                </div>
                <div class="rc-field">
                    <label for="meeting-cadence">{t.f_cadence}</label>
                    <select id="meeting-cadence" class="rc-select"
                        on:change=move |ev| if let Some(r) = Repeat::parse(&event_target_value(&ev)) { draft.update(|m| m.cadence = r) }>
                        {Repeat::ALL.into_iter().map(|r| view! {
                            <option value=r.as_str() selected=meeting.cadence == r>{crate::i18n::cadence(t, r)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="rc-field">
                    <label for="meeting-duration">{t.f_duration}</label>
                    <input id="meeting-duration" class="rc-input" type="number" min="0" max=crate::model::decl::MAX_MEETING_MINUTES inputmode="numeric"
                        prop:value=move || form.field(0) on:input=move |ev| form.set_field(0, event_target_value(&ev))/>
                </div>
            </div>
            <fieldset class="rc-field rc-checks">
                <legend>{t.f_attendees}</legend>
                {roles.into_iter().map(|(id, name)| {
                    let (a, b) = (id.clone(), id.clone());
                    view! {
                        <label class="rc-check">
                            <input type="checkbox" prop:checked=move || draft.with(|m| m.roles.contains(&a))
                                on:change=move |ev| toggle(b.clone(), event_target_checked(&ev))/>
                            {name}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <div class="rc-field">
                <label for="meeting-agenda">{t.f_agenda}</label>
                <textarea id="meeting-agenda" class="rc-input" rows="3"
                    prop:value=move || form.field(1) on:input=move |ev| form.set_field(1, event_target_value(&ev))></textarea>
            </div>
            <EditorActions error=error on_cancel=move |_| on_close.run(())
                remove=(!is_new).then_some((t.remove, question)) on_remove=move |_| remove()/>
        </form>
    }
}

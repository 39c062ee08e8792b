use crate::components::shared::editor_actions::EditorActions;
use crate::components::shared::form::{Form, FormNotices};
use crate::components::shared::level_select::LevelSelect;
use crate::components::t;
use crate::i18n::{fill, model_error};
use crate::model::ops::Coll;
use crate::model::{DepartmentId, Member, MemberId, MemberSkill, RoleId, SkillId};
use crate::state::AppState;
use leptos::prelude::*;

/// The member editor's draft, in this tab's session storage.
pub(super) const FORM: &str = "member";

/// Creates or edits one member. Nothing changes until "Save", and the model's rules decide.
#[component]
pub fn MemberEditor(
    /// The member as it is now (a fresh one for "Add member").
    member: Member,
    /// Runs when the editor should close.
    #[prop(into)]
    on_close: Callback<()>,
) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let capacity = member.capacity_hours.to_string();
    let form = Form::open(FORM, Coll::Members, member, vec![capacity]);
    let member = form.value.get_untracked();
    let is_new = form.is_new();
    let (draft, error) = (form.value, form.error);
    // Every way out but leaving the page forgets the draft: save, cancel, remove.
    let on_close = Callback::new(move |()| {
        form.forget();
        on_close.run(());
    });
    let name_ref = NodeRef::<leptos::html::Input>::new();
    crate::components::shared::focus_on_mount(name_ref);

    let build = move |mut m: Member, fields: &[String]| -> Result<Member, String> {
        let text = &fields[0];
        match crate::model::input::whole(text) {
            Ok(Some(h)) => m.capacity_hours = h,
            _ => return Err(fill(t.err_not_a_number, &[("value", text)])),
        }
        Ok(m)
    };
    let run = move |c: &mut crate::model::commands::Cmd, m: Member| c.save_member(m).map_err(|e| model_error(t, &e));
    let (save, save_as_new) = form.saves(build, run, move || on_close.run(()));
    // Their open tasks can go to someone else in the same step as the removal; what the removal
    // would break is worked out when it is asked for (in the confirmation below).
    let (open_tasks, others) = state.ws.with_untracked(|w| {
        let others: Vec<(MemberId, String)> =
            w.members.iter().filter(|m| m.id != member.id).map(|m| (m.id.clone(), m.name.clone())).collect();
        (crate::model::impact::open_tasks(w, &member.id).len(), others)
    });
    let heir = RwSignal::new(String::new());
    let remove = move |_| {
        let id = draft.with_untracked(|m| m.id.clone());
        let to = heir.with_untracked(|h| (!h.is_empty()).then(|| MemberId(h.clone())));
        let _ = state.edit(|c| c.remove_member_giving_tasks(&id, to.as_ref()));
        on_close.run(());
    };

    let departments = state.ws.with_untracked(|w| w.departments.clone());
    let roles = state.ws.with_untracked(|w| w.roles.clone());
    let catalogue = state.ws.with_untracked(|w| w.skills.clone());
    let skill_name = {
        let catalogue = catalogue.clone();
        move |id: &SkillId| catalogue.iter().find(|s| &s.id == id).map(|s| s.name.clone()).unwrap_or_default()
    };
    let unlisted = {
        let catalogue = catalogue.clone();
        move || {
            draft.with(|m| {
                catalogue.iter().filter(|s| m.skills.iter().all(|ms| ms.skill != s.id)).cloned().collect::<Vec<_>>()
            })
        }
    };
    let title = if is_new { t.new_member } else { t.edit_member };
    let has_catalogue = !catalogue.is_empty();

    view! {
        <section class="rc-panel" aria-labelledby="member-editor-title">
            <h2 id="member-editor-title">{title}</h2>
            <FormNotices restored=form.restored elsewhere=Signal::derive(move || form.elsewhere())
                labels=vec![("name", t.f_name), ("title", t.f_title), ("contact", t.f_contact), ("capacity_hours", t.f_capacity), ("notes", t.f_notes), ("active", t.f_active)]
                on_discard=move |()| on_close.run(()) on_save_as_new=save_as_new/>
            <form class="rc-form" on:submit=save novalidate>
                <div class="rc-grid">
                    <div class="rc-field">
                        <label for="member-name">{t.f_name}</label>
                        <input id="member-name" class="rc-input" type="text" node_ref=name_ref autocomplete="off"
                            prop:value=move || draft.with(|m| m.name.clone())
                            on:input=move |ev| draft.update(|m| m.name = event_target_value(&ev))/>
                    </div>
                    <div class="rc-field">
                        <label for="member-title">{t.f_title}</label>
                        <input id="member-title" class="rc-input" type="text"
                            prop:value=move || draft.with(|m| m.title.clone())
                            on:input=move |ev| draft.update(|m| m.title = event_target_value(&ev))/>
                    </div>
                    <div class="rc-field">
                        <label for="member-contact">{t.f_contact}</label>
                        <input id="member-contact" class="rc-input" type="text"
                            prop:value=move || draft.with(|m| m.contact.clone())
                            on:input=move |ev| draft.update(|m| m.contact = event_target_value(&ev))/>
                    </div>
                    <div class="rc-field">
                        <label for="member-department">{t.f_department}</label>
                        <select id="member-department" class="rc-select"
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                draft.update(|m| m.department = (!v.is_empty()).then_some(DepartmentId(v)));
                            }>
                            <option value="" selected=move || draft.with(|m| m.department.is_none())>{t.no_department}</option>
                            {departments.into_iter().map(|d| {
                                let id = d.id.clone();
                                view! {
                                    <option value=d.id.to_string() selected=move || draft.with(|m| m.department.as_ref() == Some(&id))>
                                        {d.name}
                                    </option>
                                }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="rc-field">
                        <label for="member-capacity">{t.f_capacity}</label>
                        <input id="member-capacity" class="rc-input rc-input--short" type="number" min="0" max=crate::model::decl::MAX_CAPACITY_HOURS step="1"
                            prop:value=move || form.field(0)
                            on:input=move |ev| form.set_field(0, event_target_value(&ev))/>
                    </div>
                    <div class="rc-field rc-field--check">
                        <input id="member-active" type="checkbox"
                            prop:checked=move || draft.with(|m| m.active)
                            on:change=move |ev| draft.update(|m| m.active = event_target_checked(&ev))/>
                        <label for="member-active">{t.f_active}</label>
                    </div>
                </div>

                <fieldset class="rc-fieldset">
                    <legend>{t.f_roles}</legend>
                    {if roles.is_empty() {
                        view! { <p class="rc-muted">{t.no_roles_yet}</p> }.into_any()
                    } else {
                        view! {
                            <div class="rc-checks">
                                {roles.into_iter().map(|r| {
                                    let id: RoleId = r.id.clone();
                                    let id2 = id.clone();
                                    view! {
                                        <label class="rc-check">
                                            <input type="checkbox"
                                                prop:checked=move || draft.with(|m| m.roles.contains(&id))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    let id = id2.clone();
                                                    draft.update(|m| {
                                                        m.roles.retain(|x| x != &id);
                                                        if on { m.roles.push(id) }
                                                    });
                                                }/>
                                            {r.name}
                                        </label>
                                    }
                                }).collect_view()}
                            </div>
                        }.into_any()
                    }}
                </fieldset>

                <fieldset class="rc-fieldset">
                    <legend>{t.f_skills}</legend>
                    <ul class="rc-skill-rows">
                        <For each=move || draft.with(|m| m.skills.clone()) key=|s| s.skill.clone() let:s>
                            {
                                let name = skill_name(&s.skill);
                                let id = s.skill.clone();
                                let (id_l, id_i, id_c, id_r) = (id.clone(), id.clone(), id.clone(), id.clone());
                                let level = Signal::derive(move || draft.with(|m| m.level(&id)));
                                view! {
                                    <li class="rc-skill-row">
                                        <span class="rc-skill-row__name">{name.clone()}</span>
                                        <LevelSelect value=level label=fill(t.level_for, &[("skill", &name)])
                                            on_change=move |l| draft.update(|m| {
                                                if let Some(x) = m.skills.iter_mut().find(|x| x.skill == id_l) { x.level = l }
                                            })/>
                                        <label class="rc-check">
                                            <input type="checkbox" aria-label=fill(t.interest_in, &[("skill", &name)])
                                                prop:checked=move || draft.with(|m| m.skills.iter().any(|x| x.skill == id_i && x.interested))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    draft.update(|m| if let Some(x) = m.skills.iter_mut().find(|x| x.skill == id_c) { x.interested = on });
                                                }/>
                                            <span aria-hidden="true">{t.interested}</span>
                                        </label>
                                        <button type="button" class="rc-button rc-button--small"
                                            aria-label=fill(t.remove_named, &[("name", &name)])
                                            on:click=move |_| draft.update(|m| m.skills.retain(|x| x.skill != id_r))>
                                            {t.remove}
                                        </button>
                                    </li>
                                }
                            }
                        </For>
                    </ul>
                    {if has_catalogue {
                        view! {
                            <div class="rc-field rc-field--inline">
                                <label for="member-add-skill">{t.f_add_skill}</label>
                                <select id="member-add-skill" class="rc-select"
                                    on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        if !v.is_empty() {
                                            draft.update(|m| m.skills.push(MemberSkill { skill: SkillId(v), level: 1, interested: false }));
                                        }
                                    }>
                                    {move || {
                                        let opts = unlisted().into_iter().map(|s| view! { <option value=s.id.to_string()>{s.name}</option> }).collect_view();
                                        view! { <option value="" selected=true>{t.choose}</option> {opts} }
                                    }}
                                </select>
                            </div>
                        }.into_any()
                    } else {
                        view! { <p class="rc-muted">{t.no_skills_yet}</p> }.into_any()
                    }}
                </fieldset>

                <div class="rc-field">
                    <label for="member-notes">{t.f_notes}</label>
                    <textarea id="member-notes" class="rc-input" rows="2"
                        prop:value=move || draft.with(|m| m.notes.clone())
                        on:input=move |ev| draft.update(|m| m.notes = event_target_value(&ev))></textarea>
                </div>
                {(!is_new && open_tasks > 0).then(|| view! {
                    <div class="rc-field">
                        <label for="member-heir">{fill(t.impact_heir, &[("count", &open_tasks)])}</label>
                        <select id="member-heir" class="rc-select rc-select--auto" on:change=move |ev| heir.set(event_target_value(&ev))>
                            <option value="">{t.unassigned}</option>
                            {others.into_iter().map(|(id, name)| view! { <option value=id.0>{name}</option> }).collect_view()}
                        </select>
                    </div>
                })}
                <EditorActions error=error on_cancel=on_close
                    remove=(!is_new).then(|| (t.remove_member, Signal::derive(move || {
                        let (id, name) = draft.with_untracked(|m| (m.id.clone(), m.name.clone()));
                        let q = fill(t.confirm_remove_member, &[("name", &name)]);
                        let impact = state.ws.with_untracked(|w| crate::i18n::impact(t, w, &crate::model::impact::of_member(w, &id)));
                        if impact.is_empty() { q } else { format!("{q} {impact}") }
                    })))
                    on_remove=remove/>
            </form>
        </section>
    }
}

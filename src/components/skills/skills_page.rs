use super::skill_editor::SkillEditor;
use crate::components::shared::confirm_bar::ConfirmBar;
use crate::components::t;
use crate::i18n::fill;
use crate::model::ops::Coll;
use crate::model::{Skill, SkillId};
use crate::state::AppState;
use leptos::prelude::*;

/// The skill catalogue.
#[component]
pub fn SkillsPage() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    // A skill form left with unsaved changes (another page, a reload) opens again.
    let editing = RwSignal::new(crate::components::shared::form::kept::<Skill>(super::skill_editor::FORM));
    let add = move |_| {
        let id = state.with_ids(SkillId::generate);
        editing.set(Some(Skill { id, ..Skill::default() }));
    };
    view! {
        <section class="rc-page" aria-labelledby="skills-title">
            <div class="rc-page__head">
                <div>
                    <h1 id="skills-title">{t.skills_title}</h1>
                    <p class="rc-muted">{t.skills_intro}</p>
                </div>
                <button type="button" class="rc-button rc-button--primary" on:click=add>{t.add_skill}</button>
            </div>
            {move || editing.get().map(|s| view! { <SkillEditor skill=s on_close=move |_| editing.set(None)/> })}
            <Show when=move || state.ws.watch(&[Coll::Skills], |w| w.skills.is_empty())>
                <p class="rc-empty">{t.skills_empty}</p>
            </Show>
            <Show when=move || state.ws.watch(&[Coll::Skills], |w| !w.skills.is_empty())>
                <div class="rc-table-wrap">
                    <table class="rc-table" aria-labelledby="skills-title">
                        <thead>
                            <tr>
                                <th scope="col">{t.col_name}</th>
                                <th scope="col">{t.f_category}</th>
                                <th scope="col">{t.f_description}</th>
                                <th scope="col">{t.held_by}</th>
                                <th scope="col"><span class="rc-sr">{t.col_actions}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || state.ws.watch(&[Coll::Skills], |w| w.skills.clone()) key=|s| s.clone() let:s>
                                <SkillRow skill=s on_edit=move |s| editing.set(Some(s))/>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn SkillRow(skill: Skill, #[prop(into)] on_edit: Callback<Skill>) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let id = skill.id.clone();
    let usage = {
        let id = id.clone();
        move || state.ws.watch(&[Coll::Members, Coll::Roles, Coll::Skills], |w| w.skill_usage(&id))
    };
    let confirming = RwSignal::new(false);
    let s = skill.clone();
    let name = skill.name.clone();
    let message = {
        let name = name.clone();
        let usage = usage.clone();
        move || {
            let (members, roles) = usage();
            if members + roles == 0 {
                fill(t.confirm_remove_unused, &[("name", &name)])
            } else {
                fill(t.confirm_remove_skill, &[("name", &name), ("members", &members), ("roles", &roles)])
            }
        }
    };
    let remove = move |_| {
        let id = id.clone();
        let _ = state.edit(|c| c.remove_skill(&id));
    };
    view! {
        <tr>
            <th scope="row">{skill.name.clone()}</th>
            <td>{crate::i18n::category(t, skill.category)}</td>
            <td>{skill.description.clone()}</td>
            <td>{move || { let (m, r) = usage(); fill(t.used_by, &[("members", &m), ("roles", &r)]) }}</td>
            <td class="rc-row-actions">
                <button type="button" class="rc-button rc-button--small"
                    aria-label=fill(t.edit_named, &[("name", &name)])
                    on:click=move |_| on_edit.run(s.clone())>{t.edit}</button>
                <button type="button" class="rc-button rc-button--small rc-button--danger"
                    aria-label=fill(t.remove_named, &[("name", &name)])
                    on:click=move |_| confirming.set(true)>{t.remove}</button>
                <Show when=move || confirming.get()>
                    <ConfirmBar message=message() confirm_label=t.confirm_yes_remove
                        on_confirm=remove.clone() on_cancel=move |_| confirming.set(false)/>
                </Show>
            </td>
        </tr>
    }
}

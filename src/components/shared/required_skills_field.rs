use crate::components::shared::level_select::LevelSelect;
use crate::components::t;
use crate::i18n::fill;
use crate::model::{RequiredSkill, SkillId};
use crate::state::AppState;
use leptos::prelude::*;

/// Required skills with a minimum level each (for roles and tasks): change a level, remove a
/// skill, add one from the catalogue.
#[component]
pub fn RequiredSkillsField(
    /// The id of the "add" select, for its label.
    add_id: &'static str,
    /// The skills as they are in the draft.
    #[prop(into)]
    value: Signal<Vec<RequiredSkill>>,
    /// Runs with the new list after every change.
    #[prop(into)]
    on_change: Callback<Vec<RequiredSkill>>,
) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let catalogue = state.ws.with_untracked(|w| w.skills.clone());
    let skill_name = {
        let catalogue = catalogue.clone();
        move |id: &SkillId| catalogue.iter().find(|s| &s.id == id).map(|s| s.name.clone()).unwrap_or_default()
    };
    let unlisted = move || {
        value.with(|v| catalogue.iter().filter(|s| v.iter().all(|x| x.skill != s.id)).cloned().collect::<Vec<_>>())
    };
    let edit = move |f: &dyn Fn(&mut Vec<RequiredSkill>)| {
        let mut v = value.get_untracked();
        f(&mut v);
        on_change.run(v);
    };
    view! {
        <fieldset class="rc-fieldset">
            <legend>{t.f_required_skills}</legend>
            <ul class="rc-skill-rows">
                <For each=move || value.get() key=|s| s.skill.clone() let:s>
                    {
                        let name = skill_name(&s.skill);
                        let (id, id_l, id_r) = (s.skill.clone(), s.skill.clone(), s.skill.clone());
                        let level = Signal::derive(move || value.with(|v| v.iter().find(|x| x.skill == id).map_or(0, |x| x.min_level)));
                        view! {
                            <li class="rc-skill-row">
                                <span class="rc-skill-row__name">{name.clone()}</span>
                                <LevelSelect value=level label=fill(t.min_level_for, &[("skill", &name)])
                                    on_change=move |l| edit(&|v| if let Some(x) = v.iter_mut().find(|x| x.skill == id_l) { x.min_level = l })/>
                                <button type="button" class="rc-button rc-button--small"
                                    aria-label=fill(t.remove_named, &[("name", &name)])
                                    on:click=move |_| edit(&|v| v.retain(|x| x.skill != id_r))>{t.remove}</button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <div class="rc-field rc-field--inline">
                <label for=add_id>{t.f_add_required}</label>
                <select id=add_id class="rc-select" on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if !chosen.is_empty() {
                        edit(&|v| v.push(RequiredSkill { skill: SkillId(chosen.clone()), min_level: 2 }));
                    }
                }>
                    {move || {
                        let opts = unlisted().into_iter().map(|s| view! { <option value=s.id.to_string()>{s.name}</option> }).collect_view();
                        view! { <option value="" selected=true>{t.choose}</option> {opts} }
                    }}
                </select>
            </div>
        </fieldset>
    }
}

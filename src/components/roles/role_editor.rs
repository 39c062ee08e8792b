use crate::components::shared::confirm_bar::ConfirmBar;
use crate::components::shared::level_select::LevelSelect;
use crate::components::t;
use crate::i18n::{fill, model_error};
use crate::model::{RequiredSkill, Role, SkillId};
use crate::state::AppState;
use leptos::prelude::*;

/// Creates or edits one role.
#[component]
pub fn RoleEditor(
    /// The role as it is now (a fresh one for "Add role").
    role: Role,
    /// Runs when the editor should close.
    #[prop(into)]
    on_close: Callback<()>,
) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let is_new = state.ws.with_untracked(|w| w.role(&role.id).is_none());
    let draft = RwSignal::new(role.clone());
    let headcount = RwSignal::new(role.headcount.to_string());
    let error = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);
    let name_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(i) = name_ref.get() {
            let _ = i.focus();
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut r = draft.get_untracked();
        let text = headcount.get_untracked();
        match text.trim().parse::<u32>() {
            Ok(n) => r.headcount = n,
            Err(_) => return error.set(Some(fill(t.err_not_a_number, &[("value", &text)]))),
        }
        match state.edit(|w| w.save_role(r)) {
            Ok(()) => on_close.run(()),
            Err(e) => error.set(Some(model_error(t, &e))),
        }
    };
    let remove = move |_| {
        let id = draft.with_untracked(|r| r.id.clone());
        state.set(|w| {
            w.remove_role(&id);
        });
        on_close.run(());
    };
    let catalogue = state.ws.with_untracked(|w| w.skills.clone());
    let skill_name = {
        let catalogue = catalogue.clone();
        move |id: &SkillId| catalogue.iter().find(|s| &s.id == id).map(|s| s.name.clone()).unwrap_or_default()
    };
    let unlisted = move || {
        draft.with(|r| {
            catalogue.iter().filter(|s| r.required_skills.iter().all(|x| x.skill != s.id)).cloned().collect::<Vec<_>>()
        })
    };
    let usage = state.ws.with_untracked(|w| w.role_usage(&role.id));
    view! {
        <section class="rc-panel" aria-labelledby="role-editor-title">
            <h2 id="role-editor-title">{if is_new { t.new_role } else { t.edit_role }}</h2>
            <form class="rc-form" on:submit=save novalidate>
                <div class="rc-grid">
                    <div class="rc-field">
                        <label for="role-name">{t.f_name}</label>
                        <input id="role-name" class="rc-input" type="text" node_ref=name_ref autocomplete="off"
                            prop:value=move || draft.with(|r| r.name.clone())
                            on:input=move |ev| draft.update(|r| r.name = event_target_value(&ev))/>
                    </div>
                    <div class="rc-field">
                        <label for="role-headcount">{t.f_headcount}</label>
                        <input id="role-headcount" class="rc-input rc-input--short" type="number" min="0" max="999"
                            prop:value=move || headcount.get()
                            on:input=move |ev| headcount.set(event_target_value(&ev))/>
                    </div>
                </div>
                <div class="rc-field">
                    <label for="role-purpose">{t.f_purpose}</label>
                    <textarea id="role-purpose" class="rc-input" rows="2"
                        prop:value=move || draft.with(|r| r.purpose.clone())
                        on:input=move |ev| draft.update(|r| r.purpose = event_target_value(&ev))></textarea>
                </div>
                <p class="rc-hint">{t.duties_in_chart}</p>
                <fieldset class="rc-fieldset">
                    <legend>{t.f_required_skills}</legend>
                    <ul class="rc-skill-rows">
                        <For each=move || draft.with(|r| r.required_skills.clone()) key=|s| s.skill.clone() let:s>
                            {
                                let name = skill_name(&s.skill);
                                let id = s.skill.clone();
                                let (id_l, id_r) = (id.clone(), id.clone());
                                let level = Signal::derive(move || draft.with(|r| r.required_skills.iter().find(|x| x.skill == id).map_or(0, |x| x.min_level)));
                                view! {
                                    <li class="rc-skill-row">
                                        <span class="rc-skill-row__name">{name.clone()}</span>
                                        <LevelSelect value=level label=fill(t.min_level_for, &[("skill", &name)])
                                            on_change=move |l| draft.update(|r| {
                                                if let Some(x) = r.required_skills.iter_mut().find(|x| x.skill == id_l) { x.min_level = l }
                                            })/>
                                        <button type="button" class="rc-button rc-button--small"
                                            aria-label=fill(t.remove_named, &[("name", &name)])
                                            on:click=move |_| draft.update(|r| r.required_skills.retain(|x| x.skill != id_r))>
                                            {t.remove}
                                        </button>
                                    </li>
                                }
                            }
                        </For>
                    </ul>
                    <div class="rc-field rc-field--inline">
                        <label for="role-add-skill">{t.f_add_required}</label>
                        <select id="role-add-skill" class="rc-select"
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                if !v.is_empty() {
                                    draft.update(|r| r.required_skills.push(RequiredSkill { skill: SkillId(v), min_level: 2 }));
                                }
                            }>
                            {move || {
                                let opts = unlisted().into_iter().map(|s| view! { <option value=s.id.to_string()>{s.name}</option> }).collect_view();
                                view! { <option value="" selected=true>{t.choose}</option> {opts} }
                            }}
                        </select>
                    </div>
                </fieldset>
                {move || error.get().map(|e| view! { <p class="rc-error" role="alert">{e}</p> })}
                <div class="rc-actions">
                    <button type="submit" class="rc-button rc-button--primary">{t.save}</button>
                    <button type="button" class="rc-button" on:click=move |_| on_close.run(())>{t.cancel}</button>
                    {(!is_new).then(|| view! {
                        <button type="button" class="rc-button rc-button--danger rc-actions__end" on:click=move |_| confirming.set(true)>
                            {t.remove_role}
                        </button>
                    })}
                </div>
                <Show when=move || confirming.get()>
                    <ConfirmBar
                        message=fill(t.confirm_remove_role, &[("name", &draft.with_untracked(|r| r.name.clone())), ("count", &usage)])
                        confirm_label=t.confirm_yes_remove
                        on_confirm=remove
                        on_cancel=move |_| confirming.set(false)/>
                </Show>
            </form>
        </section>
    }
}

use super::skills_page::category_name;
use crate::components::shared::editor_actions::EditorActions;
use crate::components::t;
use crate::i18n::model_error;
use crate::model::{Skill, SkillCategory};
use crate::state::AppState;
use leptos::prelude::*;

/// Creates or edits one skill of the catalogue.
#[component]
pub fn SkillEditor(
    /// The skill as it is now (a fresh one for "Add skill").
    skill: Skill,
    /// Runs when the editor should close.
    #[prop(into)]
    on_close: Callback<()>,
) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let is_new = state.ws.with_untracked(|w| w.skill(&skill.id).is_none());
    let draft = RwSignal::new(skill);
    let error = RwSignal::new(None::<String>);
    let name_ref = NodeRef::<leptos::html::Input>::new();
    crate::components::shared::focus_on_mount(name_ref);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match state.edit(|c| c.save_skill(draft.get_untracked())) {
            Ok(()) => on_close.run(()),
            Err(e) => error.set(Some(model_error(t, &e))),
        }
    };
    view! {
        <section class="rc-panel" aria-labelledby="skill-editor-title">
            <h2 id="skill-editor-title">{if is_new { t.new_skill } else { t.edit_skill }}</h2>
            <form class="rc-form" on:submit=save novalidate>
                <div class="rc-grid">
                    <div class="rc-field">
                        <label for="skill-name">{t.f_name}</label>
                        <input id="skill-name" class="rc-input" type="text" node_ref=name_ref autocomplete="off"
                            prop:value=move || draft.with(|s| s.name.clone())
                            on:input=move |ev| draft.update(|s| s.name = event_target_value(&ev))/>
                    </div>
                    <div class="rc-field">
                        <label for="skill-category">{t.f_category}</label>
                        <select id="skill-category" class="rc-select"
                            on:change=move |ev| {
                                if let Some(c) = SkillCategory::parse(&event_target_value(&ev)) {
                                    draft.update(|s| s.category = c);
                                }
                            }>
                            {SkillCategory::ALL.into_iter().map(|c| view! {
                                <option value=c.as_str() selected=move || draft.with(|s| s.category == c)>{category_name(c)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="rc-field">
                    <label for="skill-description">{t.f_description}</label>
                    <textarea id="skill-description" class="rc-input" rows="2"
                        prop:value=move || draft.with(|s| s.description.clone())
                        on:input=move |ev| draft.update(|s| s.description = event_target_value(&ev))></textarea>
                </div>
                <EditorActions error=error on_cancel=on_close/>
            </form>
        </section>
    }
}

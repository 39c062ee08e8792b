use crate::components::shared::editor_actions::EditorActions;
use crate::components::shared::form::{Form, FormNotices};
use crate::components::t;
use crate::i18n::model_error;
use crate::model::ops::Coll;
use crate::model::{Skill, SkillCategory};

/// The skill editor's draft, in this tab's session storage.
pub(super) const FORM: &str = "skill";
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
    let t = t();
    let form = Form::open(FORM, Coll::Skills, skill, Vec::new());
    let is_new = form.is_new();
    let (draft, error) = (form.value, form.error);
    let on_close = Callback::new(move |()| {
        form.forget();
        on_close.run(());
    });
    let name_ref = NodeRef::<leptos::html::Input>::new();
    crate::components::shared::focus_on_mount(name_ref);
    let build = |s: Skill, _: &[String]| Ok(s);
    let run = move |c: &mut crate::model::commands::Cmd, s: Skill| c.save_skill(s).map_err(|e| model_error(t, &e));
    let (save, save_as_new) = form.saves(build, run, move || on_close.run(()));
    view! {
        <section class="rc-panel" aria-labelledby="skill-editor-title">
            <h2 id="skill-editor-title">{if is_new { t.new_skill } else { t.edit_skill }}</h2>
            <FormNotices restored=form.restored elsewhere=Signal::derive(move || form.elsewhere())
                labels=vec![("name", t.f_name), ("description", t.f_description)]
                on_discard=move |()| on_close.run(()) on_save_as_new=save_as_new/>
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
                                <option value=c.as_str() selected=move || draft.with(|s| s.category == c)>{crate::i18n::category(t, c)}</option>
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

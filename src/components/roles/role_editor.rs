use crate::components::shared::editor_actions::EditorActions;
use crate::components::shared::form::{Form, FormNotices};
use crate::components::shared::required_skills_field::RequiredSkillsField;
use crate::components::t;
use crate::i18n::{fill, model_error};
use crate::model::ops::Coll;
use crate::model::Role;

/// The role editor's draft, in this tab's session storage.
pub(super) const FORM: &str = "role";
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
    let headcount = role.headcount.to_string();
    let form = Form::open(FORM, Coll::Roles, role, vec![headcount]);
    let role = form.value.get_untracked();
    let is_new = form.is_new();
    let (draft, error) = (form.value, form.error);
    let on_close = Callback::new(move |()| {
        form.forget();
        on_close.run(());
    });
    let name_ref = NodeRef::<leptos::html::Input>::new();
    crate::components::shared::focus_on_mount(name_ref);
    let build = move |mut r: Role, fields: &[String]| -> Result<Role, String> {
        match crate::model::input::whole(&fields[0]) {
            Ok(Some(n)) => r.headcount = n,
            _ => return Err(fill(t.err_not_a_number, &[("value", &fields[0])])),
        }
        Ok(r)
    };
    let run = move |c: &mut crate::model::commands::Cmd, r: Role| c.save_role(r).map_err(|e| model_error(t, &e));
    let (save, save_as_new) = form.saves(build, run, move || on_close.run(()));
    let remove = move |_| {
        let id = draft.with_untracked(|r| r.id.clone());
        let _ = state.edit(|c| c.remove_role(&id));
        on_close.run(());
    };
    let usage = state.ws.with_untracked(|w| w.role_usage(&role.id));
    view! {
        <section class="rc-panel" aria-labelledby="role-editor-title">
            <h2 id="role-editor-title">{if is_new { t.new_role } else { t.edit_role }}</h2>
            <FormNotices restored=form.restored elsewhere=Signal::derive(move || form.elsewhere())
                labels=vec![("name", t.f_name), ("headcount", t.f_headcount), ("purpose", t.f_purpose)]
                on_discard=move |()| on_close.run(()) on_save_as_new=save_as_new/>
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
                        <input id="role-headcount" class="rc-input rc-input--short" type="number" min="0" max=crate::model::decl::MAX_HEADCOUNT
                            prop:value=move || form.field(0)
                            on:input=move |ev| form.set_field(0, event_target_value(&ev))/>
                    </div>
                </div>
                <div class="rc-field">
                    <label for="role-purpose">{t.f_purpose}</label>
                    <textarea id="role-purpose" class="rc-input" rows="2"
                        prop:value=move || draft.with(|r| r.purpose.clone())
                        on:input=move |ev| draft.update(|r| r.purpose = event_target_value(&ev))></textarea>
                </div>
                <p class="rc-hint">{t.duties_in_chart}</p>
                <RequiredSkillsField add_id="role-add-skill"
                    value=Signal::derive(move || draft.with(|r| r.required_skills.clone()))
                    on_change=move |v| draft.update(|r| r.required_skills = v)/>
                <EditorActions error=error on_cancel=on_close
                    remove=(!is_new).then(|| (t.remove_role, Signal::derive(move || {
                        let (id, name) = draft.with_untracked(|r| (r.id.clone(), r.name.clone()));
                        let q = fill(t.confirm_remove_role, &[("name", &name), ("count", &usage)]);
                        // Worked out when the removal is asked for, not when the editor opens.
                        let impact = state.ws.with_untracked(|w| crate::i18n::impact(t, w, &crate::model::impact::of_role(w, &id)));
                        if impact.is_empty() { q } else { format!("{q} {impact}") }
                    })))
                    on_remove=remove/>
            </form>
        </section>
    }
}

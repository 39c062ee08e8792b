use crate::components::shared::editor_actions::EditorActions;
use crate::components::shared::form::{Form, FormNotices};
use crate::components::t;
use crate::i18n::{fill, model_error};
use crate::model::ops::Coll;
use crate::model::{Duty, Frequency};

/// The duty editor's draft, in this tab's session storage.
pub(super) const FORM: &str = "duty";
use crate::state::AppState;
use leptos::prelude::*;

/// Creates or edits a duty's title, area, description and frequency. Its letters are set in
/// the chart itself.
#[component]
pub fn DutyEditor(
    /// The duty as it is now (a fresh one for "Add duty").
    duty: Duty,
    /// Runs when the editor should close.
    #[prop(into)]
    on_close: Callback<()>,
) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let form = Form::open(FORM, Coll::Duties, duty, Vec::new());
    let is_new = form.is_new();
    let (draft, error) = (form.value, form.error);
    let on_close = Callback::new(move |()| {
        form.forget();
        on_close.run(());
    });
    let title_ref = NodeRef::<leptos::html::Input>::new();
    crate::components::shared::focus_on_mount(title_ref);
    let build = |d: Duty, _: &[String]| Ok(d);
    let run = move |c: &mut crate::model::commands::Cmd, d: Duty| c.save_duty(d).map_err(|e| model_error(t, &e));
    let (save, save_as_new) = form.saves(build, run, move || on_close.run(()));
    let remove = move |_| {
        let id = draft.with_untracked(|d| d.id.clone());
        let _ = state.edit(|c| c.remove_duty(&id));
        on_close.run(());
    };
    let areas = state.ws.with_untracked(|w| w.areas());
    view! {
        <section class="rc-panel" aria-labelledby="duty-editor-title">
            <h2 id="duty-editor-title">{if is_new { t.new_duty } else { t.edit_duty }}</h2>
            <FormNotices restored=form.restored elsewhere=Signal::derive(move || form.elsewhere())
                labels=vec![("title", t.f_duty_title), ("area", t.f_area), ("description", t.f_description), ("frequency", t.f_frequency)]
                on_discard=move |()| on_close.run(()) on_save_as_new=save_as_new/>
            <form class="rc-form" on:submit=save novalidate>
                <div class="rc-grid">
                    <div class="rc-field">
                        <label for="duty-title">{t.f_duty_title}</label>
                        <input id="duty-title" class="rc-input" type="text" node_ref=title_ref autocomplete="off"
                            prop:value=move || draft.with(|d| d.title.clone())
                            on:input=move |ev| draft.update(|d| d.title = event_target_value(&ev))/>
                    </div>
                    <div class="rc-field">
                        <label for="duty-area">{t.f_area}</label>
                        <input id="duty-area" class="rc-input" type="text" list="duty-areas" autocomplete="off"
                            prop:value=move || draft.with(|d| d.area.clone())
                            on:input=move |ev| draft.update(|d| d.area = event_target_value(&ev))/>
                        <datalist id="duty-areas">
                            {areas.into_iter().map(|a| view! { <option value=a/> }).collect_view()}
                        </datalist>
                    </div>
                    <div class="rc-field">
                        <label for="duty-frequency">{t.f_frequency}</label>
                        <select id="duty-frequency" class="rc-select"
                            on:change=move |ev| draft.update(|d| d.frequency = Frequency::parse(&event_target_value(&ev)))>
                            <option value="" selected=move || draft.with(|d| d.frequency.is_none())>{t.no_frequency}</option>
                            {Frequency::ALL.into_iter().enumerate().map(|(i, f)| view! {
                                <option value=f.as_str() selected=move || draft.with(|d| d.frequency == Some(f))>{t.frequencies[i]}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="rc-field">
                    <label for="duty-description">{t.f_description}</label>
                    <textarea id="duty-description" class="rc-input" rows="2"
                        prop:value=move || draft.with(|d| d.description.clone())
                        on:input=move |ev| draft.update(|d| d.description = event_target_value(&ev))></textarea>
                </div>
                <EditorActions error=error on_cancel=on_close
                    remove=(!is_new).then(|| (t.remove_duty, Signal::derive(move || fill(t.confirm_remove_duty, &[("name", &draft.with_untracked(|d| d.title.clone()))]))))
                    on_remove=remove/>
            </form>
        </section>
    }
}

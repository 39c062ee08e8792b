use super::departments::Departments;
use super::share_panel::SharePanel;
use super::storage_use::StorageUse;
use super::sync_panel::SyncPanel;
use crate::components::shared::confirm_bar::ConfirmBar;
use crate::components::shared::import_button::ImportButton;
use crate::components::shared::lines_field::LinesField;
use crate::components::t;
use crate::i18n::fill;
use crate::model::ops::Coll;
use crate::model::{template, CollaborationModel};
use crate::state::{AppState, ReplaceReason};
use leptos::prelude::*;

/// The team as a whole: name, purpose, goals, departments, and its data.
#[component]
pub fn WorkspacePage() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let initial = state.ws.get_untracked();
    let confirming_reset = RwSignal::new(false);
    let private_count = move || state.ws.watch(&[Coll::CheckIns], |w| w.checkins.len());
    let reset = move |_| {
        confirming_reset.set(false);
        state.replace(template::empty(t.default_team_name, t.default_columns), ReplaceReason::Reset);
    };
    view! {
        <section class="rc-page" aria-labelledby="workspace-title">
            <div class="rc-page__head">
                <h1 id="workspace-title">{t.workspace_title}</h1>
            </div>
            <section class="rc-panel" aria-labelledby="about-title">
                <h2 id="about-title">{t.about_title}</h2>
                <div class="rc-grid">
                    <div class="rc-field">
                        <label for="ws-name">{t.f_team_name}</label>
                        <input id="ws-name" class="rc-input" type="text"
                            prop:value=move || state.ws.watch(&[Coll::Settings], |w| w.name.clone())
                            on:input=move |ev| { let _ = state.edit(|c| c.set_name(event_target_value(&ev))); }/>
                    </div>
                    <div class="rc-field">
                        <label for="ws-collaboration">{t.f_collaboration}</label>
                        <select id="ws-collaboration" class="rc-select"
                            on:change=move |ev| {
                                if let Some(c) = CollaborationModel::parse(&event_target_value(&ev)) {
                                    let _ = state.edit(|x| x.set_collaboration(c));
                                }
                            }>
                            {CollaborationModel::ALL.into_iter().enumerate().map(|(i, c)| view! {
                                <option value=c.as_str() selected=move || state.ws.watch(&[Coll::Settings], |w| w.collaboration == c)>
                                    {t.collaboration_models[i]}
                                </option>
                            }).collect_view()}
                        </select>
                        <p class="rc-hint">{move || {
                            let c = state.ws.watch(&[Coll::Settings], |w| w.collaboration);
                            t.collaboration_hints[CollaborationModel::ALL.iter().position(|x| *x == c).unwrap_or(0)]
                        }}</p>
                    </div>
                </div>
                <div class="rc-field">
                    <label for="ws-purpose">{t.f_team_purpose}</label>
                    <textarea id="ws-purpose" class="rc-input" rows="2"
                        prop:value=move || state.ws.watch(&[Coll::Settings], |w| w.purpose.clone())
                        on:input=move |ev| { let _ = state.edit(|c| c.set_purpose(event_target_value(&ev))); }></textarea>
                </div>
                <LinesField id="ws-goals" label=t.f_goals initial=initial.goals.clone()
                    on_change=move |lines| { let _ = state.edit(|c| c.set_goals(lines)); }/>
            </section>
            <Departments/>
            <section class="rc-panel" aria-labelledby="data-title">
                <h2 id="data-title">{t.data_title}</h2>
                <p class="rc-muted">{t.data_body}</p>
                <div class="rc-actions">
                    <button type="button" class="rc-button rc-button--primary" on:click=move |_| state.export()>
                        {t.export_button}
                    </button>
                    <ImportButton/>
                    <button type="button" class="rc-button rc-button--danger rc-actions__end"
                        on:click=move |_| confirming_reset.set(true)>{t.reset_button}</button>
                </div>
                <p class="rc-hint">{t.import_hint}</p>
                <StorageUse/>
                <Show when=move || private_count() != 0>
                    <label class="rc-check">
                        <input type="checkbox" id="include-private" prop:checked=move || state.include_private.get()
                            on:change=move |ev| state.include_private.set(event_target_checked(&ev))/>
                        {move || fill(t.include_private, &[("n", &private_count())])}
                    </label>
                    <p class="rc-hint" role="status" data-testid="private-status">{move || if state.include_private.get() {
                        fill(t.private_included, &[("n", &private_count())])
                    } else {
                        t.private_left_out.to_string()
                    }}</p>
                </Show>
                <Show when=move || confirming_reset.get()>
                    <ConfirmBar message=t.confirm_reset.to_string() confirm_label=t.confirm_yes_reset
                        on_confirm=reset on_cancel=move |_| confirming_reset.set(false)/>
                </Show>
            </section>
            <SyncPanel/>
            <SharePanel/>
        </section>
    }
}

use crate::components::t;
use crate::i18n::fill;
use crate::model::schema::CURRENT_VERSION;
use crate::state::AppState;
use leptos::prelude::*;

/// What a read file holds and what was repaired, with "Replace workspace" and "Cancel".
#[component]
pub fn ImportPreview() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let confirm_ref = NodeRef::<leptos::html::Button>::new();
    crate::components::shared::focus_on_mount(confirm_ref);
    move || {
        state.preview.get().map(|p| {
            let ws = &p.imported.workspace;
            let holds = fill(
                t.preview_holds,
                &[
                    ("name", &ws.name),
                    ("members", &ws.members.len()),
                    ("roles", &ws.roles.len()),
                    ("skills", &ws.skills.len()),
                    ("departments", &ws.departments.len()),
                ],
            );
            let saved = p.imported.saved_at.map(|d| fill(t.preview_saved_at, &[("date", &crate::i18n::date(t, crate::browser::local_day(d)))]));
            let upgraded = (p.imported.from_version < CURRENT_VERSION)
                .then(|| fill(t.preview_upgraded, &[("version", &p.imported.from_version)]));
            let repairs = p.imported.repairs.clone();
            view! {
                <div class="rc-overlay">
                    <section class="rc-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title"
                        on:keydown=move |ev| if ev.key() == "Escape" { state.preview.set(None) }>
                        <h2 id="import-title">{fill(t.preview_title, &[("file", &p.file_name)])}</h2>
                        <p data-testid="import-summary">{holds}</p>
                        {saved.map(|s| view! { <p class="rc-muted">{s}</p> })}
                        {upgraded.map(|s| view! { <p class="rc-muted">{s}</p> })}
                        {if repairs.is_empty() {
                            view! { <p>{t.preview_no_repairs}</p> }.into_any()
                        } else {
                            view! {
                                <h3>{fill(t.preview_repairs, &[("count", &repairs.count)])}</h3>
                                <super::repair_list::RepairList repairs=repairs/>
                            }.into_any()
                        }}
                        <p class="rc-warning">{t.preview_warning}</p>
                        <div class="rc-actions">
                            <button type="button" class="rc-button rc-button--primary" node_ref=confirm_ref
                                on:click=move |_| state.confirm_import()>{t.preview_confirm}</button>
                            <button type="button" class="rc-button" on:click=move |_| state.preview.set(None)>{t.cancel}</button>
                        </div>
                    </section>
                </div>
            }
        })
    }
}

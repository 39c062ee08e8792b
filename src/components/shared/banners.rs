use crate::components::t;
use crate::i18n::{fill, import_error};
use crate::state::{AppState, ReplaceReason, SaveStatus};
use crate::storage::StorageError;
use leptos::prelude::*;

/// Everything the user must know right now: save failures, refused imports, undo points and
/// repairs of the stored data.
#[component]
pub fn Banners() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let save_failure = move || match state.save.get() {
        SaveStatus::Failed(StorageError::QuotaExceeded) => Some(t.save_failed_quota.to_string()),
        SaveStatus::Failed(StorageError::Unavailable) => Some(t.save_failed_unavailable.to_string()),
        SaveStatus::Failed(StorageError::Other(reason)) => Some(fill(t.save_failed_other, &[("reason", &reason)])),
        SaveStatus::Blocked => Some(t.save_blocked.to_string()),
        _ => None,
    };
    view! {
        <div class="rc-banners">
            <super::update_banner::UpdateBanner/>
            <Show when=move || !state.routine_runs.with(Vec::is_empty)>
                <div class="rc-banner rc-banner--info" role="status" data-testid="routine-runs">
                    <ul>{move || state.routine_runs.get().into_iter().map(|r| {
                        let line = if r.missed > 0 {
                            fill(t.routine_made_missed, &[("title", &r.title), ("n", &r.missed)])
                        } else {
                            fill(t.routine_made, &[("title", &r.title)])
                        };
                        view! { <li>{line}</li> }
                    }).collect_view()}</ul>
                    <button type="button" class="rc-button" on:click=move |_| state.routine_runs.set(Vec::new())>{t.dismiss}</button>
                </div>
            </Show>
            <Show when=move || state.clash.get()>
                <div class="rc-banner rc-banner--warning" role="alert" data-testid="tab-clash">
                    <p><strong>{t.clash_title}</strong>" "{t.clash_body}</p>
                    <button type="button" class="rc-button" on:click=move |_| state.clash.set(false)>{t.dismiss}</button>
                </div>
            </Show>
            {move || save_failure().map(|msg| view! {
                <div class="rc-banner rc-banner--error" role="alert" data-testid="save-failed">
                    <p>{msg}</p>
                    <button type="button" class="rc-button rc-button--primary" on:click=move |_| state.export()>
                        {t.export_button}
                    </button>
                </div>
            })}
            {move || state.import_error.get().map(|(file, e)| view! {
                <div class="rc-banner rc-banner--error" role="alert" data-testid="import-error">
                    <p>{fill(t.import_failed, &[("file", &file), ("reason", &import_error(t, &e))])}</p>
                    <button type="button" class="rc-button" on:click=move |_| state.import_error.set(None)>
                        {t.dismiss}
                    </button>
                </div>
            })}
            {move || state.replaced.get().map(|(reason, _)| {
                let (msg, undo) = match reason {
                    ReplaceReason::Import => (t.replaced_import, t.undo_import),
                    ReplaceReason::Reset => (t.replaced_reset, t.undo_reset),
                    ReplaceReason::Join => (t.replaced_join, t.undo_join),
                };
                view! {
                    <div class="rc-banner rc-banner--info" role="status">
                        <p>{msg}</p>
                        <button type="button" class="rc-button rc-button--primary" on:click=move |_| state.undo_replace()>
                            {undo}
                        </button>
                        <button type="button" class="rc-button" on:click=move |_| state.dismiss_replaced()>
                            {t.dismiss}
                        </button>
                    </div>
                }
            })}
            {move || {
                let repairs = state.load_repairs.get();
                let held = state.held_original.with(Option::is_some);
                let body = if held { t.repaired_held_body } else { t.repaired_body };
                (!repairs.is_empty()).then(|| view! {
                    <div class="rc-banner rc-banner--warning" role="status" data-testid="load-repairs">
                        <div>
                            <p><strong>{t.repaired_title}</strong>" "{fill(body, &[("count", &repairs.count)])}</p>
                            <details open=held>
                                <summary>{t.details}</summary>
                                <super::repair_list::RepairList repairs=repairs.clone()/>
                            </details>
                        </div>
                        {if held {
                            view! {
                                <button type="button" class="rc-button" on:click=move |_| state.download_original()>
                                    {t.download_original}
                                </button>
                                <button type="button" class="rc-button rc-button--primary" on:click=move |_| state.save_repaired()>
                                    {t.save_repaired}
                                </button>
                            }.into_any()
                        } else {
                            view! {
                                <button type="button" class="rc-button" on:click=move |_| state.load_repairs.set(Default::default())>
                                    {t.dismiss}
                                </button>
                            }.into_any()
                        }}
                    </div>
                })
            }}
        </div>
    }
}

use crate::components::t;
use crate::i18n::fill;
use crate::model::schema::CURRENT_VERSION;
use crate::state::AppState;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

/// Where the preview goes. Its code is a page group of its own, fetched when a file is first
/// read (most visits import nothing); once in, the preview follows `state.preview` itself.
#[component]
pub fn ImportPreviewSlot() -> impl IntoView {
    let state = AppState::expect();
    // None: not fetched; Some(true): in; Some(false): the fetch failed.
    let arrived = RwSignal::new(None::<bool>);
    move || match arrived.get() {
        Some(true) => crate::browser::ready_now(preview_view()).and_then(Result::ok),
        Some(false) => state.preview.with(Option::is_some).then(|| {
            view! {
                <div class="rc-banner rc-banner--error" role="alert">
                    <p>{t().page_load_failed}</p>
                    <button class="rc-button" on:click=move |_| arrived.set(None)>{t().try_again}</button>
                </div>
            }
            .into_any()
        }),
        None => {
            if state.preview.with(Option::is_some) {
                leptos::task::spawn_local(async move {
                    let ok = load_preview().await.is_ok();
                    arrived.try_set(Some(ok));
                });
            }
            None
        }
    }
}

#[wasm_split(preview, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_preview))]
fn preview_view() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <ImportPreview/> }.into_any())
}

/// What a read file holds and what was repaired, with "Replace workspace" and "Cancel".
#[component]
fn ImportPreview() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let confirm_ref = NodeRef::<leptos::html::Button>::new();
    crate::components::shared::focus_on_mount(confirm_ref);
    // "Merge into this workspace": the merge is in the sync page group, fetched on first use.
    let merging = RwSignal::new(false);
    Effect::new(move |_| {
        state.preview.track();
        merging.set(false);
    });
    let merge = move |_| merging.set(true);
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
            let private = ws.checkins.len();
            view! {
                <div class="rc-overlay">
                    <section class="rc-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title"
                        on:keydown=move |ev| if ev.key() == "Escape" { state.preview.set(None) }>
                        <h2 id="import-title">{fill(t.preview_title, &[("file", &p.file_name)])}</h2>
                        <p data-testid="import-summary">{holds}</p>
                        {saved.map(|s| view! { <p class="rc-muted">{s}</p> })}
                        {upgraded.map(|s| view! { <p class="rc-muted">{s}</p> })}
                        {(private > 0).then(|| view! {
                            <p class="rc-badge rc-badge--warn" data-testid="preview-private">{fill(t.preview_private, &[("n", &private)])}</p>
                        })}
                        {if repairs.is_empty() {
                            view! { <p>{t.preview_no_repairs}</p> }.into_any()
                        } else {
                            view! {
                                <h3>{fill(t.preview_repairs, &[("count", &repairs.count)])}</h3>
                                <super::repair_list::RepairList repairs=repairs/>
                            }.into_any()
                        }}
                        {move || merging.get().then(|| view! { <MergeDialog state=state/> })}
                        <div hidden=move || merging.get()>
                            <p class="rc-warning">{t.preview_warning}</p>
                            <div class="rc-actions">
                                <button type="button" class="rc-button rc-button--primary" node_ref=confirm_ref
                                    on:click=move |_| state.confirm_import()>{t.preview_confirm}</button>
                                <button type="button" class="rc-button" on:click=merge
                                    hidden=move || state.mode.get() != crate::state::Mode::Ready>{t.preview_merge}</button>
                                <button type="button" class="rc-button" on:click=move |_| state.preview.set(None)>{t.cancel}</button>
                            </div>
                        </div>
                    </section>
                </div>
            }
        })
    }
}

/// The merge of the previewed file into this workspace: what it adds, and a choice per field that
/// differs (or, for a file from a synced workspace while this one syncs, the document's own merge).
#[component]
fn MergeDialog(state: AppState) -> impl IntoView {
    use crate::model::merge::{merge, resolve, Conflict};
    let t = t();
    let Some(p) = state.preview.get_untracked() else { return ().into_any() };
    // The document's own merge only for a file from this very room: documents of different
    // rooms share no history, and merging them would let one side's entities silently win.
    let doc = p
        .imported
        .sync_doc
        .clone()
        .filter(|_| state.sync_room().is_some() && state.sync_room() == p.imported.sync_room);
    let m = state.ws.with_untracked(|ws| merge(ws, &p.imported.workspace));
    let picks: Vec<RwSignal<bool>> = m.conflicts.iter().map(|_| RwSignal::new(false)).collect();
    let shown = |v: &serde_json::Value| {
        let s = Conflict::show(v);
        if s.is_empty() {
            t.merge_empty.to_owned()
        } else {
            s
        }
    };
    let rows = m
        .conflicts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let pick = picks[i];
            let name = format!("merge-{i}");
            view! {
                <fieldset class="rc-merge__conflict">
                    <legend>{format!("{}: {}", c.label, c.field)}</legend>
                    <label>
                        <input type="radio" name=name.clone() prop:checked=move || !pick.get() on:change=move |_| pick.set(false)/>
                        {fill(t.merge_keep, &[("value", &shown(&c.mine))])}
                    </label>
                    <label>
                        <input type="radio" name=name prop:checked=move || pick.get() on:change=move |_| pick.set(true)/>
                        {fill(t.merge_take, &[("value", &shown(&c.theirs))])}
                    </label>
                </fieldset>
            }
        })
        .collect_view();
    let count = m.conflicts.len();
    let added = m.added;
    let repairs = m.repairs.clone();
    let by_doc = doc.is_some();
    let m = StoredValue::new(m);
    let confirm = move |_| {
        if let Some(doc) = &doc {
            if let Some(merged) = state.sync_merge_doc(doc) {
                state.merge_in(&merged);
                return;
            }
        }
        let take: Vec<bool> = picks.iter().map(|p| p.get_untracked()).collect();
        let next = m.with_value(|m| resolve(m, &take));
        state.merge_in(&next);
    };
    view! {
        <div class="rc-merge" data-testid="merge">
            <h3>{fill(t.merge_title, &[("file", &p.file_name)])}</h3>
            {if by_doc {
                view! { <p>{t.merge_doc}</p> }.into_any()
            } else {
                view! {
                    <p>{fill(t.merge_added, &[("count", &added)])}</p>
                    <p>{if count == 0 { t.merge_no_conflicts.to_owned() } else { fill(t.merge_conflicts, &[("count", &count)]) }}</p>
                    <div class="rc-merge__list">{rows}</div>
                    {(!repairs.is_empty()).then(|| view! {
                        <p>{t.merge_repaired}</p>
                        <super::repair_list::RepairList repairs=repairs/>
                    })}
                }.into_any()
            }}
            <p class="rc-muted">{t.merge_undo}</p>
            <div class="rc-actions">
                <button type="button" class="rc-button rc-button--primary" on:click=confirm>{t.merge_confirm}</button>
                <button type="button" class="rc-button" on:click=move |_| state.preview.set(None)>{t.cancel}</button>
            </div>
        </div>
    }
    .into_any()
}

use crate::components::shared::confirm_bar::ConfirmBar;
use crate::components::t;
use crate::i18n::{board_error, fill};
use crate::model::board::{Column, ColumnKind};
use crate::model::decl::MAX_STANDARD_HOURS;
use crate::model::ops::Coll;
use crate::model::{ColumnId, Priority};
use crate::state::AppState;
use leptos::prelude::*;

/// Columns (rename, kind, WIP limit, order, add, remove) and service standards.
#[component]
pub fn BoardSettings() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let error = RwSignal::new(None::<String>);
    let new_column = RwSignal::new(String::new());
    // `try_set`: a field left by leaving the page changes (and is saved) as the settings are
    // taken down, when there is no message to show any more.
    let report = move |r: Result<(), crate::model::board::BoardError>| {
        let _ = error.try_set(r.err().map(|e| board_error(t, &e)));
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_column.get_untracked();
        let r = state.edit(|c| c.add_column(&name, ColumnKind::InProgress));
        if r.is_ok() {
            new_column.set(String::new());
        }
        report(r);
    };
    let columns = move || state.ws.watch(&[Coll::Columns], |w| w.board.columns.clone());
    view! {
        <details class="rc-panel rc-no-print rc-board-settings">
            <summary>{t.board_settings}</summary>
            <h3>{t.columns_title}</h3>
            <ul class="rc-rows">
                <For each=columns key=|c| c.clone() let:c>
                    <ColumnRow column=c on_result=report/>
                </For>
            </ul>
            <form class="rc-form rc-form--inline" on:submit=add novalidate>
                <div class="rc-field rc-field--inline">
                    <label for="column-new">{t.f_new_column}</label>
                    <input id="column-new" class="rc-input" type="text" prop:value=move || new_column.get()
                        on:input=move |ev| new_column.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="rc-button">{t.add_column}</button>
            </form>
            {move || error.get().map(|e| view! { <p class="rc-error" role="alert">{e}</p> })}
            <h3>{t.standards_title}</h3>
            <p class="rc-hint">{t.standards_intro}</p>
            <table class="rc-table rc-table--compact">
                <thead>
                    <tr><th scope="col">{t.col_priority}</th><th scope="col">{t.col_first_response}</th><th scope="col">{t.col_resolution}</th></tr>
                </thead>
                <tbody>
                    {Priority::ALL.into_iter().map(|p| {
                        let i = p.index();
                        let set = move |first: bool, v: String| {
                            // Not a whole number reads as 0, which the model refuses with the range.
                            let h = v.trim().parse::<u32>().unwrap_or(0);
                            report(state.edit(|c| {
                                let mut s = c.ws().board.standards[i];
                                if first { s.first_response_hours = h } else { s.resolution_hours = h }
                                c.set_standard(p, s)
                            }));
                        };
                        view! {
                            <tr>
                                <th scope="row">{t.priorities[i]}</th>
                                <td><input class="rc-input rc-input--short" type="number" min="1" max=MAX_STANDARD_HOURS
                                    aria-label=fill(t.f_first_response, &[("priority", &p.as_str())])
                                    prop:value=move || state.ws.watch(&[Coll::Settings], |w| w.board.standards[i].first_response_hours.to_string())
                                    on:change=move |ev| set(true, event_target_value(&ev))/></td>
                                <td><input class="rc-input rc-input--short" type="number" min="1" max=MAX_STANDARD_HOURS
                                    aria-label=fill(t.f_resolution, &[("priority", &p.as_str())])
                                    prop:value=move || state.ws.watch(&[Coll::Settings], |w| w.board.standards[i].resolution_hours.to_string())
                                    on:change=move |ev| set(false, event_target_value(&ev))/></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}

#[component]
fn ColumnRow(
    column: Column,
    #[prop(into)] on_result: Callback<Result<(), crate::model::board::BoardError>>,
) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let confirming = RwSignal::new(false);
    let name = column.name.clone();
    let id = column.id.clone();
    let update = {
        let column = column.clone();
        move |f: &dyn Fn(&mut Column)| {
            let mut c = column.clone();
            f(&mut c);
            on_result.run(state.edit(|x| x.update_column(c)));
        }
    };
    let others: Vec<(ColumnId, String)> = state.ws.with_untracked(|w| {
        w.board.columns.iter().filter(|c| c.id != id).map(|c| (c.id.clone(), c.name.clone())).collect()
    });
    let target = RwSignal::new(others.first().map(|(c, _)| c.clone()));
    let count = state.ws.with_untracked(|w| w.board.tasks.iter().filter(|t| t.column == id).count());
    let shift = {
        let id = id.clone();
        move |by: isize| on_result.run(state.edit(|c| c.shift_column(&id, by)))
    };
    let remove = {
        let id = id.clone();
        move |_| {
            confirming.set(false);
            if let Some(to) = target.get_untracked() {
                on_result.run(state.edit(|c| c.remove_column(&id, &to)));
            }
        }
    };
    let (u1, u2, u3) = (update.clone(), update.clone(), update.clone());
    let (s1, s2) = (shift.clone(), shift.clone());
    view! {
        <li class="rc-row">
            <input class="rc-input" type="text" value=name.clone() aria-label=fill(t.f_column_name, &[("name", &name)])
                on:change=move |ev| { let v = event_target_value(&ev); u1(&move |c: &mut Column| c.name = v.clone()) }/>
            <select class="rc-select rc-select--auto" aria-label=fill(t.f_kind, &[("name", &name)])
                on:change=move |ev| {
                    if let Some(k) = ColumnKind::parse(&event_target_value(&ev)) { u2(&move |c: &mut Column| c.kind = k) }
                }>
                {ColumnKind::ALL.into_iter().enumerate().map(|(i, k)| view! {
                    <option value=k.as_str() selected=column.kind == k>{t.column_kinds[i]}</option>
                }).collect_view()}
            </select>
            <input class="rc-input rc-input--short" type="number" min="1" placeholder=t.wip_none
                value=column.wip_limit.map(|l| l.to_string()).unwrap_or_default()
                aria-label=fill(t.f_wip, &[("name", &name)])
                on:change=move |ev| {
                    // Empty: no limit. Anything but a whole number is refused, never read as none.
                    let v = event_target_value(&ev);
                    match crate::model::input::whole(&v) {
                        Ok(limit) => u3(&move |c: &mut Column| c.wip_limit = limit),
                        Err(_) => on_result.run(Err(crate::model::board::BoardError::Rule(
                            crate::model::ModelError::NotBetween { field: "wip_limit", min: "1".into(), max: crate::model::decl::MAX_WIP.to_string() },
                        ))),
                    }
                }/>
            <button type="button" class="rc-button rc-button--small" aria-label=fill(t.move_left, &[("name", &name)]) on:click=move |_| s1(-1)>"←"</button>
            <button type="button" class="rc-button rc-button--small" aria-label=fill(t.move_right, &[("name", &name)]) on:click=move |_| s2(1)>"→"</button>
            <button type="button" class="rc-button rc-button--small rc-button--danger" aria-label=fill(t.remove_column, &[("name", &name)])
                on:click=move |_| confirming.set(true)>{t.remove}</button>
            <Show when=move || confirming.get()>
                <div class="rc-field rc-field--inline">
                    <label for=format!("move-to-{}", column.id)>{t.remove_column_to}</label>
                    <select id=format!("move-to-{}", column.id) class="rc-select"
                        on:change=move |ev| target.set(Some(ColumnId(event_target_value(&ev))))>
                        {others.clone().into_iter().map(|(id, n)| view! { <option value=id.to_string()>{n}</option> }).collect_view()}
                    </select>
                </div>
                <ConfirmBar message=fill(t.confirm_remove_column, &[("name", &name), ("count", &count)])
                    confirm_label=t.confirm_yes_remove on_confirm=remove.clone() on_cancel=move |_| confirming.set(false)/>
            </Show>
        </li>
    }
}

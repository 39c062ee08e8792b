use crate::components::shared::confirm_bar::ConfirmBar;
use crate::components::t;
use crate::i18n::{fill, model_error};
use crate::model::ops::Coll;
use crate::model::{Department, DepartmentId};
use crate::state::AppState;
use leptos::prelude::*;

/// The teams and departments members belong to: add, rename, remove.
#[component]
pub fn Departments() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let new_name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = Department { id: state.with_ids(DepartmentId::generate), name: new_name.get_untracked() };
        match state.edit(|c| c.save_department(d)) {
            Ok(()) => {
                new_name.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(model_error(t, &e))),
        }
    };
    view! {
        <section class="rc-panel" aria-labelledby="departments-title">
            <h2 id="departments-title">{t.departments_title}</h2>
            <Show when=move || state.ws.watch(&[Coll::Departments], |w| w.departments.is_empty())>
                <p class="rc-muted">{t.departments_empty}</p>
            </Show>
            <ul class="rc-rows">
                <For each=move || state.ws.watch(&[Coll::Departments], |w| w.departments.clone()) key=|d| d.id.clone() let:d>
                    <DepartmentRow department=d/>
                </For>
            </ul>
            <form class="rc-form rc-form--inline" on:submit=add novalidate>
                <div class="rc-field rc-field--inline">
                    <label for="department-new">{t.f_new_department}</label>
                    <input id="department-new" class="rc-input" type="text"
                        prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="rc-button">{t.add_department}</button>
            </form>
            {move || error.get().map(|e| view! { <p class="rc-error" role="alert">{e}</p> })}
        </section>
    }
}

#[component]
fn DepartmentRow(department: Department) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let error = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);
    let id = department.id.clone();
    let name = department.name.clone();
    let rename = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let d = Department { id: id.clone(), name: event_target_value(&ev) };
            match state.edit(|c| c.save_department(d)) {
                Ok(()) => error.set(None),
                Err(e) => error.set(Some(model_error(t, &e))),
            }
        }
    };
    let usage = state.ws.with_untracked(|w| w.department_usage(&id));
    let remove = move |_| {
        let id = id.clone();
        let _ = state.edit(|c| c.remove_department(&id));
    };
    view! {
        <li class="rc-row">
            <input class="rc-input" type="text" value=name.clone()
                aria-label=fill(t.f_department_name, &[("name", &name)])
                on:change=rename/>
            <button type="button" class="rc-button rc-button--small rc-button--danger"
                aria-label=fill(t.remove_named, &[("name", &name)])
                on:click=move |_| confirming.set(true)>{t.remove}</button>
            {move || error.get().map(|e| view! { <p class="rc-error" role="alert">{e}</p> })}
            <Show when=move || confirming.get()>
                <ConfirmBar message=fill(t.confirm_remove_department, &[("name", &name), ("count", &usage)])
                    confirm_label=t.confirm_yes_remove on_confirm=remove.clone() on_cancel=move |_| confirming.set(false)/>
            </Show>
        </li>
    }
}

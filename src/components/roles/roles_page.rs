use super::role_editor::RoleEditor;
use crate::components::t;
use crate::i18n::fill;
use crate::model::ops::Coll;
use crate::model::{Role, RoleId};
use crate::state::AppState;
use leptos::prelude::*;

/// The roles of the team as cards: purpose, duties, required skills, who holds them.
#[component]
pub fn RolesPage() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    // A role form left with unsaved changes (another page, a reload) opens again.
    let editing = RwSignal::new(crate::components::shared::form::kept::<Role>(super::role_editor::FORM));
    let add = move |_| {
        let id = state.with_ids(RoleId::generate);
        editing.set(Some(Role { id, ..Role::default() }));
    };
    view! {
        <section class="rc-page" aria-labelledby="roles-title">
            <div class="rc-page__head">
                <div>
                    <h1 id="roles-title">{t.roles_title}</h1>
                    <p class="rc-muted">{t.roles_intro}</p>
                </div>
                <button type="button" class="rc-button rc-button--primary" on:click=add>{t.add_role}</button>
            </div>
            {move || editing.get().map(|r| view! { <RoleEditor role=r on_close=move |_| editing.set(None)/> })}
            <Show when=move || state.ws.watch(&[Coll::Roles], |w| w.roles.is_empty())>
                <p class="rc-empty">{t.roles_empty}</p>
            </Show>
            <ul class="rc-cards">
                <For each=move || state.ws.watch(&[Coll::Roles], |w| w.roles.clone()) key=|r| r.clone() let:r>
                    <RoleCard role=r on_edit=move |r| editing.set(Some(r))/>
                </For>
            </ul>
        </section>
    }
}

#[component]
fn RoleCard(role: Role, #[prop(into)] on_edit: Callback<Role>) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let id = role.id.clone();
    let holders =
        move || state.ws.watch(&[Coll::Members], |w| w.holders(&id).map(|m| m.name.clone()).collect::<Vec<_>>());
    let required: Vec<String> = state.ws.with_untracked(|w| {
        role.required_skills
            .iter()
            .filter_map(|r| w.skill(&r.skill).map(|s| format!("{} ≥ {}", s.name, r.min_level)))
            .collect()
    });
    let headcount = role.headcount;
    let staffing = {
        let holders = holders.clone();
        move || fill(t.staffing, &[("held", &holders().len()), ("needed", &headcount)])
    };
    let understaffed = {
        let holders = holders.clone();
        move || (holders().len() as u32) < headcount
    };
    let r = role.clone();
    let heading_id = format!("role-{}", role.id);
    let title_id = heading_id.clone();
    view! {
        <li class="rc-card" aria-labelledby=heading_id>
            <div class="rc-card__head">
                <h2 class="rc-card__title" id=title_id>{role.name.clone()}</h2>
                <button type="button" class="rc-button rc-button--small"
                    aria-label=fill(t.edit_named, &[("name", &role.name)])
                    on:click=move |_| on_edit.run(r.clone())>{t.edit}</button>
            </div>
            <p>{role.purpose.clone()}</p>
            {
                let id = role.id.clone();
                move || state.ws.watch(&[Coll::Duties, Coll::Roles, Coll::Members, Coll::Skills], |w| crate::model::handbook::role_handbook(w, &id)).map(|h| view! {
                    <h3 class="rc-card__sub">{t.handbook_accountable}</h3>
                    <ul class="rc-list">{h.accountable.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                    <h3 class="rc-card__sub">{t.handbook_responsible}</h3>
                    <ul class="rc-list">{h.responsible.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                })
            }
            <h3 class="rc-card__sub">{t.f_required_skills}</h3>
            <ul class="rc-chips">{required.into_iter().map(|s| view! { <li class="rc-chip">{s}</li> }).collect_view()}</ul>
            <h3 class="rc-card__sub">{t.held_by}</h3>
            <p>
                {move || { let h = holders(); if h.is_empty() { t.nobody_yet.to_string() } else { h.join(", ") } }}
                " "
                <span class="rc-badge" class:rc-badge--warn=understaffed>{staffing}</span>
            </p>
        </li>
    }
}

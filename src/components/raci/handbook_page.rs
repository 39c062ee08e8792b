use crate::components::t;
use crate::i18n::{fill, handbook_words};
use crate::model::handbook::{handbook_markdown, member_handbook, role_handbook, Handbook};
use crate::model::ops::Coll;
use crate::model::{schema, MemberId, RoleId};
use crate::state::AppState;
use leptos::prelude::*;

/// The responsibility document: a readable page per role and per member, printable one per
/// page, and downloadable as Markdown.
#[component]
pub fn HandbookPage() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    // "roles", "members", "role:<id>" or "member:<id>".
    let show = RwSignal::new("roles".to_string());
    let pages = move || {
        let show = show.get();
        state.ws.watch(
            &[Coll::Duties, Coll::Roles, Coll::Members, Coll::Skills, Coll::Settings, Coll::Departments],
            |w| -> Vec<(String, Handbook, bool)> {
                let role = |id: &RoleId| role_handbook(w, id).map(|h| (format!("role-{id}"), h, false));
                let member = |id: &MemberId| member_handbook(w, id).map(|h| (format!("member-{id}"), h, true));
                match show.split_once(':') {
                    Some(("role", id)) => role(&RoleId::from(id)).into_iter().collect(),
                    Some(("member", id)) => member(&MemberId::from(id)).into_iter().collect(),
                    _ if show == "members" => {
                        w.members.iter().filter(|m| m.active).filter_map(|m| member(&m.id)).collect()
                    }
                    _ => w.roles.iter().filter_map(|r| role(&r.id)).collect(),
                }
            },
        )
    };
    let download = move |_| {
        let text = state.ws.with_untracked(|w| handbook_markdown(w, &handbook_words(t)));
        let name = state
            .ws
            .with_untracked(|w| schema::file_name(&w.name, "handbook", crate::browser::now().date_naive(), "md"));
        let _ = crate::browser::download(&name, &text, "text/markdown;charset=utf-8");
    };
    let roles =
        state.ws.with_untracked(|w| w.roles.iter().map(|r| (r.id.to_string(), r.name.clone())).collect::<Vec<_>>());
    let members = state.ws.with_untracked(|w| {
        w.members.iter().filter(|m| m.active).map(|m| (m.id.to_string(), m.name.clone())).collect::<Vec<_>>()
    });
    view! {
        <section class="rc-page" aria-labelledby="handbook-title">
            <div class="rc-page__head">
                <div>
                    <h1 id="handbook-title">{t.handbook_title}</h1>
                    <p class="rc-muted rc-no-print">{t.handbook_intro}</p>
                </div>
                <div class="rc-actions rc-no-print">
                    <button type="button" class="rc-button" on:click=download>{t.download_markdown}</button>
                    <button type="button" class="rc-button" on:click=move |_| { let _ = window().print(); }>{t.print}</button>
                </div>
            </div>
            <div class="rc-toolbar rc-no-print">
                <div class="rc-field">
                    <label for="handbook-show">{t.handbook_show}</label>
                    <select id="handbook-show" class="rc-select" on:change=move |ev| show.set(event_target_value(&ev))>
                        <option value="roles" selected=true>{t.handbook_all_roles}</option>
                        <option value="members">{t.handbook_all_members}</option>
                        <optgroup label=t.nav_roles>
                            {roles.into_iter().map(|(id, name)| view! { <option value=format!("role:{id}")>{name}</option> }).collect_view()}
                        </optgroup>
                        <optgroup label=t.handbook_all_members>
                            {members.into_iter().map(|(id, name)| view! { <option value=format!("member:{id}")>{name}</option> }).collect_view()}
                        </optgroup>
                    </select>
                </div>
            </div>
            <div class="rc-handbooks">
                {move || pages().into_iter().map(|(id, h, is_member)| view! { <HandbookArticle id=id handbook=h is_member=is_member/> }).collect_view()}
            </div>
        </section>
    }
}

#[component]
fn HandbookArticle(id: String, handbook: Handbook, is_member: bool) -> impl IntoView {
    let t = t();
    let heading = format!("{id}-title");
    let labelled_by = heading.clone();
    let list = move |label: &'static str, items: Vec<String>| {
        view! {
            <div class="rc-handbook__section">
                <h3>{label}</h3>
                {if items.is_empty() {
                    view! { <p class="rc-muted">{t.handbook_none}</p> }.into_any()
                } else {
                    view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }.into_any()
                }}
            </div>
        }
    };
    let skills: Vec<(String, bool)> = handbook
        .skills
        .iter()
        .map(|s| {
            let text = match s.level {
                Some(level) => {
                    fill(t.handbook_skill_member, &[("name", &s.name), ("level", &level), ("required", &s.required)])
                }
                None => fill(t.handbook_skill_role, &[("name", &s.name), ("required", &s.required)]),
            };
            (text, s.met())
        })
        .collect();
    let works_with: Vec<String> = handbook
        .works_with
        .iter()
        .map(|(n, c)| format!("{n} · {}", fill(t.handbook_shared, &[("count", c)])))
        .collect();
    view! {
        <article class="rc-handbook rc-panel" aria-labelledby=labelled_by id=id>
            <h2 id=heading>{handbook.name.clone()}</h2>
            {(!handbook.subtitle.is_empty()).then(|| view! { <p class="rc-lead">{handbook.subtitle.clone()}</p> })}
            <div class="rc-handbook__grid">
                {list(if is_member { t.handbook_holds } else { t.handbook_held_by }, handbook.related.clone())}
                {list(t.handbook_accountable, handbook.accountable.clone())}
                {list(t.handbook_responsible, handbook.responsible.clone())}
                {list(t.handbook_consulted, handbook.consulted.clone())}
                {list(t.handbook_informed, handbook.informed.clone())}
                <div class="rc-handbook__section">
                    <h3>{t.handbook_skills}</h3>
                    {if skills.is_empty() {
                        view! { <p class="rc-muted">{t.handbook_none}</p> }.into_any()
                    } else {
                        view! {
                            <ul>
                                {skills.into_iter().map(|(text, met)| view! {
                                    <li class:rc-gap=!met>{text}{(!met).then(|| view! { " " <span class="rc-badge rc-badge--warn">{t.handbook_gap}</span> })}</li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </div>
                {list(t.handbook_works_with, works_with)}
            </div>
        </article>
    }
}

use super::member_editor::MemberEditor;
use crate::components::shared::template_fetch::{with_service_team_template, TemplateFetch, TemplateFetchFailed};
use crate::components::t;
use crate::i18n::fill;
use crate::model::ops::Coll;
use crate::model::{Member, MemberId};
use crate::state::{AppState, ReplaceReason};
use leptos::prelude::*;

/// The members of the team, with an editor for one at a time.
#[component]
pub fn TeamPage() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    // A member form left with unsaved changes (another page, a reload) opens again.
    let kept = crate::components::shared::form::kept::<Member>(super::member_editor::FORM);
    let editing = RwSignal::new(kept);
    let add = move |_| {
        let id = state.with_ids(MemberId::generate);
        editing.set(Some(Member { id, ..Member::default() }));
    };
    let fetch = RwSignal::new(TemplateFetch::Idle);
    let load_template = move |_| with_service_team_template(fetch, move |ws| state.replace(ws, ReplaceReason::Reset));
    let members = move || state.ws.watch(&[Coll::Members], |w| w.members.clone());
    // Thanks per member, counted once for all rows.
    let thanks: Memo<std::collections::BTreeMap<MemberId, usize>> = Memo::new(move |_| {
        state.ws.watch(&[Coll::Recognitions], |w| {
            let mut n = std::collections::BTreeMap::new();
            w.recognitions.iter().for_each(|r| *n.entry(r.member.clone()).or_insert(0) += 1);
            n
        })
    });
    view! {
        <section class="rc-page" aria-labelledby="team-title">
            <div class="rc-page__head">
                <div>
                    <h1 id="team-title">{t.team_title}</h1>
                    <p class="rc-muted">{t.team_intro}</p>
                </div>
                <button type="button" class="rc-button rc-button--primary" on:click=add>{t.add_member}</button>
            </div>
            {move || editing.get().map(|m| view! { <MemberEditor member=m on_close=move |_| editing.set(None)/> })}
            <Show
                when=move || state.ws.watch(&[Coll::Members], |w| !w.members.is_empty())
                fallback=move || view! {
                    <div class="rc-empty">
                        <p>{t.members_empty}</p>
                        <Show when=move || state.ws.watch(&[Coll::Roles, Coll::Skills], |w| w.roles.is_empty() && w.skills.is_empty())>
                            <button type="button" class="rc-button" on:click=load_template>{t.load_template}</button>
                        </Show>
                        <TemplateFetchFailed fetch/>
                    </div>
                }
            >
                <p class="rc-muted">{move || fill(t.count_members, &[("count", &state.ws.watch(&[Coll::Members], |w| w.members.len()))])}</p>
                <div class="rc-table-wrap">
                    <table class="rc-table rc-table--wide" aria-labelledby="team-title">
                        <thead>
                            <tr>
                                <th scope="col">{t.col_name}</th>
                                <th scope="col">{t.col_title}</th>
                                <th scope="col">{t.col_department}</th>
                                <th scope="col">{t.col_roles}</th>
                                <th scope="col">{t.col_skills}</th>
                                <th scope="col" class="rc-num">{t.col_capacity}</th>
                                <th scope="col">{t.col_status}</th>
                                <th scope="col"><span class="rc-sr">{t.col_actions}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=members key=|m| m.clone() let:m>
                                <MemberRow member=m thanks=thanks on_edit=move |m| editing.set(Some(m))/>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn MemberRow(
    member: Member,
    thanks: Memo<std::collections::BTreeMap<MemberId, usize>>,
    #[prop(into)] on_edit: Callback<Member>,
) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    // The names this row shows follow their own collections (a rename elsewhere, another tab).
    let id = member.id.clone();
    let over = Memo::new(move |_| {
        state.ws.watch(&[Coll::Tasks, Coll::Columns, Coll::Members], |w| crate::model::assign::is_over_capacity(w, &id))
    });
    let names = {
        let member = member.clone();
        Memo::new(move |_| {
            state.ws.watch(&[Coll::Departments, Coll::Roles, Coll::Skills], |w| {
                let department = member
                    .department
                    .as_ref()
                    .and_then(|d| w.department(d))
                    .map(|d| d.name.clone())
                    .unwrap_or_default();
                let roles: Vec<String> =
                    member.roles.iter().filter_map(|r| w.role(r)).map(|r| r.name.clone()).collect();
                let skills: Vec<String> = member
                    .skills
                    .iter()
                    .filter_map(|s| w.skill(&s.skill).map(|k| format!("{} {}", k.name, s.level)))
                    .collect();
                (department, roles, skills)
            })
        })
    };
    // Thanks given to the member (Operations → Check-ins), shown beside their title.
    let thanks = {
        let id = member.id.clone();
        Memo::new(move |_| thanks.with(|n| n.get(&id).copied().unwrap_or(0)))
    };
    let edit_label = fill(t.edit_named, &[("name", &member.name)]);
    let m = member.clone();
    view! {
        <tr class:rc-row--inactive=!member.active>
            <th scope="row">{member.name.clone()}</th>
            <td>
                {member.title.clone()}
                {move || (thanks.get() > 0).then(|| view! {
                    " " <span class="rc-badge" data-testid="thanks">"★ "{fill(t.thanks_count, &[("n", &thanks.get())])}</span>
                })}
            </td>
            <td>{move || names.with(|n| n.0.clone())}</td>
            <td>
                <ul class="rc-chips">{move || names.with(|n| n.1.iter().map(|r| view! { <li class="rc-chip">{r.clone()}</li> }).collect_view())}</ul>
            </td>
            <td class="rc-skills-cell">{move || names.with(|n| n.2.join(" · "))}</td>
            <td class="rc-num">
                {fill(t.hours_per_week, &[("hours", &member.capacity_hours)])}
                {move || over.get().then(|| view! { " " <span class="rc-badge rc-badge--warn">{t.over_capacity}</span> })}
            </td>
            <td>{if member.active { t.active } else { t.inactive }}</td>
            <td>
                <button type="button" class="rc-button rc-button--small" aria-label=edit_label on:click=move |_| on_edit.run(m.clone())>
                    {t.edit}
                </button>
            </td>
        </tr>
    }
}

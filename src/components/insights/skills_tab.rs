use crate::components::t;
use crate::i18n::fill;
use crate::model::ops::Coll;
use crate::model::skills::{coverage, gaps, single_points_of_failure, staffing};
use crate::model::team::MAX_LEVEL;
use crate::model::training::TrainingStatus;
use crate::model::{dates, DepartmentId, MemberId, RoleId, SkillId, TrainingId};
use crate::state::AppState;
use leptos::prelude::*;

fn cell_id(m: &MemberId, s: &SkillId) -> String {
    format!("lvl-{m}-{s}")
}

/// The skills matrix, coverage, single points of failure, gaps, staffing, training and growth.
#[component]
pub fn SkillsTab() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let department = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    // None: by name; Some(skill): by that skill's level, highest first.
    let sort = RwSignal::new(None::<SkillId>);
    let active = RwSignal::new(None::<(MemberId, SkillId)>);
    let rows = Memo::new(move |_| {
        let (dep, role, sort) = (department.get(), role.get(), sort.get());
        state.ws.watch(&[Coll::Members], |w| {
            let mut rows: Vec<(MemberId, String)> = w
                .members
                .iter()
                .filter(|m| m.active)
                .filter(|m| dep.is_empty() || m.department.as_ref() == Some(&DepartmentId(dep.clone())))
                .filter(|m| role.is_empty() || m.holds(&RoleId(role.clone())))
                .map(|m| (m.id.clone(), m.name.clone()))
                .collect();
            match &sort {
                Some(s) => rows.sort_by_key(|(id, _)| std::cmp::Reverse(w.member(id).map_or(0, |m| m.level(s)))),
                None => rows.sort_by_key(|(_, n)| n.to_lowercase()),
            }
            rows
        })
    });
    // The insight tables as memos: a level change re-renders only the tables (and coverage rows)
    // whose numbers it changed.
    let risks =
        Memo::new(move |_| state.ws.watch(&[Coll::Members, Coll::Roles, Coll::Skills], single_points_of_failure));
    let gap_list = Memo::new(move |_| state.ws.watch(&[Coll::Members, Coll::Roles, Coll::Skills], gaps));
    let staffed = Memo::new(move |_| state.ws.watch(&[Coll::Members, Coll::Roles, Coll::Skills], staffing));
    let covered = Memo::new(move |_| {
        state.ws.watch(&[Coll::Members, Coll::Skills], |w| {
            w.skills.iter().map(|s| (s.name.clone(), coverage(w, &s.id))).collect::<Vec<(String, [usize; 5])>>()
        })
    });
    let growth = Memo::new(move |_| {
        state.ws.watch(&[Coll::LevelChanges, Coll::Members, Coll::Skills], |w| {
            w.skill_history.iter().rev().take(12).cloned().collect::<Vec<_>>()
        })
    });
    let skills = Memo::new(move |_| {
        state.ws.watch(&[Coll::Skills], |w| w.skills.iter().map(|s| (s.id.clone(), s.name.clone())).collect::<Vec<_>>())
    });
    let (departments, roles) = state.ws.with_untracked(|w| {
        (
            w.departments.iter().map(|d| (d.id.to_string(), d.name.clone())).collect::<Vec<_>>(),
            w.roles.iter().map(|r| (r.id.to_string(), r.name.clone())).collect::<Vec<_>>(),
        )
    });
    let name_of =
        move |m: &MemberId| state.ws.with_untracked(|w| w.member(m).map(|m| m.name.clone()).unwrap_or_default());
    let skill_of =
        move |s: &SkillId| state.ws.with_untracked(|w| w.skill(s).map(|s| s.name.clone()).unwrap_or_default());
    let role_of = move |r: &RoleId| state.ws.with_untracked(|w| w.role(r).map(|r| r.name.clone()).unwrap_or_default());
    let plan = move |m: MemberId, s: SkillId, need: u8| {
        let due = crate::model::training::due_for_gap(crate::browser::local_day(crate::browser::now()));
        // A second plan for the same pair is refused by the model; the first stays listed.
        let _ = state.edit(|c| c.plan_training(&m, &s, need, Some(due)));
    };
    view! {
        <section class="rc-panel" aria-labelledby="matrix-title">
            <h2 id="matrix-title">{t.matrix_title}</h2>
            <p class="rc-hint">{t.matrix_hint}</p>
            <div class="rc-toolbar">
                <div class="rc-field">
                    <label for="matrix-department">{t.filter_department}</label>
                    <select id="matrix-department" class="rc-select" on:change=move |ev| department.set(event_target_value(&ev))>
                        <option value="">{t.all_departments}</option>
                        {departments.into_iter().map(|(id, n)| view! { <option value=id>{n}</option> }).collect_view()}
                    </select>
                </div>
                <div class="rc-field">
                    <label for="matrix-role">{t.filter_role}</label>
                    <select id="matrix-role" class="rc-select" on:change=move |ev| role.set(event_target_value(&ev))>
                        <option value="">{t.all_roles}</option>
                        {roles.into_iter().map(|(id, n)| view! { <option value=id>{n}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="rc-raci-wrap">
                <table class="rc-matrix" role="grid" aria-label=t.matrix_label>
                    <thead><tr>
                        <th scope="col" aria-sort=move || if sort.with(Option::is_none) { "ascending" } else { "none" }>
                            <button type="button" class="rc-sort" on:click=move |_| sort.set(None)>{t.col_name}</button>
                        </th>
                        <For each=move || skills.get() key=|s| s.clone() let:s>
                            {
                                let (id, id2) = (s.0.clone(), s.0.clone());
                                view! {
                                    <th scope="col" class="rc-matrix__skill"
                                        aria-sort=move || if sort.get().as_ref() == Some(&id) { "descending" } else { "none" }>
                                        <button type="button" class="rc-sort" aria-label=fill(t.sort_by, &[("name", &s.1)])
                                            on:click=move |_| sort.set(Some(id2.clone()))>{s.1.clone()}</button>
                                    </th>
                                }
                            }
                        </For>
                    </tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=|r| r.clone() let:r>
                            <tr>
                                <th scope="row">{r.1.clone()}</th>
                                {
                                    let member = r.0.clone();
                                    move || skills.get().into_iter().map(|(skill, skill_name)| view! {
                                        <LevelCell member=member.clone() skill=skill skill_name=skill_name rows=rows skills=skills active=active/>
                                    }).collect_view()
                                }
                            </tr>
                        </For>
                    </tbody>
                </table>
            </div>
        </section>

        <div class="rc-columns">
            <section class="rc-panel rc-spof" aria-labelledby="spof-title">
                <h2 id="spof-title">{t.spof_title}</h2>
                {move || {
                    let risks = risks.get();
                    if risks.is_empty() {
                        return view! { <p class="rc-muted">{t.spof_none}</p> }.into_any();
                    }
                    view! {
                        <ul class="rc-flags">
                            {risks.into_iter().map(|r| {
                                let args: [(&str, &dyn std::fmt::Display); 3] = [("skill", &skill_of(&r.skill)), ("level", &r.level), ("role", &role_of(&r.role))];
                                let text = match &r.only {
                                    Some(m) => { let name = name_of(m); let mut a = args.to_vec(); a.push(("member", &name)); fill(t.spof_only, &a) }
                                    None => fill(t.spof_nobody, &args),
                                };
                                view! { <li class="rc-flag" class:rc-flag--nobody=r.only.is_none()>{text}</li> }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section class="rc-panel" aria-labelledby="gaps-title">
                <h2 id="gaps-title">{t.gaps_title}</h2>
                {move || {
                    let list = gap_list.get();
                    if list.is_empty() {
                        return view! { <p class="rc-muted">{t.gaps_none}</p> }.into_any();
                    }
                    view! {
                        <ul class="rc-rows">
                            {list.into_iter().map(|g| {
                                let (member, skill) = (name_of(&g.member), skill_of(&g.skill));
                                let text = fill(t.gap_line, &[("member", &member), ("skill", &skill), ("have", &g.have), ("need", &g.need), ("role", &role_of(&g.role))]);
                                let label = fill(t.plan_training_for, &[("skill", &skill), ("member", &member)]);
                                view! {
                                    <li class="rc-row rc-gap-row">
                                        <span>{text}</span>
                                        <button type="button" class="rc-button rc-button--small" aria-label=label
                                            on:click=move |_| plan(g.member.clone(), g.skill.clone(), g.need)>{t.plan_training}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        </div>

        <section class="rc-panel" aria-labelledby="coverage-title">
            <h2 id="coverage-title">{t.coverage_title}</h2>
            <p class="rc-hint">{t.coverage_hint}</p>
            <div class="rc-table-wrap">
                <table class="rc-table rc-table--compact">
                    <thead><tr>
                        <th scope="col">{t.col_skill}</th>
                        {(1..=MAX_LEVEL).map(|l| view! { <th scope="col" class="rc-num">{fill(t.col_level_n, &[("level", &l)])}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        <For each=move || covered.get() key=|row| row.clone() let:row>
                            <tr><th scope="row">{row.0.clone()}</th>{(1..=4).map(|l| view! { <td class="rc-num">{row.1[l]}</td> }).collect_view()}</tr>
                        </For>
                    </tbody>
                </table>
            </div>
        </section>

        <section class="rc-panel" aria-labelledby="staffing-title">
            <h2 id="staffing-title">{t.staffing_title}</h2>
            <table class="rc-table rc-table--compact">
                <thead><tr>
                    <th scope="col">{t.col_role}</th><th scope="col" class="rc-num">{t.col_needed}</th>
                    <th scope="col" class="rc-num">{t.col_holders}</th><th scope="col" class="rc-num">{t.col_qualified}</th><th scope="col">{t.col_status}</th>
                </tr></thead>
                <tbody>
                    {move || staffed.get().into_iter().map(|s| {
                        let status = if s.is_met() { t.staffing_met.to_string() } else { fill(t.staffing_short, &[("count", &(s.needed as usize - s.qualified))]) };
                        view! {
                            <tr>
                                <th scope="row">{role_of(&s.role)}</th><td class="rc-num">{s.needed}</td><td class="rc-num">{s.holders}</td>
                                <td class="rc-num">{s.qualified}</td>
                                <td><span class="rc-badge" class:rc-badge--warn=!s.is_met()>{status}</span></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>

        <TrainingPlan/>

        <section class="rc-panel" aria-labelledby="growth-title">
            <h2 id="growth-title">{t.growth_title}</h2>
            {move || {
                let changes = growth.get();
                if changes.is_empty() {
                    return view! { <p class="rc-muted">{t.growth_empty}</p> }.into_any();
                }
                view! {
                    <ul class="rc-list">
                        {changes.into_iter().map(|c| view! {
                            <li>{fill(t.growth_line, &[("date", &crate::i18n::date(t, crate::browser::local_day(c.at))), ("member", &name_of(&c.member)), ("skill", &skill_of(&c.skill)), ("from", &c.from), ("to", &c.to)])}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn LevelCell(
    member: MemberId,
    skill: SkillId,
    skill_name: String,
    rows: Memo<Vec<(MemberId, String)>>,
    skills: Memo<Vec<(SkillId, String)>>,
    active: RwSignal<Option<(MemberId, SkillId)>>,
) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let value = {
        let (m, s) = (member.clone(), skill.clone());
        Memo::new(move |_| {
            state.ws.entity(Coll::Members, m.as_str(), |w, at| {
                at.and_then(|i| w.members.get(i))
                    .map(|x| (x.level(&s), x.skills.iter().any(|k| k.skill == s && k.interested)))
                    .unwrap_or((0, false))
            })
        })
    };
    let dom_id = cell_id(&member, &skill);
    let is_active = {
        let (m, s) = (member.clone(), skill.clone());
        move || match active.get() {
            Some((am, asv)) => am == m && asv == s,
            None => {
                rows.with(|r| r.first().map(|x| &x.0) == Some(&m))
                    && skills.with(|k| k.first().map(|x| &x.0) == Some(&s))
            }
        }
    };
    let set_level = {
        let (m, s) = (member.clone(), skill.clone());
        move |level: u8| {
            let _ = state.edit(|c| c.set_level(&m, &s, level));
        }
    };
    let toggle_interest = {
        let (m, s) = (member.clone(), skill.clone());
        move || {
            let _ = state.edit(|c| c.toggle_interest(&m, &s));
        }
    };
    let on_key = {
        let (m, s) = (member.clone(), skill.clone());
        let (set_level, toggle_interest) = (set_level.clone(), toggle_interest.clone());
        move |ev: leptos::ev::KeyboardEvent| {
            let key = ev.key();
            let mv = |dr: isize, dc: isize| {
                let r = rows.with_untracked(|r| r.iter().position(|x| x.0 == m)).unwrap_or(0) as isize;
                let c = skills.with_untracked(|k| k.iter().position(|x| x.0 == s)).unwrap_or(0) as isize;
                let nr = (r + dr).clamp(0, rows.with_untracked(Vec::len) as isize - 1) as usize;
                let nc = (c + dc).clamp(0, skills.with_untracked(Vec::len) as isize - 1) as usize;
                let (nm, ns) = (rows.with_untracked(|r| r[nr].0.clone()), skills.with_untracked(|k| k[nc].0.clone()));
                let id = cell_id(&nm, &ns);
                active.set(Some((nm, ns)));
                crate::browser::focus_soon(id);
            };
            match key.as_str() {
                "ArrowUp" => mv(-1, 0),
                "ArrowDown" => mv(1, 0),
                "ArrowLeft" => mv(0, -1),
                "ArrowRight" => mv(0, 1),
                "i" | "I" => toggle_interest(),
                k if k.len() == 1 && k.as_bytes()[0].is_ascii_digit() && k.as_bytes()[0] - b'0' <= MAX_LEVEL => {
                    set_level(k.as_bytes()[0] - b'0')
                }
                _ => return,
            }
            ev.prevent_default();
        }
    };
    let label = move || {
        let (level, interest) = value.get();
        let name = state.ws.with_untracked(|w| w.member(&member).map(|m| m.name.clone()).unwrap_or_default());
        fill(
            t.matrix_cell,
            &[
                ("member", &name),
                ("skill", &skill_name),
                ("level", &level),
                ("interest", &if interest { t.matrix_interest } else { "" }),
            ],
        )
    };
    view! {
        <td role="gridcell" class=move || format!("rc-matrix__cell rc-heat--{}", value.get().0)
            id=dom_id tabindex=move || if is_active() { "0" } else { "-1" }
            aria-label=label on:keydown=on_key
            on:click={let set_level = set_level.clone(); move |_| set_level((value.get_untracked().0 + 1) % (MAX_LEVEL + 1))}>
            {move || value.get().0}{move || value.get().1.then_some("★")}
        </td>
    }
}

#[component]
fn TrainingPlan() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let items = move || state.ws.watch(&[Coll::Training], |w| w.training.clone());
    let create_task = move |id: TrainingId| {
        let title = state.ws.with_untracked(|w| {
            let item = w.training.iter().find(|x| x.id == id)?;
            let member = w.member(&item.member).map(|m| m.name.clone()).unwrap_or_default();
            let skill = w.skill(&item.skill).map(|s| s.name.clone()).unwrap_or_default();
            Some(fill(t.training_task_title, &[("skill", &skill), ("member", &member)]))
        });
        if let Some(title) = title {
            let _ = state.edit(|c| c.training_task(&id, title));
        }
    };
    view! {
        <section class="rc-panel" aria-labelledby="training-title">
            <h2 id="training-title">{t.training_title}</h2>
            <Show when=move || state.ws.watch(&[Coll::Training], |w| w.training.is_empty())>
                <p class="rc-muted">{t.training_empty}</p>
            </Show>
            <Show when=move || state.ws.watch(&[Coll::Training], |w| !w.training.is_empty())>
                <table class="rc-table rc-table--compact">
                    <thead><tr>
                        <th scope="col">{t.col_member}</th><th scope="col">{t.col_skill}</th><th scope="col" class="rc-num">{t.col_target}</th>
                        <th scope="col">{t.col_due}</th><th scope="col">{t.col_status}</th><th scope="col"><span class="rc-sr">{t.col_actions}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=items key=|x| x.clone() let:x>
                            {
                                let (member, skill) = state.ws.with_untracked(|w| (
                                    w.member(&x.member).map(|m| m.name.clone()).unwrap_or_default(),
                                    w.skill(&x.skill).map(|s| s.name.clone()).unwrap_or_default(),
                                ));
                                let (id1, id2, id3) = (x.id.clone(), x.id.clone(), x.id.clone());
                                view! {
                                    <tr>
                                        <th scope="row">{member.clone()}</th><td>{skill}</td><td class="rc-num">{x.target_level}</td>
                                        <td><input class="rc-input" type="date" aria-label=fill(t.training_due_for, &[("member", &member)])
                                            value=x.due.map(dates::iso_day).unwrap_or_default()
                                            on:change=move |ev| {
                                                let due = dates::parse_iso_day(&event_target_value(&ev));
                                                let _ = state.edit(|c| c.set_training_due(&id1, due));
                                            }/></td>
                                        <td><select class="rc-select rc-select--auto" aria-label=fill(t.training_status_for, &[("member", &member)])
                                            on:change=move |ev| if let Some(s) = TrainingStatus::parse(&event_target_value(&ev)) {
                                                let _ = state.edit(|c| c.set_training_status(&id2, s));
                                            }>
                                            {TrainingStatus::ALL.into_iter().enumerate().map(|(i, s)| view! {
                                                <option value=s.as_str() selected=x.status == s>{t.training_statuses[i]}</option>
                                            }).collect_view()}
                                        </select></td>
                                        <td>{if x.task.is_some() {
                                            view! { <a href="#/board" class="rc-badge">{t.task_created}</a> }.into_any()
                                        } else {
                                            view! { <button type="button" class="rc-button rc-button--small" on:click=move |_| create_task(id3.clone())>{t.create_task}</button> }.into_any()
                                        }}</td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

use super::member_name;
use crate::components::shared::form::{Form, FormNotices};
use crate::components::t;
use crate::i18n::{date, fill, model_error};
use crate::model::dates::{iso_day, parse_iso_day};
use crate::model::ops::Coll;
use crate::model::service::{CheckIn, Recognition};
use crate::model::{CheckInId, MemberId, RecognitionId};
use crate::state::AppState;
use leptos::prelude::*;

/// Per member: private 1:1 check-ins, and the thanks they were given (seed 001 §15 绩效反馈;
/// seed 000: recognise excellent performance).
#[component]
pub fn PeopleTab() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let members = move || {
        state
            .ws
            .watch(&[Coll::Members], |w| w.members.iter().map(|m| (m.id.clone(), m.name.clone())).collect::<Vec<_>>())
    };
    // The member of a check-in left with unsaved changes, or the first.
    let kept = crate::components::shared::form::kept::<CheckIn>(CHECKIN_FORM).map(|c| c.member);
    let chosen = RwSignal::new(kept.or_else(|| members().first().map(|m| m.0.clone())));
    // A member removed elsewhere is no longer chosen.
    Effect::new(move |_| {
        let list = members();
        if chosen.with_untracked(|c| c.as_ref().is_none_or(|c| list.iter().all(|m| &m.0 != c))) {
            chosen.set(list.first().map(|m| m.0.clone()));
        }
    });
    let name = move || state.ws.watch(&[Coll::Members], |w| member_name(w, chosen.get().as_ref()));
    view! {
        <div class="rc-field rc-no-print">
            <label for="people-member">{t.col_member}</label>
            <select id="people-member" class="rc-select rc-select--auto"
                on:change=move |ev| chosen.set(Some(MemberId(event_target_value(&ev))))>
                {move || members().into_iter().map(|(id, n)| {
                    let selected = chosen.with_untracked(|c| c.as_ref() == Some(&id));
                    view! { <option value=id.0 selected=selected>{n}</option> }
                }).collect_view()}
            </select>
        </div>
        {move || chosen.get().map(|m| view! {
            <CheckIns member=m.clone() name=Signal::derive(name)/>
            <Thanks member=m name=Signal::derive(name)/>
        })}
    }
}

#[component]
fn CheckIns(member: MemberId, name: Signal<String>) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let today = crate::browser::local_day(state.now.get_untracked());
    // A check-in with this member left with unsaved changes (another page, a reload) opens again.
    let editing =
        RwSignal::new(crate::components::shared::form::kept::<CheckIn>(CHECKIN_FORM).filter(|c| c.member == member));
    let list = {
        let member = member.clone();
        move || {
            state.ws.watch(&[Coll::CheckIns], |w| {
                let mut l: Vec<_> = w.checkins.iter().filter(|c| c.member == member).cloned().collect();
                l.sort_by_key(|c| std::cmp::Reverse(c.date));
                l
            })
        }
    };
    let list2 = list.clone();
    let add = move |_| {
        let id = state.with_ids(CheckInId::generate);
        editing.set(Some(CheckIn::fresh(id, member.clone(), today)));
    };
    view! {
        <section class="rc-panel" aria-labelledby="checkins-title">
            <div class="rc-panel__head">
                <h2 id="checkins-title">{t.checkins_title}</h2>
                <button type="button" class="rc-button rc-button--primary" on:click=add>{t.add_checkin}</button>
            </div>
            <p class="rc-hint">"🔒 "{t.checkins_private}</p>
            {move || editing.get().map(|c| view! { <CheckInEditor item=c on_close=move |_| editing.set(None)/> })}
            <Show when=move || list().is_empty()>
                <p class="rc-muted">{move || fill(t.checkins_empty, &[("name", &name.get())])}</p>
            </Show>
            <ul class="rc-ops-list">
                {move || list2().into_iter().map(|c| {
                    let for_edit = c.clone();
                    view! {
                        <li class="rc-ops-item" data-testid="checkin">
                            <div class="rc-ops-item__main">
                                <h3 class="rc-ops-item__title">{date(t, c.date)}</h3>
                                {[(t.f_personal_goals, c.goals), (t.f_feedback, c.feedback), (t.f_agreed, c.actions)]
                                    .into_iter()
                                    .filter(|(_, v)| !v.is_empty())
                                    .map(|(k, v)| view! { <p class="rc-pre"><strong>{k}": "</strong>{v}</p> })
                                    .collect_view()}
                            </div>
                            <div class="rc-actions">
                                <button type="button" class="rc-button" aria-label=format!("{} {}", t.edit, date(t, c.date))
                                    on:click=move |_| editing.set(Some(for_edit.clone()))>{t.edit}</button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The check-in editor's draft, in this tab's session storage.
pub(super) const CHECKIN_FORM: &str = "checkin";

#[component]
fn CheckInEditor(item: CheckIn, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let fields = vec![iso_day(item.date)];
    let form = Form::open(CHECKIN_FORM, Coll::CheckIns, item, fields);
    let is_new = form.is_new();
    let (draft, error) = (form.value, form.error);
    let on_close = Callback::new(move |()| {
        form.forget();
        on_close.run(());
    });
    let build = move |mut c: CheckIn, fields: &[String]| -> Result<CheckIn, String> {
        c.date = parse_iso_day(&fields[0]).ok_or_else(|| t.err_date_range.to_string())?;
        Ok(c)
    };
    let run = move |x: &mut crate::model::commands::Cmd, c: CheckIn| x.save_checkin(c).map_err(|e| model_error(t, &e));
    let (save, save_as_new) = form.saves(build, run, move || on_close.run(()));
    let remove = move || {
        let id = draft.with_untracked(|c| c.id.clone());
        let _ = state.edit(|x| x.remove_checkin(&id));
        on_close.run(());
    };
    let question = Signal::derive(move || fill(t.confirm_remove_item, &[("name", &date(t, draft.with(|c| c.date)))]));
    let field =
        move |id: &'static str, label: &'static str, get: fn(&CheckIn) -> String, set: fn(&mut CheckIn, String)| {
            view! {
                <div class="rc-field">
                    <label for=id>{label}</label>
                    <textarea id=id class="rc-input" rows="2" prop:value=move || draft.with(get)
                        on:input=move |ev| draft.update(|c| set(c, event_target_value(&ev)))></textarea>
                </div>
            }
        };
    let date_ref = NodeRef::<leptos::html::Input>::new();
    crate::components::shared::focus_on_mount(date_ref);
    view! {
        <form class="rc-card rc-editor" on:submit=save aria-label=t.add_checkin>
            <FormNotices restored=form.restored elsewhere=Signal::derive(move || form.elsewhere())
                labels=vec![("date", t.f_date), ("goals", t.f_personal_goals), ("feedback", t.f_feedback), ("actions", t.f_agreed)]
                on_discard=move |()| on_close.run(()) on_save_as_new=save_as_new/>
            <div class="rc-field">
                <label for="checkin-date">{t.f_date}</label>
                <input id="checkin-date" class="rc-input rc-input--short" type="date" node_ref=date_ref
                    min=iso_day(crate::model::dates::first_day()) max=iso_day(crate::model::dates::last_day())
                    prop:value=move || form.field(0) on:input=move |ev| form.set_field(0, event_target_value(&ev))/>
            </div>
            {field("checkin-goals", t.f_personal_goals, |c| c.goals.clone(), |c, v| c.goals = v)}
            {field("checkin-feedback", t.f_feedback, |c| c.feedback.clone(), |c, v| c.feedback = v)}
            {field("checkin-actions", t.f_agreed, |c| c.actions.clone(), |c, v| c.actions = v)}
            <crate::components::shared::editor_actions::EditorActions error=error on_cancel=move |_| on_close.run(())
                remove=(!is_new).then_some((t.remove, question)) on_remove=move |_| remove()/>
        </form>
    }
}

#[component]
fn Thanks(member: MemberId, name: Signal<String>) -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    let others = state.ws.with_untracked(|w| {
        w.members.iter().filter(|m| m.id != member).map(|m| (m.id.clone(), m.name.clone())).collect::<Vec<_>>()
    });
    let text = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let list = {
        let member = member.clone();
        move || {
            state.ws.watch(&[Coll::Recognitions, Coll::Members], |w| {
                let mut l: Vec<_> = w
                    .recognitions
                    .iter()
                    .filter(|r| r.member == member)
                    .map(|r| (r.clone(), member_name(w, r.from.as_ref())))
                    .collect();
                l.sort_by_key(|r| std::cmp::Reverse(r.0.date));
                l
            })
        }
    };
    let list2 = list.clone();
    let give = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = state.with_ids(RecognitionId::generate);
        let f = from.get_untracked();
        let r = Recognition {
            id,
            member: member.clone(),
            from: (!f.is_empty()).then_some(MemberId(f)),
            date: crate::browser::local_day(state.now.get_untracked()),
            text: text.get_untracked(),
        };
        match state.edit(|c| c.recognise(r)) {
            Ok(()) => {
                text.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(model_error(t, &e))),
        }
    };
    view! {
        <section class="rc-panel" aria-labelledby="thanks-title">
            <h2 id="thanks-title">{t.recognition_title}</h2>
            <form class="rc-grid rc-thanks" on:submit=give>
                <div class="rc-field">
                    <label for="thanks-text">{t.f_thanks}</label>
                    <input id="thanks-text" class="rc-input" type="text" prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))/>
                </div>
                <div class="rc-field">
                    <label for="thanks-from">{t.f_from}</label>
                    <select id="thanks-from" class="rc-select" on:change=move |ev| from.set(event_target_value(&ev))>
                        <option value="">{t.none_option}</option>
                        {others.into_iter().map(|(id, n)| view! { <option value=id.0>{n}</option> }).collect_view()}
                    </select>
                </div>
                <div class="rc-actions">
                    <button type="submit" class="rc-button rc-button--primary">{t.give_thanks}</button>
                </div>
            </form>
            {move || error.get().map(|e| view! { <p class="rc-error" role="alert">{e}</p> })}
            <Show when=move || list().is_empty()>
                <p class="rc-muted">{move || fill(t.recognition_empty, &[("name", &name.get())])}</p>
            </Show>
            <ul class="rc-ops-list">
                {move || list2().into_iter().map(|(r, from)| {
                    let id = r.id.clone();
                    view! {
                        <li class="rc-ops-item" data-testid="recognition">
                            <div class="rc-ops-item__main">
                                <p>"★ "{r.text.clone()}</p>
                                <p class="rc-hint">{date(t, r.date)}{(!from.is_empty()).then(|| format!(" · {}", fill(t.recognition_from, &[("name", &from)])))}</p>
                            </div>
                            <div class="rc-actions">
                                <button type="button" class="rc-button" aria-label=format!("{} {}", t.remove, r.text)
                                    on:click=move |_| { let _ = state.edit(|c| c.remove_recognition(&id)); }>{t.remove}</button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

use crate::components::t;
use crate::model::ops::Coll;
use crate::model::raci::Thresholds;
use crate::state::AppState;
use leptos::prelude::*;

/// The workspace's warning thresholds, behind a disclosure.
#[component]
pub fn ThresholdsForm() -> impl IntoView {
    let state = AppState::expect();
    let t = t();
    type Get = fn(&Thresholds) -> f64;
    type Set = fn(&mut Thresholds, f64);
    let fields: [(&'static str, &'static str, Get, Set, &'static str); 6] = [
        ("th-r", t.th_max_responsible, |x| x.max_responsible as f64, |x, v| x.max_responsible = v as usize, "1"),
        ("th-c", t.th_max_consulted, |x| x.max_consulted as f64, |x, v| x.max_consulted = v as usize, "1"),
        ("th-i", t.th_max_informed, |x| x.max_informed as f64, |x, v| x.max_informed = v as usize, "1"),
        (
            "th-ra",
            t.th_max_accountable_per_role,
            |x| x.max_accountable_per_role as f64,
            |x, v| x.max_accountable_per_role = v as usize,
            "1",
        ),
        (
            "th-rr",
            t.th_max_responsible_per_role,
            |x| x.max_responsible_per_role as f64,
            |x, v| x.max_responsible_per_role = v as usize,
            "1",
        ),
        ("th-load", t.th_member_load_factor, |x| x.member_load_factor, |x, v| x.member_load_factor = v, "0.5"),
    ];
    let error = RwSignal::new(None::<String>);
    view! {
        <details class="rc-panel rc-thresholds rc-no-print">
            <summary>{t.thresholds_title}</summary>
            <div class="rc-grid">
                {fields.into_iter().map(|(id, label, get, set, step)| view! {
                    <div class="rc-field">
                        <label for=id>{label}</label>
                        <input id=id class="rc-input rc-input--short" type="number" min="0" step=step
                            prop:value=move || state.ws.watch(&[Coll::Settings], |w| get(&w.thresholds).to_string())
                            on:change=move |ev| {
                                // Read as typed numbers are; the declaration says what range holds.
                                let text = event_target_value(&ev);
                                let read = if step == "1" {
                                    crate::model::input::whole(&text).map(|v| v.map(f64::from))
                                } else {
                                    crate::model::input::number(&text)
                                };
                                // `try_set`: a field left by leaving the page is saved as the
                                // form is taken down, when there is no message to show any more.
                                let Ok(Some(v)) = read else {
                                    let _ = error.try_set(Some(crate::i18n::fill(t.err_not_a_number, &[("value", &text)])));
                                    return;
                                };
                                let done = state.edit(|c| {
                                    let mut th = c.ws().thresholds.clone();
                                    set(&mut th, v);
                                    c.set_thresholds(th)
                                });
                                let _ = error.try_set(done.err().map(|e| crate::i18n::model_error(t, &e)));
                            }/>
                    </div>
                }).collect_view()}
            </div>
            {move || error.get().map(|e| view! { <p class="rc-error" role="alert">{e}</p> })}
        </details>
    }
}

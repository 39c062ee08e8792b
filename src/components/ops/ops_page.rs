use super::improvements_tab::ImprovementsTab;
use super::meetings_tab::MeetingsTab;
use super::people_tab::PeopleTab;
use super::routines_tab::RoutinesTab;
use crate::components::shared::segment;
use crate::components::t;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Meetings,
    Improvements,
    Routines,
    People,
}

/// Running the service (seed 001 §3.2, §4.2, §9, §15; seed 004 items 8, 12, 15): meetings whose
/// agenda comes from live data, the improvement log, routines and 1:1 check-ins.
#[component]
pub fn OpsPage() -> impl IntoView {
    let t = t();
    // Back on the tab of a form left with unsaved changes (another page, a reload).
    let kept = |key| crate::components::shared::form::kept_id(key).is_some();
    let tab = RwSignal::new(if kept(super::improvements_tab::FORM) {
        Tab::Improvements
    } else if kept(super::routines_tab::FORM) {
        Tab::Routines
    } else if kept(super::people_tab::CHECKIN_FORM) {
        Tab::People
    } else {
        Tab::Meetings
    });
    view! {
        <section class="rc-page" aria-labelledby="ops-title">
            <div class="rc-page__head rc-no-print">
                <div>
                    <h1 id="ops-title">{t.ops_title}</h1>
                    <p class="rc-muted">{t.ops_intro}</p>
                </div>
                <fieldset aria-label=t.ops_title class="rc-segmented">
                    {segment("ops-tab", tab, Tab::Meetings, t.tab_meetings)}
                    {segment("ops-tab", tab, Tab::Improvements, t.tab_improvements)}
                    {segment("ops-tab", tab, Tab::Routines, t.tab_routines)}
                    {segment("ops-tab", tab, Tab::People, t.tab_people)}
                </fieldset>
            </div>
            {move || match tab.get() {
                Tab::Meetings => view! { <MeetingsTab/> }.into_any(),
                Tab::Improvements => view! { <ImprovementsTab/> }.into_any(),
                Tab::Routines => view! { <RoutinesTab/> }.into_any(),
                Tab::People => view! { <PeopleTab/> }.into_any(),
            }}
        </section>
    }
}

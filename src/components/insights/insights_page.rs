use super::capacity_tab::CapacityTab;
use super::service_tab::ServiceTab;
use super::skills_tab::SkillsTab;
use super::staffing_tab::StaffingTab;
use crate::components::shared::segment;
use crate::components::t;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Skills,
    Service,
    Capacity,
    Staffing,
}

/// Skills, service KPIs and capacity, from the data the team already keeps.
#[component]
pub fn InsightsPage() -> impl IntoView {
    let t = t();
    let tab = RwSignal::new(Tab::Skills);
    view! {
        <section class="rc-page" aria-labelledby="insights-title">
            <div class="rc-page__head">
                <div>
                    <h1 id="insights-title">{t.insights_title}</h1>
                    <p class="rc-muted">{t.insights_intro}</p>
                </div>
                <fieldset aria-label=t.insights_title class="rc-segmented rc-no-print">
                    {segment("insights-tab", tab, Tab::Skills, t.tab_skills)}
                    {segment("insights-tab", tab, Tab::Service, t.tab_service)}
                    {segment("insights-tab", tab, Tab::Capacity, t.tab_capacity)}
                    {segment("insights-tab", tab, Tab::Staffing, t.tab_staffing)}
                </fieldset>
            </div>
            {move || match tab.get() {
                Tab::Skills => view! { <SkillsTab/> }.into_any(),
                Tab::Service => view! { <ServiceTab/> }.into_any(),
                Tab::Capacity => view! { <CapacityTab/> }.into_any(),
                Tab::Staffing => view! { <StaffingTab/> }.into_any(),
            }}
        </section>
    }
}

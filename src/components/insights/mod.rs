mod capacity_tab;
mod insights_page;
mod service_tab;
mod skills_tab;
mod staffing_tab;

pub use insights_page::InsightsPage;

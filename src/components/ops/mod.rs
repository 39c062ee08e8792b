mod improvements_tab;
mod meeting_view;
mod meetings_tab;
mod ops_page;
mod people_tab;
mod routines_tab;

pub use ops_page::OpsPage;

use crate::model::Workspace;

/// A member's name, or nothing for one who is gone.
fn member_name(w: &Workspace, id: Option<&crate::model::MemberId>) -> String {
    id.and_then(|id| w.member(id)).map(|m| m.name.clone()).unwrap_or_default()
}

use crate::model::input::{number as parse_number, number_text};

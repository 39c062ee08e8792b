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

/// A number as typed in a form: empty is `None`, a comma is a decimal point.
fn parse_number(text: &str) -> Result<Option<f64>, ()> {
    let s = text.trim().replace(',', ".");
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<f64>().ok().filter(|x| x.is_finite()).map(Some).ok_or(())
}

/// A number for a form field.
fn number_text(x: Option<f64>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

mod chart_page;
mod duty_editor;
mod handbook_page;
mod problems_panel;
mod raci_matrix;
mod thresholds_form;

pub use chart_page::ChartPage;
pub use handbook_page::HandbookPage;

use crate::model::{DutyId, MemberId, RoleId};
use leptos::prelude::*;

/// A column of the chart: a role, or (in the member view) an active member.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ColumnKind {
    Role(RoleId),
    Member(MemberId),
}

/// One column with the name to show.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Column {
    pub kind: ColumnKind,
    pub name: String,
}

impl Column {
    /// The id of the role or member, used in element ids.
    pub fn key(&self) -> &str {
        match &self.kind {
            ColumnKind::Role(r) => r.as_str(),
            ColumnKind::Member(m) => m.as_str(),
        }
    }
}

/// A group of rows under one area heading.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AreaGroup {
    pub area: String,
    pub duties: Vec<(DutyId, String)>,
}

/// The element id of a cell.
pub fn cell_id(duty: &DutyId, column: &str) -> String {
    format!("cell-{duty}-{column}")
}

/// The element id of a column header.
pub fn column_id(column: &str) -> String {
    format!("col-{column}")
}

/// What the chart page shares with its parts.
#[derive(Clone, Copy)]
pub struct ChartCtx {
    pub columns: Memo<Vec<Column>>,
    pub groups: Memo<Vec<AreaGroup>>,
    /// The cell the user last chose (roving tabindex).
    pub active: RwSignal<Option<(DutyId, String)>>,
    /// The cell that takes Tab focus: the chosen one, else the first. Computed once for all
    /// cells (a 200 × 20 chart has 4,000), not by each.
    pub tab_stop: Memo<Option<(DutyId, String)>>,
}

impl ChartCtx {
    pub fn expect() -> Self {
        expect_context::<ChartCtx>()
    }

    /// The context for `columns` and `groups`, starting with no cell chosen.
    pub fn new(columns: Memo<Vec<Column>>, groups: Memo<Vec<AreaGroup>>) -> Self {
        let active = RwSignal::new(None);
        let tab_stop = Memo::new(move |_| active.get().or_else(|| first_cell(columns, groups)));
        ChartCtx { columns, groups, active, tab_stop }
    }

    /// Whether the cell of `duty` in `column` takes Tab focus.
    pub fn is_tab_stop(&self, duty: &DutyId, column: &str) -> bool {
        self.tab_stop.with(|c| c.as_ref().is_some_and(|(d, k)| d == duty && k == column))
    }

    /// The visible duties in order, for moving between rows.
    pub fn rows(&self) -> Vec<DutyId> {
        self.groups.with(|g| g.iter().flat_map(|g| g.duties.iter().map(|(d, _)| d.clone())).collect())
    }

    /// Makes a cell the active one and moves keyboard focus to it.
    pub fn focus_cell(&self, duty: DutyId, column: String) {
        let id = cell_id(&duty, &column);
        self.active.set(Some((duty, column)));
        crate::browser::focus_soon(id);
    }
}

/// The cell that takes Tab focus when none was chosen yet.
fn first_cell(columns: Memo<Vec<Column>>, groups: Memo<Vec<AreaGroup>>) -> Option<(DutyId, String)> {
    let duty = groups.with(|g| g.iter().flat_map(|g| g.duties.first()).next().map(|(d, _)| d.clone()))?;
    let column = columns.with(|c| c.first().map(|c| c.key().to_owned()))?;
    Some((duty, column))
}

mod departments;
mod share_panel;
mod storage_use;
mod sync_panel;
mod workspace_page;

pub use workspace_page::WorkspacePage;

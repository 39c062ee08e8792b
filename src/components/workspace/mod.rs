mod departments;
mod share_panel;
mod workspace_page;

pub use workspace_page::WorkspacePage;

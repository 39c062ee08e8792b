mod departments;
mod workspace_page;

pub use workspace_page::WorkspacePage;

mod member_editor;
mod team_page;

pub use team_page::TeamPage;

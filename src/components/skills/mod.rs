mod skill_editor;
mod skills_page;

pub use skills_page::SkillsPage;

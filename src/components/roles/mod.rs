mod role_editor;
mod roles_page;

pub use roles_page::RolesPage;

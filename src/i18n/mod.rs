//! Every user-facing string. A language is one `Strings` value: the compiler refuses a language
//! that lacks a key, so no string can be missing in one of them.

mod en;
mod messages;

pub use en::EN;
pub use messages::*;

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
}

impl Lang {
    /// The BCP 47 tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
        }
    }

    /// The strings of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
        }
    }
}

/// Fills `{name}` placeholders in a template.
pub fn fill(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// The strings of one language.
pub struct Strings {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub nav_label: &'static str,
    pub nav_team: &'static str,
    pub nav_roles: &'static str,
    pub nav_skills: &'static str,
    pub nav_workspace: &'static str,
    pub skip_to_content: &'static str,

    pub save_saved: &'static str,
    pub save_pending: &'static str,
    pub save_failed_quota: &'static str,
    pub save_failed_unavailable: &'static str,
    pub save_failed_other: &'static str,
    pub drop_hint: &'static str,

    pub recovery_title: &'static str,
    pub recovery_body: &'static str,
    pub recovery_download: &'static str,
    pub recovery_start: &'static str,
    pub repaired_title: &'static str,
    pub repaired_body: &'static str,
    pub replaced_import: &'static str,
    pub replaced_reset: &'static str,
    pub undo_import: &'static str,
    pub undo_reset: &'static str,
    pub dismiss: &'static str,
    pub details: &'static str,

    pub import_failed: &'static str,
    pub err_empty_file: &'static str,
    pub err_too_large: &'static str,
    pub err_too_deep: &'static str,
    pub err_truncated: &'static str,
    pub err_not_json: &'static str,
    pub err_not_rolecall: &'static str,
    pub err_bad_version: &'static str,
    pub err_future_version: &'static str,
    pub err_migration: &'static str,
    pub err_no_workspace: &'static str,
    pub err_invalid: &'static str,
    pub err_read_file: &'static str,

    pub preview_title: &'static str,
    pub preview_holds: &'static str,
    pub preview_saved_at: &'static str,
    pub preview_upgraded: &'static str,
    pub preview_repairs: &'static str,
    pub preview_no_repairs: &'static str,
    pub preview_warning: &'static str,
    pub preview_confirm: &'static str,
    pub cancel: &'static str,

    pub rep_field_defaulted: &'static str,
    pub rep_item_dropped: &'static str,
    pub rep_entries_dropped: &'static str,
    pub rep_id_replaced: &'static str,
    pub rep_name_given: &'static str,
    pub rep_name_changed: &'static str,
    pub rep_value_clamped: &'static str,
    pub rep_reference_removed: &'static str,

    /// member, role, skill, department, workspace (mid-sentence).
    pub kinds: [&'static str; 5],
    /// Member, Role, Skill, Department, Workspace (start of a sentence).
    pub kinds_title: [&'static str; 5],

    pub err_empty_name: &'static str,
    pub err_duplicate_name: &'static str,
    pub err_duplicate_id: &'static str,
    pub err_capacity: &'static str,
    pub err_level: &'static str,
    pub err_headcount: &'static str,
    pub err_duplicate_entry: &'static str,
    pub err_unknown_reference: &'static str,
    pub err_not_a_number: &'static str,

    pub welcome_title: &'static str,
    pub welcome_body: &'static str,
    pub welcome_template: &'static str,
    pub welcome_template_hint: &'static str,
    pub welcome_empty: &'static str,
    pub welcome_empty_hint: &'static str,
    pub welcome_import: &'static str,
    pub default_team_name: &'static str,

    /// Proficiency 0–4.
    pub levels: [&'static str; 5],
    /// people, technical, product, process, other.
    pub categories: [&'static str; 5],
    /// departmental, cross-functional, virtual, agile.
    pub collaboration_models: [&'static str; 4],
    pub collaboration_hints: [&'static str; 4],

    pub team_title: &'static str,
    pub team_intro: &'static str,
    pub add_member: &'static str,
    pub members_empty: &'static str,
    pub load_template: &'static str,
    pub col_name: &'static str,
    pub col_title: &'static str,
    pub col_department: &'static str,
    pub col_roles: &'static str,
    pub col_skills: &'static str,
    pub col_capacity: &'static str,
    pub col_status: &'static str,
    pub col_actions: &'static str,
    pub active: &'static str,
    pub inactive: &'static str,
    pub hours_per_week: &'static str,
    pub edit: &'static str,
    pub edit_named: &'static str,
    pub count_members: &'static str,

    pub new_member: &'static str,
    pub edit_member: &'static str,
    pub f_name: &'static str,
    pub f_title: &'static str,
    pub f_contact: &'static str,
    pub f_department: &'static str,
    pub no_department: &'static str,
    pub f_capacity: &'static str,
    pub f_active: &'static str,
    pub f_roles: &'static str,
    pub no_roles_yet: &'static str,
    pub f_skills: &'static str,
    pub f_add_skill: &'static str,
    pub no_skills_yet: &'static str,
    pub choose: &'static str,
    pub level_for: &'static str,
    pub interest_in: &'static str,
    pub interested: &'static str,
    pub remove: &'static str,
    pub remove_named: &'static str,
    pub f_notes: &'static str,
    pub save: &'static str,
    pub remove_member: &'static str,
    pub confirm_remove_member: &'static str,
    pub confirm_yes_remove: &'static str,

    pub roles_title: &'static str,
    pub roles_intro: &'static str,
    pub add_role: &'static str,
    pub roles_empty: &'static str,
    pub new_role: &'static str,
    pub edit_role: &'static str,
    pub f_purpose: &'static str,
    pub f_duties: &'static str,
    pub f_headcount: &'static str,
    pub f_required_skills: &'static str,
    pub f_add_required: &'static str,
    pub min_level_for: &'static str,
    pub held_by: &'static str,
    pub nobody_yet: &'static str,
    pub staffing: &'static str,
    pub duties: &'static str,
    pub remove_role: &'static str,
    pub confirm_remove_role: &'static str,

    pub skills_title: &'static str,
    pub skills_intro: &'static str,
    pub add_skill: &'static str,
    pub skills_empty: &'static str,
    pub new_skill: &'static str,
    pub edit_skill: &'static str,
    pub f_category: &'static str,
    pub f_description: &'static str,
    pub used_by: &'static str,
    pub remove_skill: &'static str,
    pub confirm_remove_skill: &'static str,
    pub confirm_remove_unused: &'static str,

    pub workspace_title: &'static str,
    pub about_title: &'static str,
    pub f_team_name: &'static str,
    pub f_team_purpose: &'static str,
    pub f_goals: &'static str,
    pub f_rhythm: &'static str,
    pub f_collaboration: &'static str,
    pub departments_title: &'static str,
    pub add_department: &'static str,
    pub f_new_department: &'static str,
    pub f_department_name: &'static str,
    pub departments_empty: &'static str,
    pub confirm_remove_department: &'static str,
    pub data_title: &'static str,
    pub data_body: &'static str,
    pub export_button: &'static str,
    pub import_button: &'static str,
    pub import_hint: &'static str,
    pub reset_button: &'static str,
    pub confirm_reset: &'static str,
    pub confirm_yes_reset: &'static str,
}

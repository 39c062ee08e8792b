//! Every user-facing string. A language is one `Strings` value: the compiler refuses a language
//! that lacks a key, so no string can be missing in one of them.

mod en;
mod messages;
mod zh;

pub use en::EN;
pub use messages::*;
pub use zh::ZH;

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    ZhCn,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The BCP 47 tag, for `<html lang>` and the stored choice.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The language's own name, for the switcher.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhCn => "简体中文",
        }
    }

    /// The language for a browser language tag ("zh", "zh-Hans-CN" … → Chinese; else English).
    pub fn from_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("zh") {
            Lang::ZhCn
        } else {
            Lang::En
        }
    }

    /// The strings of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::ZhCn => &ZH,
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
#[derive(Debug)]
pub struct Strings {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub nav_label: &'static str,
    pub nav_team: &'static str,
    pub nav_roles: &'static str,
    pub nav_skills: &'static str,
    pub nav_workspace: &'static str,
    pub page_loading: &'static str,
    pub page_load_failed: &'static str,
    pub try_again: &'static str,
    pub template_load_failed: &'static str,
    pub skip_to_content: &'static str,

    pub save_saved: &'static str,
    pub save_pending: &'static str,
    pub save_held: &'static str,
    pub save_failed_quota: &'static str,
    pub save_failed_unavailable: &'static str,
    pub save_failed_other: &'static str,
    pub save_blocked: &'static str,
    pub drop_hint: &'static str,

    pub recovery_title: &'static str,
    pub recovery_body: &'static str,
    pub recovery_body_held: &'static str,
    pub recovery_download: &'static str,
    pub recovery_start: &'static str,
    pub repaired_title: &'static str,
    pub repaired_body: &'static str,
    pub repaired_held_body: &'static str,
    pub download_original: &'static str,
    pub save_repaired: &'static str,
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
    pub err_too_many_items: &'static str,
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
    pub repairs_more: &'static str,
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
    pub rep_name_shortened: &'static str,
    pub rep_date_clamped: &'static str,
    pub rep_reference_removed: &'static str,

    /// member, role, skill, department, workspace, duty, task, column (mid-sentence).
    pub kinds: [&'static str; 10],
    /// Member, Role, Skill, Department, Workspace, Duty, Task, Column (start of a sentence).
    pub kinds_title: [&'static str; 10],

    pub err_empty_name: &'static str,
    pub err_duplicate_name: &'static str,
    pub err_duplicate_id: &'static str,
    pub err_capacity: &'static str,
    pub err_level: &'static str,
    pub err_headcount: &'static str,
    pub err_duplicate_entry: &'static str,
    pub err_unknown_reference: &'static str,
    pub err_out_of_range: &'static str,
    pub err_already_planned: &'static str,
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
    pub share_title: &'static str,
    pub share_body: &'static str,
    pub share_button: &'static str,
    pub share_copy: &'static str,
    pub share_copied: &'static str,
    pub share_copy_failed: &'static str,
    pub share_size: &'static str,
    pub share_too_long: &'static str,
    pub share_unsupported: &'static str,
    pub share_link_name: &'static str,
    pub update_ready: &'static str,
    pub update_reload: &'static str,
    pub update_later: &'static str,
    pub err_link_damaged: &'static str,
    pub err_link_newer: &'static str,
    pub err_link_too_long: &'static str,
    pub err_link_too_big: &'static str,
    pub reset_button: &'static str,
    pub confirm_reset: &'static str,
    pub confirm_yes_reset: &'static str,
    pub nav_chart: &'static str,
    pub nav_handbook: &'static str,
    pub chart_title: &'static str,
    pub chart_intro: &'static str,
    pub chart_label: &'static str,
    pub view_label: &'static str,
    pub board_view_label: &'static str,
    pub view_roles: &'static str,
    pub view_members: &'static str,
    pub filter_area: &'static str,
    pub filter_role: &'static str,
    pub all_areas: &'static str,
    pub all_roles: &'static str,
    pub only_problems: &'static str,
    pub col_duty: &'static str,
    pub no_area: &'static str,
    pub add_duty: &'static str,
    pub new_duty: &'static str,
    pub edit_duty: &'static str,
    pub edit_duty_named: &'static str,
    pub f_duty_title: &'static str,
    pub f_area: &'static str,
    pub f_frequency: &'static str,
    pub no_frequency: &'static str,
    pub remove_duty: &'static str,
    pub confirm_remove_duty: &'static str,
    pub duties_empty: &'static str,
    pub no_rows_match: &'static str,
    pub cell_label: &'static str,
    pub cell_override: &'static str,
    pub letter_none: &'static str,
    pub summary_ok: &'static str,
    pub summary_counts: &'static str,
    pub problems_title: &'static str,
    pub errors_title: &'static str,
    pub warnings_title: &'static str,
    pub show_in_chart: &'static str,
    pub marker_error: &'static str,
    pub marker_warning: &'static str,
    pub thresholds_title: &'static str,
    pub th_max_responsible: &'static str,
    pub th_max_consulted: &'static str,
    pub th_max_informed: &'static str,
    pub th_max_accountable_per_role: &'static str,
    pub th_max_responsible_per_role: &'static str,
    pub th_member_load_factor: &'static str,
    pub download_csv: &'static str,
    pub print: &'static str,
    pub chk_no_accountable: &'static str,
    pub chk_many_accountable: &'static str,
    pub chk_no_responsible: &'static str,
    pub chk_unstaffed: &'static str,
    pub chk_letters_r: &'static str,
    pub chk_letters_a: &'static str,
    pub chk_letters_ra: &'static str,
    pub chk_too_many_responsible: &'static str,
    pub chk_too_many_consulted: &'static str,
    pub chk_too_many_informed: &'static str,
    pub chk_silo: &'static str,
    pub chk_every_role: &'static str,
    pub chk_role_bottleneck: &'static str,
    pub chk_role_overload: &'static str,
    pub chk_role_idle: &'static str,
    pub chk_member_overload: &'static str,
    pub letter_names_r: &'static str,
    pub letter_names_a: &'static str,
    pub letter_names_ar: &'static str,
    pub letter_names_c: &'static str,
    pub letter_names_i: &'static str,
    pub handbook_title: &'static str,
    pub handbook_intro: &'static str,
    pub handbook_show: &'static str,
    pub handbook_all_roles: &'static str,
    pub handbook_all_members: &'static str,
    pub handbook_held_by: &'static str,
    pub handbook_holds: &'static str,
    pub handbook_accountable: &'static str,
    pub handbook_responsible: &'static str,
    pub handbook_consulted: &'static str,
    pub handbook_informed: &'static str,
    pub handbook_skills: &'static str,
    pub handbook_works_with: &'static str,
    pub handbook_none: &'static str,
    pub handbook_skill_member: &'static str,
    pub handbook_skill_role: &'static str,
    pub handbook_gap: &'static str,
    pub handbook_shared: &'static str,
    pub download_markdown: &'static str,
    pub responsibilities_of_role: &'static str,
    pub duties_in_chart: &'static str,
    /// daily, weekly, monthly, quarterly, as needed.
    pub frequencies: [&'static str; 5],
    pub nav_board: &'static str,
    pub board_title: &'static str,
    pub board_intro: &'static str,
    pub add_task: &'static str,
    pub new_task: &'static str,
    pub edit_task: &'static str,
    pub f_task_title: &'static str,
    pub f_task_type: &'static str,
    pub f_priority: &'static str,
    pub f_duty: &'static str,
    pub no_duty: &'static str,
    pub f_assignees: &'static str,
    pub f_estimate: &'static str,
    pub f_due: &'static str,
    pub f_service_due: &'static str,
    pub f_labels: &'static str,
    pub f_column: &'static str,
    pub suggestions_title: &'static str,
    pub suggestion_assign: &'static str,
    pub suggestion_assigned: &'static str,
    pub reason_skills: &'static str,
    pub reason_gap: &'static str,
    pub reason_responsible: &'static str,
    pub reason_accountable: &'static str,
    pub reason_spare: &'static str,
    pub reason_over: &'static str,
    pub no_suggestions: &'static str,
    pub over_capacity: &'static str,
    pub card_label: &'static str,
    pub wip_over: &'static str,
    pub wip_at: &'static str,
    pub swimlanes: &'static str,
    pub lane_none: &'static str,
    pub lane_assignee: &'static str,
    pub lane_role: &'static str,
    pub lane_priority: &'static str,
    pub lane_type: &'static str,
    pub unassigned: &'static str,
    pub no_role: &'static str,
    pub search: &'static str,
    pub filter_assignee: &'static str,
    pub filter_priority: &'static str,
    pub filter_type: &'static str,
    pub filter_label: &'static str,
    pub filter_overdue: &'static str,
    pub any: &'static str,
    pub filters_on: &'static str,
    pub clear_filters: &'static str,
    pub badge_overdue: &'static str,
    pub badge_breached: &'static str,
    pub badge_at_risk: &'static str,
    pub badge_due: &'static str,
    pub resolve_by: &'static str,
    pub archive_done: &'static str,
    pub archived_n: &'static str,
    pub remove_task: &'static str,
    pub confirm_remove_task: &'static str,
    pub board_settings: &'static str,
    pub columns_title: &'static str,
    pub f_column_name: &'static str,
    pub f_wip: &'static str,
    pub f_kind: &'static str,
    pub wip_none: &'static str,
    pub add_column: &'static str,
    pub f_new_column: &'static str,
    pub move_left: &'static str,
    pub move_right: &'static str,
    pub remove_column: &'static str,
    pub remove_column_to: &'static str,
    pub confirm_remove_column: &'static str,
    pub standards_title: &'static str,
    pub standards_intro: &'static str,
    pub col_priority: &'static str,
    pub col_first_response: &'static str,
    pub col_resolution: &'static str,
    pub f_first_response: &'static str,
    pub f_resolution: &'static str,
    pub view_board: &'static str,
    pub view_workload: &'static str,
    pub workload_title: &'static str,
    pub workload_intro: &'static str,
    pub workload_bar: &'static str,
    pub show_on_board: &'static str,
    pub err_task_title: &'static str,
    pub err_estimate: &'static str,
    pub err_column_name: &'static str,
    pub err_duplicate_column: &'static str,
    pub err_last_column: &'static str,
    pub err_wip: &'static str,
    pub err_standard: &'static str,
    pub err_board_missing: &'static str,
    pub tasks_in_column: &'static str,
    /// request, incident, complaint, improvement, training, other.
    pub task_types: [&'static str; 6],
    /// P1–P4.
    pub priorities: [&'static str; 4],
    /// not started, in progress, done.
    pub column_kinds: [&'static str; 3],
    pub assign: &'static str,
    pub nav_insights: &'static str,
    pub insights_title: &'static str,
    pub insights_intro: &'static str,
    pub tab_skills: &'static str,
    pub tab_service: &'static str,
    pub tab_capacity: &'static str,
    pub matrix_title: &'static str,
    pub matrix_hint: &'static str,
    pub matrix_label: &'static str,
    pub matrix_cell: &'static str,
    pub matrix_interest: &'static str,
    pub sort_by: &'static str,
    pub filter_department: &'static str,
    pub all_departments: &'static str,
    pub coverage_title: &'static str,
    pub coverage_hint: &'static str,
    pub col_skill: &'static str,
    pub col_level_n: &'static str,
    pub spof_title: &'static str,
    pub spof_only: &'static str,
    pub spof_nobody: &'static str,
    pub spof_none: &'static str,
    pub gaps_title: &'static str,
    pub gap_line: &'static str,
    pub gaps_none: &'static str,
    pub plan_training: &'static str,
    pub plan_training_for: &'static str,
    pub staffing_title: &'static str,
    pub col_role: &'static str,
    pub col_needed: &'static str,
    pub col_holders: &'static str,
    pub col_qualified: &'static str,
    pub staffing_met: &'static str,
    pub staffing_short: &'static str,
    pub training_title: &'static str,
    pub training_empty: &'static str,
    pub col_member: &'static str,
    pub col_target: &'static str,
    pub col_due: &'static str,
    pub training_status_for: &'static str,
    pub training_due_for: &'static str,
    pub create_task: &'static str,
    pub task_created: &'static str,
    pub training_task_title: &'static str,
    pub growth_title: &'static str,
    pub growth_line: &'static str,
    pub growth_empty: &'static str,
    pub kpis_title: &'static str,
    pub kpi_latest: &'static str,
    pub kpi_no_values: &'static str,
    pub kpi_target: &'static str,
    pub status_on: &'static str,
    pub status_near: &'static str,
    pub status_off: &'static str,
    pub record_value: &'static str,
    pub f_period: &'static str,
    pub f_value: &'static str,
    pub record: &'static str,
    pub remove_kpi: &'static str,
    pub add_kpi: &'static str,
    pub add_preset: &'static str,
    pub f_kpi_name: &'static str,
    pub f_unit: &'static str,
    pub f_direction: &'static str,
    pub directions_higher: &'static str,
    pub directions_lower: &'static str,
    pub f_target: &'static str,
    pub f_benchmark: &'static str,
    pub export_kpis: &'static str,
    pub import_kpis: &'static str,
    pub kpi_import_result: &'static str,
    pub row_columns: &'static str,
    pub row_unknown: &'static str,
    pub row_date: &'static str,
    pub row_number: &'static str,
    pub board_kpis_title: &'static str,
    pub sla_met_title: &'static str,
    pub throughput_title: &'static str,
    pub cycle_title: &'static str,
    pub cycle_values: &'static str,
    pub cycle_none: &'static str,
    pub cfd_title: &'static str,
    pub show_table: &'static str,
    pub show_chart: &'static str,
    pub col_week: &'static str,
    pub col_day: &'static str,
    pub col_value: &'static str,
    pub forecast_title: &'static str,
    pub forecast_method: &'static str,
    pub forecast_short: &'static str,
    pub forecast_series_history: &'static str,
    pub forecast_series_forecast: &'static str,
    pub forecast_capacity: &'static str,
    pub forecast_over: &'static str,
    pub role_need_title: &'static str,
    pub col_forecast_need: &'static str,
    /// The preset KPIs.
    pub kpi_presets: [&'static str; 6],
    /// planned, in progress, done.
    pub training_statuses: [&'static str; 3],
    pub undo: &'static str,
    pub redo: &'static str,
    pub undo_what: &'static str,
    pub redo_what: &'static str,
    pub nothing_to_undo: &'static str,
    pub nothing_to_redo: &'static str,
    pub change_added: &'static str,
    pub change_removed: &'static str,
    pub change_edited: &'static str,
    /// Where a change was, for undo: members, roles, skills, departments, chart, board, training, KPIs, settings.
    pub change_areas: [&'static str; 9],
    pub clash_title: &'static str,
    pub clash_body: &'static str,
    pub language: &'static str,
    /// How dates are written (chrono strftime).
    /// A day in words: `{year}`, `{month}` (from `months`) and `{day}`.
    pub date_pattern: &'static str,
    pub months: [&'static str; 12],
    pub theme: &'static str,
    /// system, light, dark.
    pub themes: [&'static str; 3],
    pub shortcuts_title: &'static str,
    pub close: &'static str,
    /// The lines of the shortcuts help.
    pub shortcuts: [&'static str; 7],
}

#[cfg(test)]
mod tests {
    use super::*;

    // Dates read the way each language writes them (this replaced chrono's strftime).
    #[test]
    fn a_day_is_written_the_way_each_language_writes_it() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        assert_eq!(date(Lang::En.strings(), d), "Nov 3, 2026");
        assert_eq!(date(Lang::ZhCn.strings(), d), "2026年11月3日");
    }

    fn placeholders(line: &str) -> Vec<String> {
        let mut out: Vec<String> = line
            .match_indices('{')
            .filter_map(|(i, _)| line[i + 1..].find('}').map(|j| line[i + 1..i + 1 + j].to_string()))
            .filter(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .collect();
        out.sort();
        out
    }

    // Every language has every key (the compiler sees to that), and each translation keeps the
    // English placeholders, so no sentence loses a name or a number.
    #[test]
    fn every_language_has_every_string_with_the_same_placeholders() {
        let en = format!("{EN:#?}");
        for lang in Lang::ALL {
            let other = format!("{:#?}", lang.strings());
            let (a, b): (Vec<&str>, Vec<&str>) = (en.lines().collect(), other.lines().collect());
            assert_eq!(a.len(), b.len(), "{} has a different shape", lang.tag());
            for (x, y) in a.iter().zip(&b) {
                assert_eq!(placeholders(x), placeholders(y), "{}: {y} does not match {x}", lang.tag());
                assert!(!y.trim_end_matches(',').ends_with("\"\""), "{}: empty string: {y}", lang.tag());
            }
        }
    }

    #[test]
    fn the_browser_language_picks_chinese_for_any_zh_tag() {
        assert_eq!(Lang::from_tag("zh-CN"), Lang::ZhCn);
        assert_eq!(Lang::from_tag("zh-Hans"), Lang::ZhCn);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("fr"), Lang::En);
    }
}
